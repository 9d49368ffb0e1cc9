"""The one NumPy ONNX interpreter of the project, for checking exported graphs in Python (UDBD-Net's split
graphs and CUDA graph, the motion graph, test graphs). python3-onnx 1.12 has no
onnx.reference.ReferenceEvaluator and the Python ONNX Runtime is not installed, so this walks the graph node
by node in NumPy alone, independently of PyTorch. Only the operators the project's exports produce are
supported; any other raises NotImplementedError naming it.

Semantics follow the ONNX operator specification where NumPy differs from it: integer Div truncates toward
zero (C division, not NumPy's floor division), integer Mod follows the divisor's sign unless fmod=1.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from onnx import TensorProto, helper, numpy_helper

_DTYPES = {TensorProto.FLOAT: np.float32, TensorProto.DOUBLE: np.float64, TensorProto.INT64: np.int64,
           TensorProto.INT32: np.int32, TensorProto.BOOL: np.bool_}
_INT64_BOUND = 2 ** 62   # Slice starts and ends beyond this are "to the end" (ONNX writes INT64_MAX/MIN)


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _text(v):
    return v.decode() if isinstance(v, bytes) else v


def div(a, b):
    """ONNX Div: integers truncate toward zero (-7 / 2 = -3), exactly, in integer arithmetic."""
    a, b = np.asarray(a), np.asarray(b)
    if np.issubdtype(a.dtype, np.integer) and np.issubdtype(b.dtype, np.integer):
        q = np.abs(a) // np.abs(b)
        return np.where((a < 0) != (b < 0), -q, q).astype(np.result_type(a, b))
    return a / b


def _conv(x, w, b, a):
    """Conv in NumPy: NCHW, OIHW weights, pads [top, left, bottom, right], strides, dilations, groups."""
    pads = a.get("pads", [0, 0, 0, 0])
    sh, sw = a.get("strides", [1, 1])
    dh, dw = a.get("dilations", [1, 1])
    group = a.get("group", 1)
    kh, kw = w.shape[2:]
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    win = sliding_window_view(x, ((kh - 1) * dh + 1, (kw - 1) * dw + 1), axis=(2, 3))
    win = win[:, :, ::sh, ::sw, ::dh, ::dw]
    n, c, ho, wo = win.shape[:4]
    o = w.shape[0]
    wg = win.reshape(n, group, c // group, ho, wo, kh, kw)
    kg = w.reshape(group, o // group, c // group, kh, kw)
    y = np.einsum("ngchwij,gocij->ngohw", wg, kg, optimize=True).reshape(n, o, ho, wo)
    if b is not None:
        y = y + b[None, :, None, None]
    return y.astype(x.dtype)


def _conv_transpose(x, w, b, a):
    """ConvTranspose (groups 1, no dilation) as a convolution of the zero-upsampled input with the flipped,
    transposed weights."""
    if a.get("group", 1) != 1 or tuple(a.get("dilations", [1, 1])) != (1, 1):
        raise NotImplementedError("ConvTranspose with groups or dilation")
    pads = a.get("pads", [0, 0, 0, 0])
    sh, sw = a.get("strides", [1, 1])
    oph, opw = a.get("output_padding", [0, 0])
    n, c, h, wd = x.shape
    kh, kw = w.shape[2:]
    up = np.zeros((n, c, (h - 1) * sh + 1, (wd - 1) * sw + 1), dtype=x.dtype)
    up[:, :, ::sh, ::sw] = x
    full = [kh - 1 - pads[0], kw - 1 - pads[1], kh - 1 - pads[2] + oph, kw - 1 - pads[3] + opw]
    return _conv(up, np.flip(w, axis=(2, 3)).transpose(1, 0, 2, 3), b, {"pads": full})


def _pad(x, pads, mode, value):
    r = x.ndim
    pads = [int(p) for p in pads]
    widths = [(pads[i], pads[i + r]) for i in range(r)]
    if mode == "constant":
        return np.pad(x, widths, mode="constant", constant_values=value)
    if mode in ("reflect", "edge"):
        return np.pad(x, widths, mode=mode)
    raise NotImplementedError("Pad mode " + mode)


def _depth_to_space(x, a):
    bs = a["blocksize"]
    n, c, h, w = x.shape
    if _text(a.get("mode", "DCR")) == "CRD":
        y = x.reshape(n, c // (bs * bs), bs, bs, h, w).transpose(0, 1, 4, 2, 5, 3)
    else:
        y = x.reshape(n, bs, bs, c // (bs * bs), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (bs * bs), h * bs, w * bs)


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    bound = lambda v: int(max(min(int(v), _INT64_BOUND), -_INT64_BOUND))  # noqa: E731
    for s, e, ax, st in zip(starts, ends, axes, steps):
        idx[int(ax)] = slice(bound(s), bound(e), int(st))
    return x[tuple(idx)]


def _reshape(x, shape):
    return x.reshape([x.shape[i] if int(s) == 0 else int(s) for i, s in enumerate(shape)])


def _unsqueeze(x, axes):
    r = x.ndim + len(axes)
    for ax in sorted(int(v) % r for v in axes):
        x = np.expand_dims(x, ax)
    return x


def _layer_norm(x, scale, bias, a):
    axes = tuple(range(a.get("axis", -1) % x.ndim, x.ndim))
    mu = x.mean(axis=axes, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=axes, keepdims=True)
    y = (x - mu) / np.sqrt(var + a.get("epsilon", 1e-5)) * scale
    return (y + bias if bias is not None else y).astype(x.dtype)


def _instance_norm(x, scale, bias, a):
    axes = tuple(range(2, x.ndim))
    mu = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    return ((x - mu) / np.sqrt(var + a.get("epsilon", 1e-5)) * scale.reshape(shape)
            + bias.reshape(shape)).astype(x.dtype)


def _softmax(x, a):
    axis = a.get("axis", -1)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _reduce(fn, x, axes, a):
    keep = bool(a.get("keepdims", 1))
    if axes is None or len(axes) == 0:
        return fn(x, axis=None, keepdims=keep).astype(x.dtype)
    return fn(x, axis=tuple(int(v) for v in axes), keepdims=keep).astype(x.dtype)


def _opt(i, k):
    """Optional input k (absent or named '')."""
    return i[k] if len(i) > k else None


_UNARY = {"Identity": lambda v: v, "Relu": lambda v: np.maximum(v, 0).astype(v.dtype), "Neg": np.negative,
          "Floor": np.floor, "Cos": np.cos, "Sin": np.sin, "Sqrt": np.sqrt, "Exp": np.exp, "Log": np.log,
          "Abs": np.abs, "Tanh": np.tanh, "Not": np.logical_not,
          "Softplus": lambda v: np.logaddexp(0, v).astype(v.dtype),
          "Sigmoid": lambda v: (1 / (1 + np.exp(-v))).astype(v.dtype)}
_ARITHMETIC = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Max": np.maximum, "Min": np.minimum}
_LOGIC = {"Equal": np.equal, "Less": np.less, "Greater": np.greater, "And": np.logical_and,
          "Or": np.logical_or, "Xor": np.logical_xor}


def run_node(op, a, i):
    """The outputs (a list) of one node: operator name, attribute dict, input arrays (None where absent)."""
    if op == "Constant":
        return [numpy_helper.to_array(a["value"])]
    if op in _UNARY:
        return [_UNARY[op](i[0])]
    if op in _ARITHMETIC:
        return [_ARITHMETIC[op](i[0], i[1]).astype(np.result_type(i[0], i[1]))]
    if op == "Div":
        return [div(i[0], i[1])]
    if op == "Pow":
        return [np.power(i[0], i[1]).astype(i[0].dtype)]
    if op in _LOGIC:
        return [_LOGIC[op](i[0], i[1])]
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
        axes = _opt(i, 1)
        return [np.squeeze(i[0], axis=tuple(int(v) for v in axes)) if axes is not None else np.squeeze(i[0])]
    if op == "Concat":
        return [np.concatenate(i, axis=a["axis"])]
    if op == "Slice":
        return [_slice(i[0], i[1], i[2], _opt(i, 3), _opt(i, 4))]
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
        value = _opt(i, 2)
        return [_pad(i[0], i[1], _text(a.get("mode", "constant")), 0 if value is None else value)]
    if op == "Conv":
        return [_conv(i[0], i[1], _opt(i, 2), a)]
    if op == "ConvTranspose":
        return [_conv_transpose(i[0], i[1], _opt(i, 2), a)]
    if op == "MatMul":
        return [np.matmul(np.ascontiguousarray(i[0]), np.ascontiguousarray(i[1]))]
    if op == "LayerNormalization":
        return [_layer_norm(i[0], i[1], _opt(i, 2), a)]
    if op == "InstanceNormalization":
        return [_instance_norm(i[0], i[1], i[2], a)]
    if op == "Softmax":
        return [_softmax(i[0], a)]
    if op == "ReduceMean":
        return [_reduce(np.mean, i[0], a.get("axes"), a)]
    if op == "ReduceSum":
        return [_reduce(np.sum, i[0], a["axes"] if "axes" in a else _opt(i, 1), a)]
    if op == "Clip":
        lo, hi = _opt(i, 1), _opt(i, 2)
        return [np.clip(i[0], -np.inf if lo is None else lo, np.inf if hi is None else hi).astype(i[0].dtype)]
    if op == "DepthToSpace":
        return [_depth_to_space(i[0], a)]
    if op == "Split":
        sizes = _opt(i, 1)
        sizes = a.get("split") if sizes is None else sizes
        return list(np.split(i[0], np.cumsum(sizes)[:-1], axis=a.get("axis", 0)))
    raise NotImplementedError("ONNX operator " + op)


def run(model, feeds):
    """Evaluates an onnx.ModelProto on a dict of NumPy inputs; returns {output name: array} in graph order."""
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values.update(feeds)
    values[""] = None
    for node in model.graph.node:
        outs = run_node(node.op_type, _attrs(node), [values[n] for n in node.input])
        for name, v in zip(node.output, outs):
            values[name] = v if isinstance(v, np.ndarray) or v is None else np.asarray(v)
    return {o.name: values[o.name] for o in model.graph.output}


def run_list(model, feeds):
    """The outputs of run() as a list, in graph order."""
    return list(run(model, feeds).values())
