"""ONNX export with its checks in one place: every graph the project ships is written by `export_checked`,
which traces with torch.onnx.export and refuses a graph that onnx.checker rejects or whose inputs and outputs
are not the ones asked for."""
import os


def dims(value):
    """The shape of a graph input or output as a list: dim_param names for symbolic axes, ints otherwise."""
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


def check(model, input_names, output_names):
    """onnx.checker on the graph, then its input and output names in order; raises ValueError naming both."""
    import onnx
    onnx.checker.check_model(model)
    got = ([i.name for i in model.graph.input], [o.name for o in model.graph.output])
    if got != (list(input_names), list(output_names)):
        raise ValueError("graph has inputs %s and outputs %s; expected %s and %s"
                         % (got[0], got[1], list(input_names), list(output_names)))
    return model


def export_checked(module, args, path, input_names, output_names, dynamic_axes, opset):
    """torch.onnx.export of `module` on example `args` to `path` (folders created, constants folded), then
    `check`. Returns the loaded onnx.ModelProto."""
    import onnx
    import torch
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    torch.onnx.export(module, args, path, opset_version=opset, input_names=list(input_names),
                      output_names=list(output_names), dynamic_axes=dynamic_axes, do_constant_folding=True)
    return check(onnx.load(path), input_names, output_names)
