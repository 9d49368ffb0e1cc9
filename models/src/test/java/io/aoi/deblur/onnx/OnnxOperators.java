package io.aoi.deblur.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.TreeSet;

/**
 * The operator types of an ONNX model's main graph, read straight from its protobuf encoding (ModelProto field
 * 7 = graph, GraphProto field 1 = node, NodeProto field 4 = op_type), so that the tests need no ONNX library.
 */
final class OnnxOperators {
    private OnnxOperators() {
    }

    static TreeSet<String> of(byte[] model) throws IOException {
        TreeSet<String> ops = new TreeSet<>();
        ByteBuffer graph = field(ByteBuffer.wrap(model), 7);
        if (graph == null) {
            throw new IOException("no graph in the model");
        }
        ByteBuffer g = graph.duplicate();
        while (g.hasRemaining()) {
            long key = varint(g);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (number == 1 && wire == 2) {
                ByteBuffer node = lengthDelimited(g);
                ByteBuffer opType = field(node, 4);
                if (opType != null) {
                    byte[] b = new byte[opType.remaining()];
                    opType.get(b);
                    ops.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
                }
            } else {
                skip(g, wire);
            }
        }
        return ops;
    }

    /** The first length-delimited field with this number in a message, or null. */
    private static ByteBuffer field(ByteBuffer message, int wanted) throws IOException {
        ByteBuffer m = message.duplicate();
        while (m.hasRemaining()) {
            long key = varint(m);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (number == wanted && wire == 2) {
                return lengthDelimited(m);
            }
            skip(m, wire);
        }
        return null;
    }

    private static ByteBuffer lengthDelimited(ByteBuffer b) throws IOException {
        int len = (int) varint(b);
        if (len < 0 || len > b.remaining()) {
            throw new IOException("bad length " + len);
        }
        ByteBuffer out = b.slice(b.position(), len);
        b.position(b.position() + len);
        return out;
    }

    private static void skip(ByteBuffer b, int wire) throws IOException {
        switch (wire) {
            case 0 -> varint(b);
            case 1 -> b.position(b.position() + 8);
            case 2 -> lengthDelimited(b);
            case 5 -> b.position(b.position() + 4);
            default -> throw new IOException("unsupported wire type " + wire);
        }
    }

    private static long varint(ByteBuffer b) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!b.hasRemaining()) {
                throw new IOException("truncated varint");
            }
            byte x = b.get();
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }
}
