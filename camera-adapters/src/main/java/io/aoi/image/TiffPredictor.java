package io.aoi.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads 16-bit TIFFs stored with the horizontal-differencing predictor (TIFF tag Predictor = 2), which the JDK's
 * TIFF reader refuses for 16-bit samples although OpenCV and libtiff write them by default (LZW or Deflate with the
 * predictor). The predictor is a lossless step after decompression: each sample is stored as its difference from
 * the same channel of the pixel to its left, restarting at the left edge of every row of a strip or tile. So the
 * file is decoded with the Predictor tag of its first image set to 1 (none), which yields the differences, and the
 * running sum along each row (modulo 2^16) restores the samples exactly.
 *
 * <p>Stateless.
 */
final class TiffPredictor {
    private static final String NATIVE_FORMAT = "javax_imageio_tiff_image_1.0";
    private static final int TAG_PREDICTOR = 317;
    private static final int TAG_TILE_WIDTH = 322;
    private static final int HORIZONTAL_DIFFERENCING = 2;
    private static final int TYPE_SHORT = 3;

    private TiffPredictor() {
    }

    /**
     * @param width the image's width
     * @return the width of the segments the differencing restarts at (the tile width, or {@code width} for
     *         strips) when the first image is 16-bit with the horizontal predictor; empty otherwise
     */
    static OptionalInt differencedSegmentWidth(IIOMetadata metadata, int[] storedBits, int width) {
        if (metadata == null || storedBits.length == 0 || storedBits[0] != 16
                || !NATIVE_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            return OptionalInt.empty();
        }
        Node root = metadata.getAsTree(NATIVE_FORMAT);
        if (field(root, TAG_PREDICTOR) != HORIZONTAL_DIFFERENCING) {
            return OptionalInt.empty();
        }
        int tileWidth = field(root, TAG_TILE_WIDTH);
        return OptionalInt.of(tileWidth > 0 ? tileWidth : width);
    }

    /** Decodes the first image of {@code file} undoing the predictor; see the class comment. */
    static BufferedImage read(Path file, int segmentWidth) throws IOException {
        byte[] bytes = withoutPredictor(Files.readAllBytes(file));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                BufferedImage differences = reader.read(0);
                undoDifferencing(differences.getRaster(), segmentWidth);
                return differences;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * A copy of a TIFF file whose first image's Predictor entry reads 1.
     *
     * @throws IOException when the header or the first image's directory cannot be read, or it holds no Predictor
     *                     entry of one SHORT
     */
    static byte[] withoutPredictor(byte[] file) throws IOException {
        if (file.length < 8) {
            throw new IOException("TIFF header shorter than 8 bytes");
        }
        ByteOrder order = file[0] == 'I' && file[1] == 'I' ? ByteOrder.LITTLE_ENDIAN
                : file[0] == 'M' && file[1] == 'M' ? ByteOrder.BIG_ENDIAN : null;
        if (order == null) {
            throw new IOException("no TIFF byte order mark (II or MM)");
        }
        ByteBuffer buf = ByteBuffer.wrap(file.clone()).order(order);
        long ifd = Integer.toUnsignedLong(buf.getInt(4));
        if (ifd + 2 > file.length) {
            throw new IOException("the first image directory lies outside the file (offset " + ifd + ")");
        }
        int entries = Short.toUnsignedInt(buf.getShort((int) ifd));
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > file.length) {
                break;
            }
            if (Short.toUnsignedInt(buf.getShort(entry)) == TAG_PREDICTOR) {
                if (Short.toUnsignedInt(buf.getShort(entry + 2)) != TYPE_SHORT || buf.getInt(entry + 4) != 1) {
                    throw new IOException("the Predictor entry is not one SHORT");
                }
                buf.putShort(entry + 8, (short) 1);
                return buf.array();
            }
        }
        throw new IOException("no Predictor entry in the first image directory");
    }

    /** Running sum along each row of every band, restarting every {@code segmentWidth} pixels, modulo 2^16. */
    static void undoDifferencing(WritableRaster raster, int segmentWidth) {
        int w = raster.getWidth();
        int[] row = new int[w];
        for (int band = 0; band < raster.getNumBands(); band++) {
            for (int y = 0; y < raster.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, band, row);
                for (int x = 1; x < w; x++) {
                    if (x % segmentWidth != 0) {
                        row[x] = (row[x] + row[x - 1]) & 0xFFFF;
                    }
                }
                raster.setSamples(0, y, w, 1, band, row);
            }
        }
    }

    /** The first value of a numeric field of the native TIFF metadata tree, or 0 when it is absent. */
    private static int field(Node root, int tag) {
        NodeList fields = ((Element) root).getElementsByTagName("TIFFField");
        for (int i = 0; i < fields.getLength(); i++) {
            Element f = (Element) fields.item(i);
            if (String.valueOf(tag).equals(f.getAttribute("number"))) {
                NodeList values = f.getElementsByTagName("*");
                for (int j = 0; j < values.getLength(); j++) {
                    String v = ((Element) values.item(j)).getAttribute("value");
                    if (!v.isEmpty()) {
                        return Integer.parseInt(v.trim());
                    }
                }
            }
        }
        return 0;
    }
}
