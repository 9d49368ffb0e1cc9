package io.aoi.deblur.onnx;

import ai.onnxruntime.OnnxJavaType;
import java.util.Objects;

/**
 * What a model must declare for one input or output: its name, rank and element type. Dimensions are not
 * checked, so models with dynamic batch, height and width pass.
 *
 * @param name ONNX value name
 * @param rank number of dimensions
 * @param type element type
 */
public record TensorSpec(String name, int rank, OnnxJavaType type) {

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tensor name must not be blank");
        }
        if (rank < 0 || rank > 8) {
            throw new IllegalArgumentException("rank = " + rank + "; allowed: 0 to 8");
        }
    }

    /** A float32 tensor of the given rank. */
    public static TensorSpec float32(String name, int rank) {
        return new TensorSpec(name, rank, OnnxJavaType.FLOAT);
    }

    @Override
    public String toString() {
        return name + ": " + type + " rank " + rank;
    }
}
