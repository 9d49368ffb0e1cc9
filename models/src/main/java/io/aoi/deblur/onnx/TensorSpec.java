package io.aoi.deblur.onnx;

import java.util.Objects;

/**
 * What a model must declare for one input or output: its name, rank and element type. Dimensions are not
 * checked, so models with dynamic batch, height and width pass. Holds no ONNX Runtime type: {@link OnnxModel}
 * maps {@link ElementType} to the runtime's own.
 *
 * @param name ONNX value name
 * @param rank number of dimensions
 * @param type element type
 */
public record TensorSpec(String name, int rank, ElementType type) {

    /** The element types the models of this project use. */
    public enum ElementType {
        /** 32-bit IEEE float. */
        FLOAT32
    }

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
        return new TensorSpec(name, rank, ElementType.FLOAT32);
    }

    @Override
    public String toString() {
        return name + ": " + type + " rank " + rank;
    }
}
