package io.aoi.deblur.motion;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The PyTorch reference written by aoi_models.motion.export (models/python): big-endian int32 width, int32
 * height, then the prev, current, next and restored planes as float32, row-major. Inputs are multiples of 1/65535.
 */
record MotionFixture(int width, int height, float[] previous, float[] current, float[] next, float[] restored) {
    static final String RESOURCE = "/io/aoi/models/motion/motion-fixture-29x23.bin";

    static MotionFixture load() throws IOException {
        try (InputStream raw = MotionFixture.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException(RESOURCE + " is not on the test classpath");
            }
            DataInputStream in = new DataInputStream(raw);
            int w = in.readInt();
            int h = in.readInt();
            float[][] planes = new float[4][w * h];
            for (float[] p : planes) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = in.readFloat();
                }
            }
            return new MotionFixture(w, h, planes[0], planes[1], planes[2], planes[3]);
        }
    }
}
