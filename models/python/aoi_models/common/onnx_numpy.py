"""A small ONNX interpreter (NumPy, with torch only for Conv) for checking the exported UDBD-Net graph in
Python. python3-onnx 1.12 has no onnx.reference.ReferenceEvaluator and the Python ONNX Runtime is not
installed, so this walks the graph node by node. Only the operators the UDBD export produces are supported;
any other raises NotImplementedError naming it.
"""
import numpy as np
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper, TensorProto

_DTYPES = {TensorProto.FLOAT: np.float32, TensorProto.DOUBLE: np.float64, TensorProto.INT64: np.int64,
           TensorProto.INT32: np.int32, TensorProto.BOOL: np.bool_}


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _pad(x, pads, mode, value):
    r = x.ndim
    widths = [(int(pads[i]), int(pads[i + r])) for i in range(r)]
    if mode == "constant":
        return np.pad(x, widths, mode="constant", constant_values=value)
    if mode == "reflect":
        return np.pad(x, widths, mode="reflect")
    if mode == "edge":
        return np.pad(x, widths, mode="edge")
    raise NotImplementedError("Pad mode " + mode)


def _conv(x, w, b, a):
    pads = a.get("pads", [0, 0, 0, 0])
    t = torch.from_numpy(np.ascontiguousarray(x))
    t = F.pad(t, (pads[1], pads[3], pads[0], pads[2]))
    y = F.conv2d(t, torch.from_numpy(np.ascontiguousarray(w)), None if b is None else torch.from_numpy(b),
                 stride=tuple(a.get("strides", [1, 1])), dilation=tuple(a.get("dilations", [1, 1])),
                 groups=a.get("group", 1))
    return y.numpy()


