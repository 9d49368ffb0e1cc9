"""Checks of the ONNX export formulation of UDBD-Net.

Run from models/python:  /usr/bin/python3 -m unittest test_export -v

Uses the shipped model's checkpoint (models/python/checkpoints/udbd-net.pt), so the graph under test has the
shipped architecture and weights.
The exported graph is run with udbd.onnx_eval, a small NumPy interpreter, because this Debian image has
neither onnx.reference.ReferenceEvaluator (python3-onnx is 1.12) nor the Python onnxruntime package; ONNX
Runtime itself is checked from Java (UdbdParityTest).
"""
import os
import sys
import tempfile
import unittest

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import export_udbd  # noqa: E402
from udbd import onnx_eval  # noqa: E402
from udbd.model import kernel_spectrum, wiener_fft, wiener_matmul  # noqa: E402


def model_under_test():
    return export_udbd.load(export_udbd.RELEASE_CKPT)


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.model, cls.state = model_under_test()
        cls.tmp = tempfile.TemporaryDirectory()
        cls.graph = cls.exported(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_matmul_dft_matches_torch_fft_on_64x80(self):
        torch.manual_seed(1)
        x = torch.rand(2, 1, 64, 80)
        with torch.no_grad():
            self.model.set_dft("fft")
            ref, k_ref = self.model(x)
            self.model.set_dft("matmul")
            out, k_out = self.model(x)
        self.model.set_dft("fft")
        err = (ref - out).abs().max().item()
        print("\nmax |matmul DFT - torch.fft| on 64x80: %.3g (kernel %.3g)" % (err, (k_ref - k_out).abs().max()))
        self.assertLess(err, 1e-4)

    def test_wiener_step_matches_for_odd_sizes(self):
        torch.manual_seed(2)
        for h, w in [(41, 37), (50, 51), (33, 96)]:
            feat = torch.rand(1, 3, h, w, dtype=torch.float64)
            k = torch.rand(1, 1, 21, 21, dtype=torch.float64)
            k = k / k.sum()
            kr, ki = kernel_spectrum(k, h, w)
            c = torch.full((1, 3, 1, 1), 0.01, dtype=torch.float64)
            err = (wiener_fft(feat, kr, ki, c) - wiener_matmul(feat, kr, ki, c)).abs().max().item()
            self.assertLess(err, 1e-5, "%dx%d" % (h, w))

    def test_kernel_spectrum_equals_fft_of_centred_kernel(self):
        torch.manual_seed(3)
        k = torch.rand(1, 1, 21, 21, dtype=torch.float64)
        k = k / k.sum()
        padded = torch.zeros(1, 1, 45, 38, dtype=torch.float64)
        padded[..., :21, :21] = k
        ref = torch.fft.rfft2(torch.roll(padded, (-10, -10), (2, 3)))
        kr, ki = kernel_spectrum(k, 45, 38)
        # the DFT angles are computed in float32 (as in the exported graph): about 1e-7 of the DC value 1
        self.assertLess((ref.real - kr).abs().max().item(), 1e-6)
        self.assertLess((ref.imag - ki).abs().max().item(), 1e-6)

    @classmethod
    def exported(cls, d):
        import onnx
        ckpt = os.path.join(d, "ckpt.pt")
        torch.save({"model": cls.model.state_dict(), "state": cls.state}, ckpt)
        path = export_udbd.export(ckpt, os.path.join(d, "m.onnx"), fixture_path=None, log=lambda m: None)
        return onnx.load(path)

    def test_onnx_graph_matches_pytorch_fft_at_traced_and_other_sizes(self):
        graph = self.graph
        self.model.set_dft("fft")
        torch.manual_seed(4)
        for h, w in [(64, 80), (57, 71)]:
            x = torch.rand(1, 1, h, w)
            with torch.no_grad():
                ref, k_ref = self.model(x)
            out, k_out = onnx_eval.run(graph, {"blurred": x.numpy()})
            self.assertEqual((1, 1, h, w), out.shape)
            err = float(np.abs(out - ref.numpy()).max())
            k_err = float(np.abs(k_out - k_ref.numpy()).max())
            print("\nONNX graph (NumPy interpreter) vs PyTorch FFT at %dx%d: max error %.3g, kernel %.3g" % (
                h, w, err, k_err))
            self.assertLess(err, 1e-4)
            self.assertLess(k_err, 1e-5)

    def test_export_passes_checker_with_dynamic_height_and_width(self):
        import onnx
        graph = self.graph
        onnx.checker.check_model(graph)
        dims = graph.graph.input[0].type.tensor_type.shape.dim
        self.assertEqual(["batch", "", "height", "width"], [x.dim_param for x in dims])
        self.assertEqual(1, dims[1].dim_value)
        self.assertEqual(["blurred"], [i.name for i in graph.graph.input])
        self.assertEqual(["restored", "kernel"], [o.name for o in graph.graph.output])
        self.assertEqual(0, sum(n.op_type == "DFT" for n in graph.graph.node))

    def test_kernel_is_normalised_and_non_negative(self):
        x = torch.rand(3, 1, 40, 44)
        with torch.no_grad():
            _, k = self.model(x)
        self.assertEqual((3, 1, 21, 21), tuple(k.shape))
        self.assertTrue(bool((k >= 0).all()))
        np.testing.assert_allclose(k.sum(dim=(1, 2, 3)).numpy(), 1.0, atol=1e-5)


if __name__ == "__main__":
    unittest.main()
