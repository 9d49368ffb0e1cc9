"""Checks of the UDBD-Net training data path: the data pack round trip, the panel share of the sampler, the
degradation it applies, and the grouped-convolution kernel composition used in training."""
import os
import tempfile
import unittest

import numpy as np
import torch
import torch.nn.functional as F

from aoi_models.udbd.data import GAUSSIAN8_SIGMAS, TrainSampler, gaussian_kernel, read_pack, write_pack
from aoi_models.udbd.model import KERNEL_RADIUS, full_conv


def textured(rng, h, w):
    return rng.integers(0, 256, (h, w), dtype=np.uint8)


class DataPackTest(unittest.TestCase):
    def test_pack_round_trip_is_exact(self):
        rng = np.random.default_rng(3)
        photos = [textured(rng, 300, 410), textured(rng, 280, 280)]
        panels = [textured(rng, 276, 276)]
        val = {"sharp": np.round(rng.random((5, 1, 32, 32)) * 255).astype(np.float32) / 255,
               "blurred": np.round(rng.random((8, 5, 1, 32, 32)) * 255).astype(np.float32) / 255,
               "kernels": np.stack([gaussian_kernel(s)[None] for s in GAUSSIAN8_SIGMAS]),
               "sigmas": np.array(GAUSSIAN8_SIGMAS, np.float32)}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "pack.npz")
            write_pack(path, photos, panels, val, val_crops=4)
            got_photos, got_panels, got_val = read_pack(path)
        self.assertEqual(len(photos), len(got_photos))
        for a, b in zip(photos + panels, got_photos + got_panels):
            np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(val["sharp"][:4], got_val["sharp"])
        np.testing.assert_array_equal(val["blurred"][:, :4], got_val["blurred"])
        np.testing.assert_array_equal(val["sigmas"], got_val["sigmas"])


