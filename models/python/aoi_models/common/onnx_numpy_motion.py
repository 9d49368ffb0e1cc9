"""A small NumPy interpreter for the ONNX operators the motion graph uses, for parity tests.

The installed onnx package (1.12) has no onnx.reference.ReferenceEvaluator and ONNX Runtime is not
installed for Python here, so this runs the exported graph node by node, independently of PyTorch.
Only the operators and attributes that export_motion.py produces are supported; any other raises.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from onnx import helper, numpy_helper, TensorProto

_NP_TYPES = {TensorProto.FLOAT: np.float32, TensorProto.INT64: np.int64, TensorProto.INT32: np.int32,
             TensorProto.BOOL: np.bool_, TensorProto.DOUBLE: np.float64}


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b, strides, pads, group=1, dilations=(1, 1)):
    if tuple(dilations) != (1, 1):
        raise NotImplementedError("Conv with dilation")
    kh, kw = w.shape[2:]
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    win = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::strides[0], ::strides[1]]
    if group == 1:
        y = np.einsum("nchwij,ocij->nohw", win, w, optimize=True)
    else:
        n, c, ho, wo = win.shape[:4]
        o = w.shape[0]
        wg = win.reshape(n, group, c // group, ho, wo, kh, kw)
        kg = w.reshape(group, o // group, c // group, kh, kw)
        y = np.einsum("ngchwij,gocij->ngohw", wg, kg, optimize=True).reshape(n, o, ho, wo)
    if b is not None:
        y = y + b[None, :, None, None]
    return y.astype(np.float32)


def _conv_transpose(x, w, b, strides, pads, output_padding):
    n, c, h, wd = x.shape
    kh, kw = w.shape[2:]
    sh, sw = strides
    up = np.zeros((n, c, (h - 1) * sh + 1, (wd - 1) * sw + 1), dtype=x.dtype)
    up[:, :, ::sh, ::sw] = x
    full_pads = (kh - 1 - pads[0], kw - 1 - pads[1], kh - 1 - pads[2] + output_padding[0],
                 kw - 1 - pads[3] + output_padding[1])
    wf = np.flip(w, axis=(2, 3)).transpose(1, 0, 2, 3)
    return _conv(up, wf, b, (1, 1), full_pads)


_UNARY = {"Neg": np.negative, "Floor": np.floor, "Cos": np.cos, "Sin": np.sin, "Not": np.logical_not,
          "Softplus": lambda x: np.logaddexp(0, x).astype(x.dtype), "Sqrt": np.sqrt, "Exp": np.exp,
          "Abs": np.abs, "Sigmoid": lambda x: (1 / (1 + np.exp(-x))).astype(x.dtype)}
_BINARY = {"Equal": np.equal, "Less": np.less, "Greater": np.greater, "Xor": np.logical_xor,
           "And": np.logical_and, "Or": np.logical_or, "Pow": np.power, "Max": np.maximum, "Min": np.minimum}


def run(model, feeds):
    """Runs an onnx.ModelProto on a dict of NumPy inputs; returns a dict of all graph outputs."""
    env = dict(feeds)
    for init in model.graph.initializer:
        env[init.name] = numpy_helper.to_array(init)
    for node in model.graph.node:
        a = _attrs(node)
        ins = [env[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Constant":
            out = numpy_helper.to_array(a["value"])
        elif op == "Conv":
            out = _conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a.get("strides", [1, 1]),
                        a.get("pads", [0, 0, 0, 0]), a.get("group", 1), a.get("dilations", [1, 1]))
        elif op == "ConvTranspose":
            out = _conv_transpose(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a.get("strides", [1, 1]),
                                  a.get("pads", [0, 0, 0, 0]), a.get("output_padding", [0, 0]))
        elif op == "InstanceNormalization":
            x = ins[0]
            mean = x.mean(axis=(2, 3), keepdims=True)
            var = x.var(axis=(2, 3), keepdims=True)
            out = ((x - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * ins[1][None, :, None, None]
                   + ins[2][None, :, None, None]).astype(np.float32)
        elif op == "Identity":
            out = ins[0]
        elif op == "Relu":
            out = np.maximum(ins[0], 0)
        elif op == "Tanh":
            out = np.tanh(ins[0])
        elif op == "Add":
            out = ins[0] + ins[1]
        elif op == "Sub":
            out = ins[0] - ins[1]
        elif op == "Mul":
            out = ins[0] * ins[1]
        elif op == "Div":
            out = ins[0] // ins[1] if np.issubdtype(ins[0].dtype, np.integer) else ins[0] / ins[1]
        elif op in _UNARY:
            out = _UNARY[op](ins[0])
        elif op in _BINARY:
            out = _BINARY[op](ins[0], ins[1])
        elif op == "MatMul":
            out = np.matmul(np.ascontiguousarray(ins[0]), np.ascontiguousarray(ins[1]))
        elif op == "Where":
            out = np.where(ins[0], ins[1], ins[2])
        elif op == "Range":
            out = np.arange(ins[0], ins[1], ins[2]).astype(ins[0].dtype)
        elif op == "Softmax":
            ax = a.get("axis", -1)
            e = np.exp(ins[0] - ins[0].max(axis=ax, keepdims=True))
            out = e / e.sum(axis=ax, keepdims=True)
        elif op == "Flatten":
            ax = a.get("axis", 1)
            out = ins[0].reshape(int(np.prod(ins[0].shape[:ax])), -1)
        elif op in ("ReduceMean", "ReduceSum"):
            axes = a.get("axes") if "axes" in a else (ins[1] if len(ins) > 1 and ins[1] is not None else None)
            axes = tuple(int(v) for v in axes) if axes is not None else None
            f = np.mean if op == "ReduceMean" else np.sum
            out = f(ins[0], axis=axes, keepdims=bool(a.get("keepdims", 1))).astype(ins[0].dtype)
        elif op == "LayerNormalization":
            ax = a.get("axis", -1)
            axes = tuple(range(ax % ins[0].ndim, ins[0].ndim))
            mean = ins[0].mean(axis=axes, keepdims=True)
            var = ((ins[0] - mean) ** 2).mean(axis=axes, keepdims=True)
            out = (ins[0] - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * ins[1]
            if len(ins) > 2 and ins[2] is not None:
                out = out + ins[2]
            out = out.astype(np.float32)
        elif op == "DepthToSpace":
            bs = a["blocksize"]
            mode = a.get("mode", b"DCR")
            mode = mode.decode() if isinstance(mode, bytes) else mode
            n, c, h, w = ins[0].shape
            if mode == "DCR":
                t = ins[0].reshape(n, bs, bs, c // bs ** 2, h, w).transpose(0, 3, 4, 1, 5, 2)
            else:
                t = ins[0].reshape(n, c // bs ** 2, bs, bs, h, w).transpose(0, 1, 4, 2, 5, 3)
            out = t.reshape(n, c // bs ** 2, h * bs, w * bs)
        elif op == "Mod":
            out = np.fmod(ins[0], ins[1]) if a.get("fmod", 0) else np.mod(ins[0], ins[1])
        elif op == "Concat":
            out = np.concatenate(ins, axis=a["axis"])
        elif op == "Unsqueeze":
            out = ins[0]
            for ax in sorted(int(v) for v in ins[1]):
                out = np.expand_dims(out, ax)
        elif op == "Slice":
            x = ins[0]
            axes = ins[3] if len(ins) > 3 and ins[3] is not None else range(len(ins[1]))
            steps = ins[4] if len(ins) > 4 and ins[4] is not None else [1] * len(ins[1])
            idx = [slice(None)] * x.ndim
            for s, e, ax, st in zip(ins[1], ins[2], axes, steps):
                idx[int(ax)] = slice(int(max(min(s, 2 ** 62), -2 ** 62)), int(max(min(e, 2 ** 62), -2 ** 62)),
                                     int(st))
            out = x[tuple(idx)]
        elif op == "Shape":
            out = np.array(ins[0].shape, dtype=np.int64)
        elif op == "Gather":
            out = np.take(ins[0], ins[1], axis=a.get("axis", 0))
        elif op == "Cast":
            out = ins[0].astype(_NP_TYPES[a["to"]])
        elif op == "Reshape":
            out = ins[0].reshape([int(v) if v != 0 else ins[0].shape[i] for i, v in enumerate(ins[1])])
        elif op == "ConstantOfShape":
            val = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
            out = np.full([int(v) for v in ins[0]], val.reshape(-1)[0], dtype=val.dtype)
        elif op == "Transpose":
            out = np.transpose(ins[0], a.get("perm"))
        elif op == "Pad":
            mode = a.get("mode", b"constant")
            mode = mode.decode() if isinstance(mode, bytes) else mode
            p = [int(v) for v in ins[1]]
            k = len(p) // 2
            width = [(p[i], p[i + k]) for i in range(k)]
            if mode in ("reflect", "edge"):
                out = np.pad(ins[0], width, mode=mode)
            elif mode == "constant":
                cval = ins[2] if len(ins) > 2 and ins[2] is not None else 0
                out = np.pad(ins[0], width, mode="constant", constant_values=cval)
            else:
                raise NotImplementedError("Pad mode " + mode)
        elif op == "Clip":
            lo = ins[1] if len(ins) > 1 and ins[1] is not None else -np.inf
            hi = ins[2] if len(ins) > 2 and ins[2] is not None else np.inf
            out = np.clip(ins[0], lo, hi)
        else:
            raise NotImplementedError("ONNX operator " + op)
        env[node.output[0]] = out if isinstance(out, np.ndarray) else np.asarray(out)
    return {o.name: env[o.name] for o in model.graph.output}