def _depth_to_space(x, a):
    bs = a["blocksize"]
    n, c, h, w = x.shape
    if a.get("mode", b"DCR") in (b"CRD", "CRD"):
        y = x.reshape(n, c // (bs * bs), bs, bs, h, w).transpose(0, 1, 4, 2, 5, 3)
    else:
        y = x.reshape(n, bs, bs, c // (bs * bs), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (bs * bs), h * bs, w * bs)


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        idx[int(ax)] = slice(int(s), int(e), int(st))
    return x[tuple(idx)]


def _reshape(x, shape):
    shape = [x.shape[i] if int(s) == 0 else int(s) for i, s in enumerate(shape)]
    return x.reshape(shape)


def _unsqueeze(x, axes):
    r = x.ndim + len(axes)
    for ax in sorted(int(a) % r for a in axes):
        x = np.expand_dims(x, ax)
    return x


def _div(a, b):
    if np.issubdtype(a.dtype, np.integer):
        return np.trunc(a / b).astype(a.dtype)
    return a / b


def _layer_norm(x, scale, bias, a):
    axis = a.get("axis", -1) % x.ndim
    axes = tuple(range(axis, x.ndim))
    mu = x.mean(axis=axes, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=axes, keepdims=True)
    y = (x - mu) / np.sqrt(var + a.get("epsilon", 1e-5)) * scale
    return y + bias if bias is not None else y


def _softmax(x, a):
    axis = a.get("axis", -1)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _reduce(fn, x, axes, a):
    keep = bool(a.get("keepdims", 1))
    if axes is None or len(axes) == 0:
        return fn(x, axis=None, keepdims=keep)
    return fn(x, axis=tuple(int(v) for v in axes), keepdims=keep)


def _run_node(op, a, i):
    if op == "Constant":
        return [numpy_helper.to_array(a["value"])]
    if op == "Identity":
        return [i[0]]
    if op in ("Add", "Sub", "Mul"):
        return [{"Add": np.add, "Sub": np.subtract, "Mul": np.multiply}[op](i[0], i[1]).astype(
            np.result_type(i[0], i[1]))]
    if op == "Div":
        return [_div(i[0], i[1])]
    if op == "Pow":
        return [np.power(i[0], i[1]).astype(i[0].dtype)]
    if op in ("Relu", "Neg", "Floor", "Cos", "Sin", "Sqrt", "Not", "Softplus", "Exp", "Log"):
        f = {"Relu": lambda v: np.maximum(v, 0), "Neg": np.negative, "Floor": np.floor, "Cos": np.cos,
             "Sin": np.sin, "Sqrt": np.sqrt, "Not": np.logical_not, "Exp": np.exp, "Log": np.log,
             "Softplus": lambda v: np.logaddexp(0, v).astype(v.dtype)}[op]
        return [f(i[0])]
    if op in ("Equal", "Less", "Greater", "And", "Or", "Xor"):
        f = {"Equal": np.equal, "Less": np.less, "Greater": np.greater, "And": np.logical_and,
             "Or": np.logical_or, "Xor": np.logical_xor}[op]
        return [f(i[0], i[1])]
    if op == "Where":
        return [np.where(i[0], i[1], i[2])]
    if op == "Mod":
        return [np.fmod(i[0], i[1]) if a.get("fmod", 0) else np.mod(i[0], i[1])]
    if op == "Cast":
        return [i[0].astype(_DTYPES[a["to"]])]
    if op == "Shape":
        s = np.array(i[0].shape, np.int64)
        return [s[a.get("start", 0):a.get("end", len(s))]]
    if op == "Gather":
        return [np.take(i[0], i[1], axis=a.get("axis", 0))]
    if op == "Unsqueeze":
        return [_unsqueeze(i[0], i[1])]
    if op == "Squeeze":
        return [np.squeeze(i[0], axis=tuple(int(v) for v in i[1])) if len(i) > 1 else np.squeeze(i[0])]
    if op == "Concat":
        return [np.concatenate(i, axis=a["axis"])]
    if op == "Slice":
        return [_slice(*[v if v is not None else None for v in i])]
    if op == "Reshape":
        return [_reshape(i[0], i[1])]
    if op == "Flatten":
        ax = a.get("axis", 1)
        return [i[0].reshape(int(np.prod(i[0].shape[:ax])), -1)]
    if op == "Transpose":
        return [np.transpose(i[0], a.get("perm"))]
    if op == "ConstantOfShape":
        v = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return [np.full(tuple(int(d) for d in i[0]), v.reshape(-1)[0], dtype=v.dtype)]
    if op == "Range":
        return [np.arange(i[0], i[1], i[2]).astype(i[0].dtype)]
    if op == "Pad":
        mode = a.get("mode", b"constant")
        mode = mode.decode() if isinstance(mode, bytes) else mode
        value = i[2] if len(i) > 2 and i[2] is not None else 0
        return [_pad(i[0], i[1], mode, value)]
    if op == "Conv":
        return [_conv(i[0], i[1], i[2] if len(i) > 2 else None, a)]
    if op == "MatMul":
        return [np.matmul(i[0], i[1])]
    if op == "LayerNormalization":
        return [_layer_norm(i[0], i[1], i[2] if len(i) > 2 else None, a)]
    if op == "Softmax":
        return [_softmax(i[0], a)]
    if op == "ReduceMean":
        return [_reduce(np.mean, i[0], a.get("axes"), a)]
    if op == "ReduceSum":
        return [_reduce(np.sum, i[0], i[1] if len(i) > 1 else None, a)]
    if op == "Clip":
        lo = i[1] if len(i) > 1 and i[1] is not None else -np.inf
        hi = i[2] if len(i) > 2 and i[2] is not None else np.inf
        return [np.clip(i[0], lo, hi).astype(i[0].dtype)]
    if op == "DepthToSpace":
        return [_depth_to_space(i[0], a)]
    if op == "Split":
        axis = a.get("axis", 0)
        sizes = i[1] if len(i) > 1 and i[1] is not None else a.get("split")
        return list(np.split(i[0], np.cumsum(sizes)[:-1], axis=axis))
    raise NotImplementedError("ONNX operator " + op)


def run(model, feeds):
    """Evaluates an onnx.ModelProto on a dict of NumPy inputs; returns the graph outputs in order."""
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values.update(feeds)
    values[""] = None
    for node in model.graph.node:
        ins = [values[n] for n in node.input]
        outs = _run_node(node.op_type, _attrs(node), ins)
        for name, v in zip(node.output, outs):
            values[name] = v
    return [values[o.name] for o in model.graph.output]