class SamplerTest(unittest.TestCase):
    def test_panel_share_sets_how_often_panels_are_drawn(self):
        photos = [np.full((600, 800), 10, np.uint8), np.full((400, 400), 10, np.uint8)]
        panels = [np.full((276, 276), 200, np.uint8) for _ in range(3)]
        sampler = TrainSampler(photos, 64, seed=11, panels=panels, panel_share=0.6)
        _, sharp, _ = sampler.batch(400)
        panel_fraction = float((sharp.mean(dim=(1, 2, 3)) > 0.5).float().mean())
        self.assertAlmostEqual(0.6, panel_fraction, delta=0.07)

    def test_images_smaller_than_a_padded_crop_are_not_drawn(self):
        small = np.zeros((100, 100), np.uint8)
        sampler = TrainSampler([small, np.full((200, 200), 255, np.uint8)], 128, seed=1)
        self.assertEqual(1, len(sampler.images))
        with self.assertRaises(ValueError):
            TrainSampler([small], 128, seed=1)

    def test_read_noise_reaches_the_configured_level(self):
        flat = [np.full((300, 300), 128, np.uint8)]
        quiet = TrainSampler(flat, 64, seed=2, read_noise_max=0.0)
        noisy = TrainSampler(flat, 64, seed=2, read_noise_max=0.02)
        q, _, _ = quiet.batch(64)
        n, _, _ = noisy.batch(64)
        q_var = float((q - q.mean(dim=(2, 3), keepdim=True)).var())
        n_var = float((n - n.mean(dim=(2, 3), keepdim=True)).var())
        # the same seed draws the same Poisson part, so the difference is the read noise: sigma uniform in
        # [0, 0.02] has a mean square of 0.02^2 / 3
        self.assertAlmostEqual(0.02 ** 2 / 3, n_var - q_var, delta=0.3 * 0.02 ** 2 / 3)

    def test_fixed_illumination_keeps_panels_lit_from_the_left_and_still_turns_photos(self):
        # a left-to-right ramp: rotations and left-right mirroring would turn or reverse it
        ramp = np.tile(np.linspace(0, 255, 300).astype(np.uint8), (300, 1))
        sampler = TrainSampler([ramp.copy()], 64, seed=5, panels=[ramp], panel_share=0.5,
                               fixed_illumination=True)
        _, sharp, _ = sampler.batch(200)
        dx = (sharp[:, 0, :, -1] - sharp[:, 0, :, 0]).mean(dim=1)
        dy = (sharp[:, 0, -1, :] - sharp[:, 0, 0, :]).mean(dim=1)
        rising_right = (dx > 0.05) & (dy.abs() < 0.01)
        # panels (half the draws) always rise to the right; photos do so in about a quarter of their draws
        self.assertAlmostEqual(0.5 + 0.5 * 0.25, float(rising_right.float().mean()), delta=0.08)

    def test_read_noise_min_sets_the_least_noise(self):
        flat = [np.full((300, 300), 128, np.uint8)]
        low = TrainSampler(flat, 64, seed=2, read_noise_max=0.02)
        high = TrainSampler(flat, 64, seed=2, read_noise_min=0.02, read_noise_max=0.02)
        lo, _, _ = low.batch(64)
        hi, _, _ = high.batch(64)
        lo_var = float((lo - lo.mean(dim=(2, 3), keepdim=True)).var())
        hi_var = float((hi - hi.mean(dim=(2, 3), keepdim=True)).var())
        # sigma fixed at 0.02 against sigma uniform in [0, 0.02]: mean squares 0.02^2 and 0.02^2 / 3
        self.assertAlmostEqual(0.02 ** 2 * 2 / 3, hi_var - lo_var, delta=0.3 * 0.02 ** 2 * 2 / 3)

    def test_blurred_crop_is_the_sharp_crop_convolved_with_the_returned_kernel(self):
        rng = np.random.default_rng(9)
        sampler = TrainSampler([textured(rng, 200, 200)], 48, seed=4, read_noise_max=0.0)
        blurred, sharp, k = sampler.batch(4)
        r = KERNEL_RADIUS
        for i in range(4):
            # away from the crop border the blur of the sharp crop is known exactly
            conv = F.conv2d(sharp[i:i + 1], torch.flip(k[i:i + 1], (-2, -1)))[0, 0]
            err = (conv - blurred[i, 0, r:-r, r:-r]).abs()
            # what remains is Poisson noise (variance at most 4e-4 x) and 8-bit rounding
            self.assertLess(err.mean().item(), 0.02)
            self.assertAlmostEqual(1.0, k[i].sum().item(), places=5)

    def test_sigma_max_sets_the_widest_training_defocus(self):
        def spread(kernel):  # second moment of a kernel about its centre, px^2
            r = np.arange(-KERNEL_RADIUS, KERNEL_RADIUS + 1, dtype=np.float64)
            return float((np.asarray(kernel, np.float64)[0] * (r[:, None] ** 2 + r[None, :] ** 2)).sum()) / 2
        rng = np.random.default_rng(3)
        image = [textured(rng, 120, 120)]
        default = TrainSampler(image, 32, seed=8, read_noise_max=0.0)
        wide = TrainSampler(image, 32, seed=8, read_noise_max=0.0, sigma_max=4.5)
        widest_default = max(spread(k) for _ in range(25) for k in default.batch(8)[2].numpy())
        widest_wide = max(spread(k) for _ in range(25) for k in wide.batch(8)[2].numpy())
        self.assertLessEqual(widest_default, spread(gaussian_kernel(4.0)[None]) + 1e-9)
        self.assertGreater(widest_wide, spread(gaussian_kernel(4.2)[None]))
        self.assertLessEqual(widest_wide, spread(gaussian_kernel(4.5)[None]) + 1e-9)
        with self.assertRaisesRegex(ValueError, "sigma_max = 6 px; allowed: above 1 and at most 5"):
            TrainSampler(image, 32, seed=8, sigma_max=6.0)


class KernelCompositionTest(unittest.TestCase):
    def test_grouped_convolution_equals_the_exported_sum_of_shifted_adds(self):
        torch.manual_seed(0)
        a = torch.rand(3, 11, 11)
        b = torch.rand(3, 7, 7)
        fast = full_conv(a, b)
        p, q = 11, 7
        n = p + q - 1
        slow = sum(F.pad(a, (j, n - p - j, i, n - p - i)) * b[:, i:i + 1, j:j + 1]
                   for i in range(q) for j in range(q))
        self.assertEqual((3, 17, 17), tuple(fast.shape))
        self.assertLess((fast - slow).abs().max().item(), 1e-5)


if __name__ == "__main__":
    unittest.main()
