package io.aoi.deblur.motion;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurOutputCheck;
import io.aoi.deblur.onnx.ModelSignature;
import io.aoi.deblur.onnx.OnnxModel;
import io.aoi.deblur.onnx.TensorSpec;
import io.aoi.deblur.tiling.Planes;
import io.aoi.deblur.tiling.Tiler;
import io.aoi.image.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The three-frame motion deblurrer, run with ONNX Runtime: restores the centre frame from itself and its
 * two neighbours.
 *
 * <p>The model is grayscale: colour frames are restored channel by channel (each channel sees the same
 * channel of the neighbours). 8- and 16-bit samples are scaled to [0, 1] and back. Frames larger than a
 * tile run in overlapping tiles ({@link Tiler}); the three frames are cut at the same positions.
 * Iterations do not apply: the model runs once per frame. The output is checked with {@link DeblurOutputCheck}.
 *
 * <p>Owns one {@link OnnxModel}; not thread-safe (callers serialise frames); {@link #close()} is idempotent.
 */
public final class MotionDeblurrer implements TripletDeblurrer {
    /** The model shipped in this module. */
    public static final String SHIPPED_MODEL = "/io/aoi/models/motion/motion-deblur.onnx";
    public static final String PREVIOUS = "prev";
    public static final String CURRENT = "current";
    public static final String NEXT = "next";
    public static final String OUTPUT = "restored";
    /** Inputs and outputs a motion model file must declare, all [1, 1, H, W] float32. */
    public static final ModelSignature SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(PREVIOUS, 4), TensorSpec.float32(CURRENT, 4), TensorSpec.float32(NEXT, 4)),
            List.of(TensorSpec.float32(OUTPUT, 4)));
    /** Tiles smaller than this are mirrored up to it before they reach the model (it halves twice). */
    static final int MIN_MODEL_SIDE = 16;
    /**
     * Tiling addresses pixels through a float plane of their indices, exact up to 2^24 pixels per frame.
     */
    static final int MAX_TILED_PIXELS = 1 << 24;

    private final OnnxModel model;
    private final Tiler tiler;
    private boolean closed;

    /**
     * Opens {@code settings.modelFile()} when present, else the shipped model, on the configured execution
     * provider and thread count, tiled with the configured tile size and overlap.
     *
     * @throws DeblurException when the model cannot be opened, does not match, or the provider is unavailable
     */
    public static MotionDeblurrer open(DeblurSettings settings) throws DeblurException {
        Optional<Path> file = settings.modelFile();
        OnnxModel model = file.isPresent()
                ? OnnxModel.open(file.get(), SIGNATURE, settings.executionProvider(), settings.threads())
                : OnnxModel.openResource(SHIPPED_MODEL, SIGNATURE, settings.executionProvider(), settings.threads());
        return new MotionDeblurrer(model, new Tiler(settings.tileSizePx(), settings.tileOverlapPx()));
    }

    /**
     * @param model a session opened with {@link #SIGNATURE}; owned (closed) by this deblurrer
     * @param tiler how frames are cut into tiles
     */
    public MotionDeblurrer(OnnxModel model, Tiler tiler) {
        this.model = Objects.requireNonNull(model, "model");
        this.tiler = Objects.requireNonNull(tiler, "tiler");
    }

    @Override
    public String name() {
        return "motion";
    }

    /**
     * @throws IllegalArgumentException when the three frames differ in size, channels or bit depth, or a tiled
     *                                  frame has more than 2^24 pixels
     */
    @Override
    public Image deblur(Image previous, Image current, Image next) throws DeblurException {
        if (closed) {
            throw new IllegalStateException("motion deblurrer is closed");
        }
        checkSameFormat("previous", previous, current);
        checkSameFormat("next", next, current);
        int w = current.width();
        int h = current.height();
        boolean tiled = w > tiler.tileSizePx() || h > tiler.tileSizePx();
        if (tiled && (long) w * h > MAX_TILED_PIXELS) {
            throw new IllegalArgumentException("frame " + current + " has " + (long) w * h
                    + " pixels; tiled motion deblurring allows up to " + MAX_TILED_PIXELS);
        }
        float[][] planes = new float[current.channels()][];
        for (int c = 0; c < planes.length; c++) {
            float[] p = previous.channelAsFloat(c);
            float[] q = current.channelAsFloat(c);
            float[] n = next.channelAsFloat(c);
            planes[c] = tiled
                    ? tiler.apply(indexPlane(w * h), w, h, (tile, tw, th) -> run(gather(p, tile), gather(q, tile),
                            gather(n, tile), tw, th))
                    : run(p, q, n, w, h);
            DeblurOutputCheck.check(name(), planes[c]);
        }
        return Image.fromFloatChannels(w, h, current.bitDepth(), planes);
    }

    /** A plane whose value at each pixel is that pixel's row-major index (exact below 2^24). */
    private static float[] indexPlane(int size) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The samples of {@code plane} at the pixel indices a tile of the index plane holds. */
    private static float[] gather(float[] plane, float[] indexTile) {
        float[] out = new float[indexTile.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = plane[(int) indexTile[i]];
        }
        return out;
    }

    /** One model run; inputs smaller than {@link #MIN_MODEL_SIDE} are mirrored up and cropped back. */
    private float[] run(float[] prev, float[] cur, float[] next, int width, int height) throws DeblurException {
        int mw = Math.max(width, MIN_MODEL_SIDE);
        int mh = Math.max(height, MIN_MODEL_SIDE);
        boolean grow = mw != width || mh != height;
        float[] out = model.runPlanes(Map.of(
                PREVIOUS, grow ? Planes.mirrorUp(prev, width, height, mw, mh) : prev,
                CURRENT, grow ? Planes.mirrorUp(cur, width, height, mw, mh) : cur,
                NEXT, grow ? Planes.mirrorUp(next, width, height, mw, mh) : next), OUTPUT, mw, mh);
        return grow ? Planes.crop(out, mw, width, height) : out;
    }

    private static void checkSameFormat(String which, Image frame, Image current) {
        Objects.requireNonNull(frame, which);
        Objects.requireNonNull(current, "current");
        if (frame.width() != current.width() || frame.height() != current.height()
                || frame.channels() != current.channels() || frame.bitDepth() != current.bitDepth()) {
            throw new IllegalArgumentException(which + " frame " + frame + " differs from the current frame "
                    + current + "; the three frames must have the same size, channels and bit depth");
        }
    }

    /** Ends the model run in progress on another thread (ONNX Runtime's terminate flag). */
    @Override
    public void abort() {
        model.abortRuns();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
