"""The project's one NumPy ONNX interpreter (aoi_models.common.onnx_numpy) on small graphs whose results
follow from the ONNX operator specification: integer Div truncates toward zero like C, integer Mod takes the
divisor's sign, Conv and ConvTranspose against direct loops, Slice to the end, multi-output Split, Shape
windows, and an unsupported operator is named. (The big graphs are checked in test_udbd_export and
test_motion_export.)"""
import unittest

import numpy as np
from onnx import TensorProto, helper, numpy_helper

from aoi_models.common import onnx_numpy

_TYPES = {np.dtype(np.float32): TensorProto.FLOAT, np.dtype(np.int64): TensorProto.INT64,
          np.dtype(np.int32): TensorProto.INT32}


def graph(op, feeds, outputs=1, initializers=(), **attrs):
    """A one-node model `op` over the named feeds (and constant initializers); outputs y0, y1, ..."""
    names = list(feeds) + [name for name, _ in initializers]
    node = helper.make_node(op, names, ["y%d" % i for i in range(outputs)], **attrs)
    ins = [helper.make_tensor_value_info(k, _TYPES[v.dtype], list(v.shape)) for k, v in feeds.items()]
    outs = [helper.make_tensor_value_info("y%d" % i, TensorProto.UNDEFINED, None) for i in range(outputs)]
    inits = [numpy_helper.from_array(np.asarray(v), name) for name, v in initializers]
    return helper.make_model(helper.make_graph([node], op, ins, outs, initializer=inits))


def run(op, feeds, **kw):
    return onnx_numpy.run(graph(op, feeds, **kw), feeds)


class DivTest(unittest.TestCase):
    def test_integer_div_truncates_toward_zero_like_c(self):
        a = np.array([7, -7, 7, -7, 6, -6, 0, -1], np.int64)
        b = np.array([2, 2, -2, -2, 3, 4, 5, 2], np.int64)
        got = run("Div", {"a": a, "b": b})["y0"]
        # C: 7/2 = 3, -7/2 = -3 (NumPy's floor division would give -4), 7/-2 = -3, -7/-2 = 3, -6/4 = -1, -1/2 = 0
        np.testing.assert_array_equal(np.array([3, -3, -3, 3, 2, -1, 0, 0], np.int64), got)
        self.assertEqual(np.int64, got.dtype)

    def test_integer_div_is_exact_beyond_float_precision(self):
        a = np.array([2 ** 62 + 1, -(2 ** 62 + 3)], np.int64)
        b = np.array([1, 1], np.int64)
        np.testing.assert_array_equal(a, run("Div", {"a": a, "b": b})["y0"])

    def test_float_div_is_true_division(self):
        got = run("Div", {"a": np.array([-7.0], np.float32), "b": np.array([2.0], np.float32)})["y0"]
        np.testing.assert_array_equal(np.array([-3.5], np.float32), got)

    def test_integer_mod_takes_the_divisor_sign_and_fmod_the_dividend_sign(self):
        a = np.array([7, -7, 7, -7], np.int64)
        b = np.array([3, 3, -3, -3], np.int64)
        np.testing.assert_array_equal([1, 2, -2, -1], run("Mod", {"a": a, "b": b})["y0"])
        np.testing.assert_array_equal([1, -1, 1, -1], run("Mod", {"a": a, "b": b}, fmod=1)["y0"])


def conv_reference(x, w, b, stride, pads, dilation, group):
    """Direct loops over the ONNX Conv definition."""
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    ho = (xp.shape[2] - dilation * (kh - 1) - 1) // stride + 1
    wo = (xp.shape[3] - dilation * (kw - 1) - 1) // stride + 1
    y = np.zeros((n, o, ho, wo), np.float64)
    per = o // group
    for oc in range(o):
        g = oc // per
        for i in range(ho):
            for j in range(wo):
                for ci in range(cg):
                    for u in range(kh):
                        for v in range(kw):
                            y[:, oc, i, j] += (xp[:, g * cg + ci, i * stride + u * dilation, j * stride + v * dilation]
                                               * w[oc, ci, u, v])
        y[:, oc] += b[oc]
    return y


