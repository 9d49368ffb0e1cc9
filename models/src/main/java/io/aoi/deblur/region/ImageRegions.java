package io.aoi.deblur.region;

import io.aoi.image.Image;

/** Copies rectangles out of images and into sample arrays; any channel count and depth. */
final class ImageRegions {
    private ImageRegions() {
    }

    static Image crop(Image image, PixelRect r) {
        int ch = image.channels();
        short[] src = image.samples();
        short[] out = new short[r.width() * r.height() * ch];
        int rowLen = r.width() * ch;
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(src, ((r.y() + y) * image.width() + r.x()) * ch, out, y * rowLen, rowLen);
        }
        return new Image(r.width(), r.height(), ch, image.bitDepth(), out);
    }

    /** Writes {@code patch} (of r's size) into {@code target}, the samples of a frameWidth-wide image. */
    static void paste(short[] target, int frameWidth, Image patch, PixelRect r) {
        int ch = patch.channels();
        int rowLen = r.width() * ch;
        short[] src = patch.samples();
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(src, y * rowLen, target, ((r.y() + y) * frameWidth + r.x()) * ch, rowLen);
        }
    }
}
