package io.aoi.detect;

import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Draws a detection on its frame for overlay PNGs: particles as yellow circles of their radius, judged bumps
 * as green (OK) or red (NG) rectangles labelled with their id and count. Stateless and thread-safe; native
 * memory lives in a {@link MatScope} per call.
 */
public final class OverlayRenderer {
    private static final Scalar PARTICLE = new Scalar(255, 220, 0);
    private static final Scalar BUMP_OK = new Scalar(0, 200, 0);
    private static final Scalar BUMP_NG = new Scalar(255, 0, 0);

    private OverlayRenderer() {
    }

    /**
     * @param frame the frame the detection was made on: 8- or 16-bit, mono or RGB; not modified
     * @return a new 8-bit RGB image of the frame's size with the overlay drawn
     */
    public static Image render(Image frame, Detection detection) {
        OpenCv.load();
        int w = frame.width();
        int h = frame.height();
        byte[] rgb = toRgb8(frame);
        try (MatScope scope = new MatScope()) {
            Mat canvas = scope.add(new Mat(h, w, CvType.CV_8UC3));
            canvas.put(0, 0, rgb);
            for (BumpCount b : detection.bumps()) {
                Scalar colour = b.ok() ? BUMP_OK : BUMP_NG;
                Imgproc.rectangle(canvas, new Point(b.x(), b.y()),
                        new Point(b.x() + b.width() - 1, b.y() + b.height() - 1), colour, 1);
                Imgproc.putText(canvas, b.id() + ": " + b.count(), new Point(b.x() + 2, b.y() + 12),
                        Imgproc.FONT_HERSHEY_PLAIN, 0.9, colour, 1);
            }
            for (Particle p : detection.particles()) {
                Imgproc.circle(canvas, new Point(p.x(), p.y()), (int) Math.max(1, Math.round(p.radiusPx())),
                        PARTICLE, 1, Imgproc.LINE_AA);
            }
            canvas.get(0, 0, rgb);
        }
        short[] samples = new short[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            samples[i] = (short) (rgb[i] & 0xFF);
        }
        return new Image(w, h, 3, 8, samples);
    }

    private static byte[] toRgb8(Image frame) {
        int pixels = frame.width() * frame.height();
        int channels = frame.channels();
        int shift = frame.bitDepth() - 8;
        short[] samples = frame.samples();
        byte[] rgb = new byte[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < 3; c++) {
                int v = (samples[i * channels + (channels == 1 ? 0 : c)] & 0xFFFF) >> shift;
                rgb[i * 3 + c] = (byte) v;
            }
        }
        return rgb;
    }
}
