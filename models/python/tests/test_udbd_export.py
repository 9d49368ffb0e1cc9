"""Checks of the ONNX export of UDBD-Net: three graphs split at the Wiener step (aoi_models/udbd/split.py), with
the Wiener step computed outside the graphs by an FFT.

Run from models/python:  /usr/bin/python3 -m unittest tests.test_udbd_export -v

Uses the shipped model's checkpoint (models/python/checkpoints/udbd-net.pt), so the graph under test has the
shipped architecture and weights.
The exported graph is run with aoi_models.common.onnx_numpy, the project's NumPy interpreter, because this Debian image has
neither onnx.reference.ReferenceEvaluator (python3-onnx is 1.12) nor the Python onnxruntime package; ONNX
Runtime itself is checked from Java (UdbdParityTest).
"""
import os
import tempfile
import unittest

import numpy as np
import torch

from aoi_models.common import onnx_numpy
from aoi_models.udbd import export as export_udbd
from aoi_models.udbd.model import kernel_spectrum, wiener_fft, wiener_matmul
from aoi_models.udbd.split import defocus_sigma_px, wiener_numpy


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
        paths = export_udbd.export(ckpt, os.path.join(d, "m.onnx"), fixture_path=None, log=lambda m: None)
        return {part: onnx.load(path) for part, path in paths.items()}

    def split_forward(self, x, run_graph):
        """kernel graph -> features graph -> NumPy FFT Wiener -> refine graph, on a [N,1,H,W] array."""
        kernel = run_graph("kernel", {"blurred": x})[0]
        features, regulariser = run_graph("features", {"blurred": x})
        deconv = np.stack([wiener_numpy(features[n], kernel[n, 0], regulariser[n, :, 0, 0])
                           for n in range(x.shape[0])]).astype(np.float32)
        return run_graph("refine", {"deconvolved": deconv, "blurred": x})[0], kernel

    def torch_graph(self, part, feeds):
        with torch.no_grad():
            t = {k: torch.from_numpy(v) for k, v in feeds.items()}
            if part == "kernel":
                return [self.model.kernel_net(t["blurred"]).numpy()]
            if part == "features":
                return [a.numpy() for a in self.model.deconv_net.extract(t["blurred"])]
            return [self.model.deconv_net.refine(t["deconvolved"], t["blurred"]).numpy()]

    def test_split_with_numpy_fft_wiener_matches_the_torch_fft_formulation(self):
        self.model.set_dft("fft")
        torch.manual_seed(5)
        for h, w in [(64, 80), (57, 71), (96, 72)]:
            x = torch.rand(2, 1, h, w)
            with torch.no_grad():
                ref, k_ref = self.model(x)
            out, k_out = self.split_forward(x.numpy(), self.torch_graph)
            err = float(np.abs(out - ref.numpy()).max())
            print("\nsplit (PyTorch graphs + NumPy FFT Wiener) vs torch.fft model at %dx%d: max error %.3g" % (
                h, w, err))
            self.assertLess(err, 1e-4)
            self.assertLess(float(np.abs(k_out - k_ref.numpy()).max()), 1e-6)

    def test_numpy_wiener_equals_torch_fft_wiener_step(self):
        torch.manual_seed(6)
        for h, w in [(41, 37), (50, 51), (288, 288)]:
            feat = torch.rand(1, 3, h, w, dtype=torch.float64)
            k = torch.rand(1, 1, 21, 21, dtype=torch.float64)
            k = k / k.sum()
            c = torch.tensor([0.01, 0.003, 0.2], dtype=torch.float64).reshape(1, 3, 1, 1)
            self.model.deconv_net.dft = "fft"
            ref = self.model.deconv_net.deconvolve(feat, k, c)[0].numpy()
            out = wiener_numpy(feat[0].numpy(), k[0, 0].numpy(), c.flatten().numpy())
            # kernel_spectrum builds its DFT angles in float32 (as the training graph does): about 1e-6
            self.assertLess(float(np.abs(ref - out).max()), 1e-5, "%dx%d" % (h, w))

    def test_onnx_graphs_split_match_pytorch_fft_at_traced_and_other_sizes(self):
        self.model.set_dft("fft")
        torch.manual_seed(4)
        for h, w in [(64, 80), (57, 71)]:
            x = torch.rand(1, 1, h, w)
            with torch.no_grad():
                ref, k_ref = self.model(x)
            out, k_out = self.split_forward(x.numpy(), lambda part, feeds: onnx_numpy.run_list(self.graph[part], feeds))
            self.assertEqual((1, 1, h, w), out.shape)
            err = float(np.abs(out - ref.numpy()).max())
            k_err = float(np.abs(k_out - k_ref.numpy()).max())
            print("\nONNX graphs (NumPy interpreter) + NumPy Wiener vs PyTorch FFT at %dx%d: max error %.3g,"
                  " kernel %.3g" % (h, w, err, k_err))
            self.assertLess(err, 1e-4)
            self.assertLess(k_err, 1e-5)

    def test_exports_pass_checker_with_dynamic_height_and_width_and_no_dft(self):
        import onnx
        names = {"kernel": (["blurred"], ["kernel"]),
                 "features": (["blurred"], ["features", "regulariser"]),
                 "refine": (["deconvolved", "blurred"], ["restored"]),
                 "cuda": (["blurred", "kernel"], ["restored"])}
        for part, graph in self.graph.items():
            onnx.checker.check_model(graph)
            self.assertEqual(names[part][0], [i.name for i in graph.graph.input], part)
            self.assertEqual(names[part][1], [o.name for o in graph.graph.output], part)
            for value in graph.graph.input:
                dims = [x.dim_param for x in value.type.tensor_type.shape.dim]
                expected = ["batch", "", "", ""] if value.name == "kernel" else ["batch", "", "height", "width"]
                self.assertEqual(expected, dims, part + " " + value.name)
            self.assertEqual(0, sum(n.op_type == "DFT" for n in graph.graph.node), part)
            # only the CUDA graph has the Wiener step in it (as matrix DFTs)
            self.assertEqual(part == "cuda", any(n.op_type == "MatMul" for n in graph.graph.node), part)

    def test_cuda_graph_matches_pytorch_fft_given_the_kernel(self):
        self.model.set_dft("fft")
        torch.manual_seed(7)
        for h, w in [(64, 80), (57, 71)]:
            x = torch.rand(2, 1, h, w)
            with torch.no_grad():
                k = self.model.kernel_net(x[:1]).expand(2, -1, -1, -1).contiguous()
                ref = self.model.deconv_net(x, k)
            out = onnx_numpy.run(self.graph["cuda"], {"blurred": x.numpy(), "kernel": k.numpy()})["restored"]
            err = float(np.abs(out - ref.numpy()).max())
            print("\nCUDA graph (NumPy interpreter) vs PyTorch FFT at %dx%d, one kernel: max error %.3g" % (h, w, err))
            self.assertLess(err, 1e-4)

    def test_defocus_sigma_of_a_gaussian_kernel_is_its_sigma(self):
        yy, xx = np.mgrid[-10:11, -10:11]
        for sigma in (1.0, 2.0, 2.5):
            k = np.exp(-(xx ** 2 + yy ** 2) / (2 * sigma ** 2))
            self.assertAlmostEqual(sigma, defocus_sigma_px(k), delta=0.01)

    def test_kernel_is_normalised_and_non_negative(self):
        x = torch.rand(3, 1, 40, 44)
        with torch.no_grad():
            _, k = self.model(x)
        self.assertEqual((3, 1, 21, 21), tuple(k.shape))
        self.assertTrue(bool((k >= 0).all()))
        np.testing.assert_allclose(k.sum(dim=(1, 2, 3)).numpy(), 1.0, atol=1e-5)


if __name__ == "__main__":
    unittest.main()
