package io.aoi.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads and writes PNG and TIFF files as {@link Image}s through the JDK's image I/O.
 *
 * <p>Read: first the size, from the file header (PNG IHDR, TIFF ImageWidth/ImageLength), against the
 * {@link ImageLimits}; a larger file is refused before any pixel is decoded. Then 8- or 16-bit samples; gray,
 * or RGB in the file's own colour space (values are taken as stored, not colour-managed). Conversions, all
 * explicit: an alpha channel is discarded (gray+alpha becomes gray, RGBA becomes RGB; colours are not composited
 * over a background), with the warning {@link DecodedImage#ALPHA_DISCARDED}; palette (indexed) images of any
 * index depth become 8-bit gray when every palette entry is gray, else 8-bit RGB. Anything else (other sample
 * depths such as 12-bit, floating-point samples, CMYK or other colour spaces, other containers) is refused
 * with an {@link ImageFormatException}. Only the first page of a multi-page TIFF is read, with the warning
 * {@link DecodedImage#LATER_PAGES_IGNORED}. TIFF compression as the JDK's reader decodes it (none, LZW, Deflate,
 * PackBits, JPEG), and 16-bit samples with the horizontal-differencing predictor as well, which that reader
 * refuses ({@link TiffPredictor}).
 *
 * <p>Write: the format follows the extension (.png, .tif, .tiff); mono becomes gray, three channels RGB, at
 * the image's bit depth; TIFF is written uncompressed. An existing file is replaced.
 *
 * <p>Stateless and thread-safe.
 */
public final class ImageFiles {
    /** What {@link #read(Path)} accepts, as quoted in its errors. */
    public static final String READABLE = "PNG or TIFF with 8- or 16-bit samples: gray, gray+alpha, RGB, RGBA "
            + "or palette";
    private static final String WRITABLE_EXTENSIONS = ".png, .tif, .tiff";

    private ImageFiles() {
    }

    /**
     * {@link #read(Path, ImageLimits)} with {@link ImageLimits#DEFAULT}, for callers that need the pixels only
     * (the warnings are dropped).
     *
     * @throws ImageFormatException when the file is too large, not a supported image or cannot be decoded
     * @throws IOException          when the file cannot be read at all
     */
    public static Image read(Path file) throws IOException {
        return read(file, ImageLimits.DEFAULT).image();
    }

    /**
     * Reads an image, refusing it from its header when it is larger than {@code limits} allow.
     *
     * @return the image and what reading it left out
     * @throws ImageFormatException when the file is too large, not a supported image or cannot be decoded; the
     *                              message names the file, what it holds and what is allowed
     * @throws IOException          when the file cannot be read at all
     */
    public static DecodedImage read(Path file, ImageLimits limits) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such image file");
        }
        BufferedImage decoded;
        int[] storedBits;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + ": cannot open for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFormatException(file, "no recognisable image data", READABLE);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toUpperCase(Locale.ROOT);
                if (!format.equals("PNG") && !format.startsWith("TIF")) {
                    throw new ImageFormatException(file, "a " + format + " file", READABLE);
                }
                reader.setInput(in, true, false);
                checkSize(file, reader.getWidth(0), reader.getHeight(0), limits);
                IIOMetadata metadata = reader.getImageMetadata(0);
                storedBits = storedBitsPerSample(metadata);
                OptionalInt differenced = format.startsWith("TIF")
                        ? TiffPredictor.differencedSegmentWidth(metadata, storedBits, reader.getWidth(0))
                        : OptionalInt.empty();
                decoded = differenced.isPresent() ? TiffPredictor.read(file, differenced.getAsInt()) : reader.read(0);
                if (format.startsWith("TIF") && hasSecondPage(reader)) {
                    warnings.add(DecodedImage.LATER_PAGES_IGNORED);
                }
            } catch (ImageFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new ImageFormatException(file, "data that cannot be decoded (" + e.getMessage() + ")",
                        READABLE, e);
            } finally {
                reader.dispose();
            }
        }
        if (decoded.getColorModel().hasAlpha()) {
            warnings.add(DecodedImage.ALPHA_DISCARDED);
        }
        return new DecodedImage(convert(file, decoded, storedBits), warnings);
    }

    /**
     * Megapixels to one decimal, or to as many as it takes (up to six) to read above the limit: 8001 x 8000 against
     * 64 is 64.01, not 64.0.
     */
    static String shownAbove(long pixels, ImageLimits limits) {
        String shown = "";
        for (int decimals = 1; decimals <= 6; decimals++) {
            shown = String.format(Locale.ROOT, "%." + decimals + "f", pixels / 1e6);
            if (Double.parseDouble(shown) > limits.maxMegapixels()) {
                return shown;
            }
        }
        return shown;
    }

    /** Width and height come from the header only; nothing is decoded yet. */
    private static void checkSize(Path file, int width, int height, ImageLimits limits) throws ImageFormatException {
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageFormatException(file, width + " x " + height + " pixels in the file header ("
                    + shownAbove(pixels, limits) + " megapixels)",
                    "at most " + limits.describe() + " megapixels");
        }
    }

    /** Whether a second image follows the first, read from its header alone (one that cannot be read counts). */
    private static boolean hasSecondPage(ImageReader reader) throws IOException {
        try {
            reader.getWidth(1);
            return true;
        } catch (IndexOutOfBoundsException onePage) {
            return false;
        } catch (IOException unreadableSecondPage) {
            return true;
        }
    }

    /**
     * Sample depths as stored in the file, from the standard metadata tree; decoders widen some depths
     * (12-bit TIFF arrives as 16-bit samples holding 0..4095), so the raster alone cannot tell. Empty when
     * the reader does not say.
     */
    private static int[] storedBitsPerSample(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return new int[0];
        }
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        NodeList nodes = ((Element) root).getElementsByTagName("BitsPerSample");
        if (nodes.getLength() == 0) {
            return new int[0];
        }
        String value = ((Element) nodes.item(0)).getAttribute("value").trim();
        if (value.isEmpty()) {
            return new int[0];
        }
        String[] parts = value.split("\\s+");
        int[] bits = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bits[i] = Integer.parseInt(parts[i]);
        }
        return bits;
    }

    private static Image convert(Path file, BufferedImage img, int[] storedBits) throws ImageFormatException {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        if (cm instanceof IndexColorModel palette) {
            return fromPalette(palette, raster, w, h);
        }
        int dataType = raster.getSampleModel().getDataType();
        if (dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE) {
            throw new ImageFormatException(file, "floating-point samples", READABLE);
        }
        int[] sizes = storedBits.length > 0 ? storedBits : raster.getSampleModel().getSampleSize();
        int bits = sizes[0];
        for (int s : sizes) {
            if (s != bits) {
                throw new ImageFormatException(file, "mixed sample depths " + Arrays.toString(sizes),
                        READABLE);
            }
        }
        if (bits != 8 && bits != 16) {
            throw new ImageFormatException(file, bits + "-bit samples", READABLE);
        }
        int colourType = cm.getColorSpace().getType();
        int colours = cm.getNumColorComponents();
        int channels;
        if (colourType == ColorSpace.TYPE_GRAY && colours == 1) {
            channels = 1;
        } else if (colourType == ColorSpace.TYPE_RGB && colours == 3) {
            channels = 3;
        } else {
            throw new ImageFormatException(file, colourSpaceName(colourType) + " colour with " + colours
                    + " components", READABLE);
        }
        short[] out = new short[w * h * channels];
        int[] row = new int[w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, c, row);
                int base = y * w * channels + c;
                for (int x = 0; x < w; x++) {
                    out[base + x * channels] = (short) row[x];
                }
            }
        }
        return new Image(w, h, channels, bits, out);
    }

    private static Image fromPalette(IndexColorModel palette, Raster raster, int w, int h) {
        int entries = palette.getMapSize();
        boolean gray = true;
        for (int i = 0; i < entries && gray; i++) {
            gray = palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
        }
        int channels = gray ? 1 : 3;
        short[] out = new short[w * h * channels];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * channels;
                int index = row[x];
                if (gray) {
                    out[i] = (short) palette.getRed(index);
                } else {
                    out[i] = (short) palette.getRed(index);
                    out[i + 1] = (short) palette.getGreen(index);
                    out[i + 2] = (short) palette.getBlue(index);
                }
            }
        }
        return new Image(w, h, channels, 8, out);
    }

    private static String colourSpaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_CMY -> "CMY";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_Lab -> "Lab";
            case ColorSpace.TYPE_GRAY -> "gray";
            case ColorSpace.TYPE_RGB -> "RGB";
            default -> "colour space type " + type;
        };
    }

    /**
     * @throws ImageFormatException when the extension is not .png, .tif or .tiff, or no writer accepts the image
     * @throws IOException          when the file cannot be written
     */
    public static void write(Image image, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format;
        if (name.endsWith(".png")) {
            format = "png";
        } else if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            format = "tiff";
        } else {
            throw new ImageFormatException(file, "a file name without a supported extension",
                    WRITABLE_EXTENSIONS);
        }
        BufferedImage buffered = toBuffered(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new ImageFormatException(file, "no " + format + " writer in this Java runtime",
                    WRITABLE_EXTENSIONS);
        }
        ImageWriter writer = writers.next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            if (out == null) {
                throw new IOException(file + ": cannot open for writing");
            }
            writer.setOutput(out);
            writer.write(buffered);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage toBuffered(Image image) {
        int channels = image.channels();
        ColorSpace space = ColorSpace.getInstance(channels == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int[] bits = new int[channels];
        Arrays.fill(bits, image.bitDepth());
        int dataType = image.bitDepth() == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        ColorModel cm = new ComponentColorModel(space, bits, false, false, Transparency.OPAQUE, dataType);
        WritableRaster raster = cm.createCompatibleWritableRaster(image.width(), image.height());
        short[] samples = image.samples();
        int rowLen = image.width() * channels;
        int[] row = new int[rowLen];
        for (int y = 0; y < image.height(); y++) {
            for (int i = 0; i < rowLen; i++) {
                row[i] = samples[y * rowLen + i] & 0xFFFF;
            }
            raster.setPixels(0, y, image.width(), 1, row);
        }
        return new BufferedImage(cm, raster, false, null);
    }
}
