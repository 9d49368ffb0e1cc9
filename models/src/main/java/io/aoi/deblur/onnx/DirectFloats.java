package io.aoi.deblur.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A native-order direct float buffer that grows on demand and is otherwise reused, so that ONNX Runtime reads
 * inputs from it and writes outputs into it without copies. Not thread-safe.
 */
final class DirectFloats {
    private FloatBuffer buffer = FloatBuffer.allocate(0);

    /** A view of the first {@code n} floats (position 0, limit n); contents are kept only if no growth was needed. */
    FloatBuffer view(int n) {
        if (buffer.capacity() < n) {
            buffer = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        return buffer.slice(0, n);
    }
}
