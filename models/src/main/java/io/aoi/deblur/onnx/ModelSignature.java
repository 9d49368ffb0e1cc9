package io.aoi.deblur.onnx;

import java.util.List;

/**
 * The inputs and outputs a caller expects of a model. {@link OnnxModel} refuses a file whose declared inputs
 * and outputs do not contain these (extra outputs are allowed; extra inputs are not, since they would be
 * left unfed).
 *
 * @param inputs  every model input
 * @param outputs outputs the caller reads
 */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("a model signature needs at least one input and one output");
        }
    }
}
