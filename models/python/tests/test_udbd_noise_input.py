"""The noise-level input of UDBD-Net (model.NoiseLevel, DeconvNet(noise_input=True)) and the clean share of the
training sampler.

Run from models/python:  /usr/bin/python3 -m unittest tests.test_udbd_noise_input -v
"""
import os
import tempfile
import unittest

import numpy as np
import torch

from aoi_models.common import onnx_numpy
from aoi_models.common.onnx_check import export_checked
from aoi_models.udbd.data import TrainSampler, add_noise, blur_valid, gaussian_kernel, quantise8
from aoi_models.udbd.export import FeatureGraph, RefineGraph
from aoi_models.udbd.inference import fold_for_inference
from aoi_models.udbd.model import KERNEL_RADIUS, NoiseLevel, UDBDNet, build_model


def smooth_scene(seed, size=96):
    """A defocused scene: random grey values blurred with a Gaussian of sigma 2.5 px, stretched to [0.2, 0.8]."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(1, 1, size + 2 * KERNEL_RADIUS, size + 2 * KERNEL_RADIUS, generator=g)
    x = blur_valid(x, torch.from_numpy(gaussian_kernel(2.5))[None, None])
    return 0.2 + 0.6 * (x - x.min()) / (x.max() - x.min())


class NoiseLevelTest(unittest.TestCase):
    def test_the_estimate_follows_the_read_noise(self):
        level = NoiseLevel()
        g = torch.Generator().manual_seed(3)
        previous = 0.0
        for sigma in (0.005, 0.01, 0.02):
            estimates = []
            for seed in range(4):
                scene = smooth_scene(seed)
                noisy = scene + sigma * torch.randn(scene.shape, generator=g)
                estimates.append(float(torch.exp(level(noisy)) - 1e-3))
            mean = float(np.mean(estimates))
            self.assertAlmostEqual(sigma, mean, delta=0.15 * sigma, msg="read noise %g" % sigma)
            self.assertGreater(mean, previous)
            previous = mean

    def test_a_clean_8_bit_frame_reads_about_the_quantisation_noise(self):
        estimate = float(torch.exp(NoiseLevel()(quantise8(smooth_scene(9)))) - 1e-3)
        self.assertLess(estimate, 0.002)  # 8-bit steps: 1 / 255 / sqrt(12) = 0.0011

    def test_one_value_per_sample(self):
        x = torch.cat([smooth_scene(1), smooth_scene(2) + 0.02 * torch.randn(1, 1, 96, 96)])
        out = NoiseLevel()(x)
        self.assertEqual((2, 1, 1, 1), tuple(out.shape))
        self.assertGreater(float(out[1]), float(out[0]))


class NoiseInputModelTest(unittest.TestCase):
    def test_a_fine_tune_starts_from_the_function_of_the_model_without_the_input(self):
        plain = UDBDNet(8, 8, (1, 1, 1)).eval()
        with torch.no_grad():
            for p in plain.parameters():
                p.add_(0.05 * torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())))
        adaptive = build_model({"width": 8, "kernel_width": 8, "blocks": [1, 1, 1], "noise_input": True}).eval()
        missing, unexpected = adaptive.load_state_dict(plain.state_dict(), strict=False)
        self.assertEqual([], unexpected)
        self.assertEqual({"deconv_net.c_noise.weight", "deconv_net.c_noise.bias", "deconv_net.intro_noise.weight",
                          "deconv_net.intro_noise.bias"}, set(missing))
        x = smooth_scene(4, 64) + 0.01 * torch.randn(1, 1, 64, 64, generator=torch.Generator().manual_seed(4))
        with torch.no_grad():
            self.assertEqual(0.0, (plain(x)[0] - adaptive(x)[0]).abs().max().item())

    def test_the_noise_level_changes_the_regulariser_once_trained(self):
        net = build_model({"width": 8, "kernel_width": 8, "blocks": [1, 1, 1], "noise_input": True}).eval()
        with torch.no_grad():
            net.deconv_net.c_noise.weight.fill_(1.0)
        clean = quantise8(smooth_scene(5, 64))
        noisy = quantise8(clean + 0.02 * torch.randn(clean.shape, generator=torch.Generator().manual_seed(5)))
        with torch.no_grad():
            _, c_clean = net.deconv_net.extract(clean)
            _, c_noisy = net.deconv_net.extract(noisy)
        self.assertTrue(bool((c_noisy > c_clean).all()), "a noisier input gets a stronger regulariser")

    def test_the_split_graphs_of_a_noise_input_model_match_torch(self):
        torch.manual_seed(6)
        net = build_model({"width": 8, "kernel_width": 8, "blocks": [1, 1, 1], "noise_input": True}).eval()
        with torch.no_grad():
            for p in net.deconv_net.parameters():
                p.add_(0.1 * torch.randn(p.shape))
        folded = fold_for_inference(net)
        x = quantise8(smooth_scene(6, 48) + 0.01 * torch.randn(1, 1, 48, 48))
        with torch.no_grad():
            feat, c = folded.deconv_net.extract(x)
            restored = folded.deconv_net.refine(feat, x)
        with tempfile.TemporaryDirectory() as tmp:
            axes = {"blurred": {0: "batch", 2: "height", 3: "width"}}
            features = export_checked(FeatureGraph(folded), (x,), os.path.join(tmp, "f.onnx"), ["blurred"],
                                      ["features", "regulariser"], axes, 17)
            axes_r = {"deconvolved": {0: "batch", 2: "height", 3: "width"}, **axes}
            refine = export_checked(RefineGraph(folded), (feat, x), os.path.join(tmp, "r.onnx"),
                                    ["deconvolved", "blurred"], ["restored"], axes_r, 17)
            f_out = onnx_numpy.run(features, {"blurred": x.numpy()})
            r_out = onnx_numpy.run(refine, {"deconvolved": feat.numpy(), "blurred": x.numpy()})
        self.assertLess(np.abs(f_out["regulariser"] - c.numpy()).max(), 1e-5)
        self.assertLess(np.abs(r_out["restored"] - restored.numpy()).max(), 1e-4)


class CleanShareTest(unittest.TestCase):
    def test_a_clean_share_of_one_gives_only_quantised_blur(self):
        flat = [np.full((300, 300), 128, np.uint8)]
        sampler = TrainSampler(flat, 64, seed=2, read_noise_max=0.02, clean_share=1.0)
        blurred, sharp, _ = sampler.batch(16)
        self.assertEqual(0.0, float((blurred - quantise8(sharp)).abs().max()))

    def test_a_clean_share_sets_how_often_a_sample_is_noise_free(self):
        flat = [np.full((300, 300), 128, np.uint8)]
        sampler = TrainSampler(flat, 64, seed=3, read_noise_min=0.01, read_noise_max=0.02, clean_share=0.3)
        blurred, _, _ = sampler.batch(400)
        clean = (blurred.std(dim=(1, 2, 3)) < 1e-6).float().mean().item()
        self.assertAlmostEqual(0.3, clean, delta=0.07)

    def test_no_clean_share_keeps_the_random_stream_of_earlier_runs(self):
        image = [np.random.default_rng(1).integers(0, 256, (300, 300)).astype(np.uint8)]
        a, _, _ = TrainSampler(image, 32, seed=8).batch(6)
        b, _, _ = TrainSampler(image, 32, seed=8, clean_share=0.0).batch(6)
        self.assertTrue(torch.equal(a, b))

    def test_a_clean_share_outside_0_to_1_is_refused(self):
        with self.assertRaises(ValueError):
            TrainSampler([np.zeros((300, 300), np.uint8)], 32, seed=1, clean_share=1.5)

    def test_add_noise_is_what_a_noisy_sample_gets(self):
        # the clean share only zeroes the noise's two parameters: add_noise with zeros is quantise8
        x = smooth_scene(7, 32)
        zero = torch.zeros(1, 1, 1, 1)
        self.assertTrue(torch.equal(quantise8(x), add_noise(x, zero, zero, torch.randn(x.shape))))


if __name__ == "__main__":
    unittest.main()
