"""Checks of the ONNX export formulation of UDBD-Net.

Run from models/python:  /usr/bin/python3 -m unittest test_export -v

Uses the trained checkpoint when models/python/work/udbd/ckpt.pt exists, else seeded random weights.
ONNX Runtime itself is checked from Java (UdbdParityTest) because this Debian image has neither the Python
onnxruntime package nor onnx.reference (python3-onnx is 1.12).
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
from udbd.model import UDBDNet, kernel_spectrum, wiener_fft, wiener_matmul  # noqa: E402

CKPT = os.path.join(HERE, "work/udbd/ckpt.pt")


def model_under_test():
    if os.path.isfile(CKPT):
        model, _ = export_udbd.load(CKPT)
        return model
    torch.manual_seed(0)
    model = UDBDNet(12, 12)
    model.eval()
    return model


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.model = model_under_test()

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
            self.assertLess(err, 1e-9, "%dx%d" % (h, w))

    def test_kernel_spectrum_equals_fft_of_centred_kernel(self):
        torch.manual_seed(3)
        k = torch.rand(1, 1, 21, 21, dtype=torch.float64)
        padded = torch.zeros(1, 1, 45, 38, dtype=torch.float64)
        padded[..., :21, :21] = k
        ref = torch.fft.rfft2(torch.roll(padded, (-10, -10), (2, 3)))
        kr, ki = kernel_spectrum(k, 45, 38)
        self.assertLess((ref.real - kr).abs().max().item(), 1e-9)
        self.assertLess((ref.imag - ki).abs().max().item(), 1e-9)

    def test_export_passes_checker_with_dynamic_height_and_width(self):
        import onnx
        with tempfile.TemporaryDirectory() as d:
            ckpt = os.path.join(d, "ckpt.pt")
            torch.save({"model": self.model.state_dict(), "state": {"width": self.model.deconv_net.outro.in_channels,
                                                                    "step": 0}}, ckpt)
            path = export_udbd.export(ckpt, os.path.join(d, "m.onnx"), fixture_path=None, log=lambda m: None)
            graph = onnx.load(path)
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
