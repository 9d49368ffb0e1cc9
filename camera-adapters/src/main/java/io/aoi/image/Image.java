package io.aoi.image;

import java.util.Arrays;

/**
 * A raster of unsigned 8- or 16-bit samples, channels interleaved, rows top to bottom.
 *
 * <p>Immutable by contract: the constructor copies nothing for speed, so whoever builds an image hands over
 * its array and never writes to it again; {@link #samples()} returns the internal array, which readers must
 * not modify. Safe to share between threads once built.
 */
public final class Image {
    private final int width;
    private final int height;
    private final int channels;
    private final int bitDepth;
    private final short[] samples;

    /**
     * @param samples width x height x channels samples; ownership passes to the image
     * @throws IllegalArgumentException when the sizes do not agree or the depth is not 8 or 16
     */
    public Image(int width, int height, int channels, int bitDepth, short[] samples) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be positive");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels = " + channels + "; allowed: 1 (mono) or 3 (RGB)");
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bitDepth = " + bitDepth + "; allowed: 8 or 16");
        }
        if (samples.length != width * height * channels) {
            throw new IllegalArgumentException("samples has " + samples.length + " entries; "
                    + width + "x" + height + "x" + channels + " needs " + width * height * channels);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.bitDepth = bitDepth;
        this.samples = samples;
    }

    /** A black image. */
    public static Image blank(int width, int height, int channels, int bitDepth) {
        return new Image(width, height, channels, bitDepth, new short[width * height * channels]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public int bitDepth() {
        return bitDepth;
    }

    /** Full-scale value: 255 or 65535. */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** The internal sample array; do not modify. Values are unsigned: read them with {@code & 0xFFFF}. */
    public short[] samples() {
        return samples;
    }

    /** Sample at (x, y) of channel c, as an unsigned value. */
    public int sample(int x, int y, int c) {
        return samples[(y * width + x) * channels + c] & 0xFFFF;
    }

    /** One channel as floats scaled to [0, 1], row-major, a new array. */
    public float[] channelAsFloat(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel " + channel + " of a " + channels + "-channel image");
        }
        float scale = 1f / maxValue();
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = (samples[i * channels + channel] & 0xFFFF) * scale;
        }
        return out;
    }

    /**
     * Builds an image from per-channel float planes in [0, 1] (values outside are clipped), rounding to the
     * given bit depth.
     */
    public static Image fromFloatChannels(int width, int height, int bitDepth, float[]... planes) {
        int channels = planes.length;
        int max = (1 << bitDepth) - 1;
        short[] out = new short[width * height * channels];
        for (int c = 0; c < channels; c++) {
            float[] p = planes[c];
            if (p.length != width * height) {
                throw new IllegalArgumentException("plane " + c + " has " + p.length + " values, expected "
                        + width * height);
            }
            for (int i = 0; i < p.length; i++) {
                float v = p[i];
                int q = v <= 0f ? 0 : v >= 1f ? max : Math.round(v * max);
                out[i * channels + c] = (short) q;
            }
        }
        return new Image(width, height, channels, bitDepth, out);
    }

    /** Rows [fromRow, fromRow + rows) as a new image. */
    public Image rows(int fromRow, int rows) {
        if (fromRow < 0 || rows <= 0 || fromRow + rows > height) {
            throw new IllegalArgumentException("rows " + fromRow + ".." + (fromRow + rows) + " of " + height);
        }
        int rowLen = width * channels;
        return new Image(width, rows, channels, bitDepth,
                Arrays.copyOfRange(samples, fromRow * rowLen, (fromRow + rows) * rowLen));
    }

    @Override
    public String toString() {
        return width + "x" + height + "x" + channels + " " + bitDepth + "-bit";
    }
}
