package io.aoi.deblur.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The PyTorch reference written by aoi_models.udbd.export (models/python): input, restored output and kernel. */
record UdbdFixture(int width, int height, float[] input, float[] restored, float[] kernel) {
    static final String RESOURCE = "/io/aoi/models/udbd/fixture-96x72.bin";
    private static final int MAGIC = 0x55444244;
    private static final int KERNEL_TAPS = 21 * 21;

    static UdbdFixture load() throws IOException {
        byte[] bytes;
        try (InputStream in = UdbdFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the test classpath");
            }
            bytes = in.readAllBytes();
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            throw new IOException(RESOURCE + " is not a UDBD fixture");
        }
        int height = buf.getInt();
        int width = buf.getInt();
        float[] input = floats(buf, width * height);
        float[] restored = floats(buf, width * height);
        float[] kernel = floats(buf, KERNEL_TAPS);
        return new UdbdFixture(width, height, input, restored, kernel);
    }

    private static float[] floats(ByteBuffer buf, int n) {
        float[] out = new float[n];
        buf.asFloatBuffer().get(out);
        buf.position(buf.position() + 4 * n);
        return out;
    }
}