class ConvTest(unittest.TestCase):
    def test_conv_with_stride_pads_dilation_and_groups_matches_the_definition(self):
        rng = np.random.default_rng(1)
        x = rng.standard_normal((2, 4, 9, 11)).astype(np.float32)
        w = rng.standard_normal((6, 2, 3, 2)).astype(np.float32)
        b = rng.standard_normal(6).astype(np.float32)
        for stride, pads, dilation in [(1, [1, 0, 1, 0], 1), (2, [0, 1, 2, 1], 2)]:
            got = run("Conv", {"x": x}, initializers=[("w", w), ("b", b)], strides=[stride, stride], pads=pads,
                      dilations=[dilation, dilation], group=2)["y0"]
            want = conv_reference(x, w, b, stride, pads, dilation, 2)
            self.assertEqual(want.shape, got.shape)
            np.testing.assert_allclose(want, got, rtol=1e-5, atol=1e-5)

    def test_conv_transpose_scatters_every_input_sample_through_the_kernel(self):
        rng = np.random.default_rng(2)
        x = rng.standard_normal((1, 2, 4, 5)).astype(np.float32)
        w = rng.standard_normal((2, 3, 3, 3)).astype(np.float32)   # [C_in, C_out, kh, kw]
        b = rng.standard_normal(3).astype(np.float32)
        got = run("ConvTranspose", {"x": x}, initializers=[("w", w), ("b", b)], strides=[2, 2],
                  pads=[1, 1, 1, 1], output_padding=[1, 1])["y0"]
        full = np.zeros((1, 3, (4 - 1) * 2 + 3 + 1, (5 - 1) * 2 + 3 + 1))
        for ci in range(2):
            for i in range(4):
                for j in range(5):
                    full[0, :, 2 * i:2 * i + 3, 2 * j:2 * j + 3] += x[0, ci, i, j] * w[ci]
        want = full[:, :, 1:1 + 8, 1:1 + 10] + b[None, :, None, None]   # crop the pads; output padding at the end
        self.assertEqual((1, 3, 8, 10), got.shape)
        np.testing.assert_allclose(want, got, rtol=1e-5, atol=1e-5)


class ShapeOpsTest(unittest.TestCase):
    def test_slice_to_int64_max_runs_to_the_end_and_negative_steps_reverse(self):
        x = np.arange(10, dtype=np.float32).reshape(2, 5)
        got = run("Slice", {"x": x}, initializers=[("s", np.array([1], np.int64)),
                                                   ("e", np.array([2 ** 63 - 1], np.int64)),
                                                   ("a", np.array([1], np.int64))])["y0"]
        np.testing.assert_array_equal(x[:, 1:], got)
        got = run("Slice", {"x": x}, initializers=[("s", np.array([-1], np.int64)),
                                                   ("e", np.array([-(2 ** 63)], np.int64)),
                                                   ("a", np.array([1], np.int64)), ("st", np.array([-1], np.int64))])
        np.testing.assert_array_equal(x[:, ::-1], got["y0"])

    def test_split_gives_every_output(self):
        x = np.arange(12, dtype=np.float32).reshape(1, 6, 2)
        got = run("Split", {"x": x}, outputs=2, initializers=[("sizes", np.array([2, 4], np.int64))], axis=1)
        np.testing.assert_array_equal(x[:, :2], got["y0"])
        np.testing.assert_array_equal(x[:, 2:], got["y1"])

    def test_shape_window(self):
        x = np.zeros((2, 3, 4, 5), np.float32)
        np.testing.assert_array_equal([4, 5], run("Shape", {"x": x}, start=2)["y0"])
        np.testing.assert_array_equal([3, 4], run("Shape", {"x": x}, start=1, end=-1)["y0"])

    def test_an_unsupported_operator_is_named(self):
        with self.assertRaises(NotImplementedError) as e:
            run("Einsum", {"x": np.zeros((2, 2), np.float32)}, equation="ii->i")
        self.assertIn("Einsum", str(e.exception))


if __name__ == "__main__":
    unittest.main()
