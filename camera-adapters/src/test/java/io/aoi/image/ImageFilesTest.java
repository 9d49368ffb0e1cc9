package io.aoi.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFilesTest {
    @TempDir
    Path dir;

    private static Image randomImage(int width, int height, int channels, int bitDepth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] samples = new short[width * height * channels];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(1 << bitDepth);
        }
        return new Image(width, height, channels, bitDepth, samples);
    }

    @ParameterizedTest(name = "{0}-bit, {1} channel(s), {2}")
    @CsvSource({"8,1,png", "8,3,png", "16,1,png", "16,3,png", "8,1,tif", "8,3,tiff", "16,1,tif", "16,3,tiff"})
    void roundTripKeepsEverySample(int bitDepth, int channels, String extension) throws IOException {
        Image original = randomImage(37, 23, channels, bitDepth, bitDepth * 10L + channels);
        Path file = dir.resolve("img." + extension);
        ImageFiles.write(original, file);
        Image back = ImageFiles.read(file);
        assertEquals(original.width(), back.width());
        assertEquals(original.height(), back.height());
        assertEquals(channels, back.channels());
        assertEquals(bitDepth, back.bitDepth());
        assertArrayEquals(original.samples(), back.samples());
    }

    /**
     * 16-bit TIFFs with the horizontal-differencing predictor, as OpenCV writes them by default (LZW, strips) and
     * libtiff's tiffcp with {@code -t -w 16 -l 16 -c zip:2} (Deflate, 16 px tiles, so the differencing restarts at
     * x = 16 and 32 of the 40 px rows); sample (x, y) of channel k holds
     * {@code (911 x + 1531 y + 7717 k + 300 ((x y) mod 97)) mod 65536}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"gray16-lzw-predictor.tif,37,23,1", "rgb16-lzw-predictor.tif,29,17,3",
            "gray16-tiled-deflate-predictor.tif,40,24,1"})
    void sixteenBitTiffWithTheHorizontalPredictorIsReadExactly(String name, int w, int h, int channels)
            throws IOException {
        Path file = dir.resolve(name);
        try (var in = getClass().getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        Image back = ImageFiles.read(file);
        assertEquals(w, back.width());
        assertEquals(h, back.height());
        assertEquals(channels, back.channels());
        assertEquals(16, back.bitDepth());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < channels; k++) {
                    int expected = (911 * x + 1531 * y + 7717 * k + 300 * ((x * y) % 97)) % 65536;
                    assertEquals(expected, back.sample(x, y, k), name + " at (" + x + ", " + y + ") channel " + k);
                }
            }
        }
    }

    @Test
    void overwritingALargerFileLeavesNoStaleBytes() throws IOException {
        Path file = dir.resolve("over.tif");
        ImageFiles.write(randomImage(200, 200, 3, 16, 1), file);
        Image small = randomImage(5, 4, 1, 8, 2);
        ImageFiles.write(small, file);
        assertArrayEquals(small.samples(), ImageFiles.read(file).samples());
    }

    @Test
    void rgbaIsReadAsRgbWithAlphaDiscarded() throws IOException {
        BufferedImage rgba = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(1, 1, 0x40FF8010);
        Path file = dir.resolve("rgba.png");
        ImageIO.write(rgba, "png", file.toFile());
        DecodedImage decoded = ImageFiles.read(file, ImageLimits.DEFAULT);
        Image back = decoded.image();
        assertEquals(List.of(DecodedImage.ALPHA_DISCARDED), decoded.warnings());
        assertEquals(3, back.channels());
        assertEquals(8, back.bitDepth());
        assertEquals(0xFF, back.sample(1, 1, 0));
        assertEquals(0x80, back.sample(1, 1, 1));
        assertEquals(0x10, back.sample(1, 1, 2));
    }

    @Test
    void sixteenBitGrayWithAlphaIsReadAsGray() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {16, 16}, true,
                false, Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 2);
        raster.setPixel(1, 0, new int[] {54321, 1000});
        Path file = dir.resolve("gray-alpha.png");
        ImageIO.write(new BufferedImage(cm, raster, false, null), "png", file.toFile());
        DecodedImage decoded = ImageFiles.read(file, ImageLimits.DEFAULT);
        Image back = decoded.image();
        assertEquals(List.of(DecodedImage.ALPHA_DISCARDED), decoded.warnings());
        assertEquals(1, back.channels());
        assertEquals(16, back.bitDepth());
        assertEquals(54321, back.sample(1, 0, 0));
    }

    @Test
    void grayPaletteBecomesGrayAndColourPaletteBecomesRgb() throws IOException {
        byte[] levels = {0, 100, (byte) 200, (byte) 255};
        IndexColorModel grayPalette = new IndexColorModel(2, 4, levels, levels, levels);
        BufferedImage gray = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, grayPalette);
        for (int x = 0; x < 4; x++) {
            gray.getRaster().setSample(x, 0, 0, x);
        }
        Path grayFile = dir.resolve("gray-palette.png");
        ImageIO.write(gray, "png", grayFile.toFile());
        Image g = ImageFiles.read(grayFile);
        assertEquals(1, g.channels());
        assertArrayEquals(new short[] {0, 100, 200, 255}, g.samples());

        byte[] red = {0, (byte) 255, 0, 10};
        byte[] green = {0, 0, (byte) 255, 20};
        byte[] blue = {0, 0, 0, 30};
        IndexColorModel colourPalette = new IndexColorModel(2, 4, red, green, blue);
        BufferedImage colour = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, colourPalette);
        colour.getRaster().setSample(3, 0, 0, 3);
        Path colourFile = dir.resolve("colour-palette.png");
        ImageIO.write(colour, "png", colourFile.toFile());
        Image c = ImageFiles.read(colourFile);
        assertEquals(3, c.channels());
        assertEquals(10, c.sample(3, 0, 0));
        assertEquals(20, c.sample(3, 0, 1));
        assertEquals(30, c.sample(3, 0, 2));
    }

    @Test
    void rejectsTwelveBitPackedTiffNamingFileFoundAndAllowed() throws IOException {
        Path file = dir.resolve("mono12.tif");
        HandMadeTiff.write(file, 4, 2, 12, 1, 1, new byte[12]);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("mono12.tif"), e.getMessage());
        assertEquals("12-bit samples", e.found());
        assertTrue(e.getMessage().contains("8- or 16-bit"), e.getMessage());
    }

    @Test
    void rejectsCmykTiff() throws IOException {
        Path file = dir.resolve("cmyk.tif");
        HandMadeTiff.write(file, 2, 2, 8, 4, 5, new byte[16]);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.found().contains("CMYK"), e.getMessage());
    }

    @Test
    void rejectsJpegAsAnotherContainer() throws IOException {
        Path file = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "jpeg", file.toFile());
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.found().contains("JPEG"), e.getMessage());
    }

    @Test
    void rejectsGarbageAndTruncatedFiles() throws IOException {
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, "this is not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(ImageFormatException.class, () -> ImageFiles.read(garbage));

        Path whole = dir.resolve("whole.png");
        ImageFiles.write(randomImage(64, 64, 1, 8, 3), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(truncated));
        assertTrue(e.getMessage().contains("truncated.png"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(dir.resolve("absent.png")));
        assertTrue(e instanceof NoSuchFileException, e.toString());
    }

    @Test
    void writeRejectsUnknownExtension() {
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ImageFiles.write(randomImage(4, 4, 1, 8, 4), dir.resolve("img.bmp")));
        assertTrue(e.allowed().contains(".png"), e.getMessage());
    }

    /** A PNG signature and IHDR chunk (with its CRC) claiming {@code width x height} 8-bit gray, and no pixels. */
    private static void writePngHeaderOnly(Path file, int width, int height) throws IOException {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        Files.write(file, png.array());
    }

    @Test
    void refusesAPngHeaderClaiming20000By20000BeforeDecoding() throws IOException {
        Path file = dir.resolve("huge.png");
        writePngHeaderOnly(file, 20000, 20000);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));

        assertEquals(file + ": found 20000 x 20000 pixels in the file header (400.0 megapixels); allowed: at most "
                + "64 megapixels", e.getMessage());
    }

    @Test
    void aSizeJustOverTheLimitReadsAboveIt() throws IOException {
        Path file = dir.resolve("just-over.png");
        writePngHeaderOnly(file, 8001, 8000);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));

        assertEquals(file + ": found 8001 x 8000 pixels in the file header (64.01 megapixels); allowed: at most "
                + "64 megapixels", e.getMessage());
    }

    @Test
    void refusesATiffHeaderClaiming20000By20000BeforeDecoding() throws IOException {
        Path file = dir.resolve("huge.tif");
        HandMadeTiff.write(file, 20000, 20000, 8, 1, 1, new byte[64]);

        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ImageFiles.read(file, new ImageLimits(100)));

        assertEquals(file + ": found 20000 x 20000 pixels in the file header (400.0 megapixels); allowed: at most "
                + "100 megapixels", e.getMessage());
    }

    @Test
    void theLimitIsConfigurable() throws IOException {
        Path file = dir.resolve("small.png");
        ImageFiles.write(new Image(1000, 600, 1, 8, new short[600_000]), file);

        assertEquals(1000, ImageFiles.read(file, new ImageLimits(0.6)).image().width());
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ImageFiles.read(file, new ImageLimits(0.5)));
        assertEquals("at most 0.5 megapixels", e.allowed());
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0));
    }

    @Test
    void readsTheFirstPageOfAMultiPageTiffWithAWarning() throws IOException {
        Path file = dir.resolve("pages.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int page = 0; page < 2; page++) {
                BufferedImage gray = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
                gray.getRaster().setSample(0, 0, 0, 10 + page);
                writer.writeToSequence(new IIOImage(gray, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        DecodedImage decoded = ImageFiles.read(file, ImageLimits.DEFAULT);

        assertEquals(10, decoded.image().sample(0, 0, 0));
        assertEquals(List.of(DecodedImage.LATER_PAGES_IGNORED), decoded.warnings());
    }

    @Test
    void anOpaqueSinglePageFileHasNoWarnings() throws IOException {
        Path file = dir.resolve("plain.tif");
        ImageFiles.write(new Image(4, 3, 1, 16, new short[12]), file);

        assertEquals(List.of(), ImageFiles.read(file, ImageLimits.DEFAULT).warnings());
    }
}
