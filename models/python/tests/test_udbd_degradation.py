"""Checks of the evaluation data of UDBD-Net: the degradations (noise-free is exactly the blurred image
quantised; the measured noise is the requested one) and the seeded evaluation crops. Synthetic images only."""
import unittest

import numpy as np
import torch
import torch.nn.functional as F

from aoi_models.udbd.data import CAMERA_POISSON, blur_crops, degrade, eval_crops, quantise8
from aoi_models.udbd.model import KERNEL_RADIUS

QUANT_VAR = 1.0 / (12 * 255.0 ** 2)  # variance of rounding to 8 bit


class DegradationTest(unittest.TestCase):
    def test_noise_free_is_exactly_the_blurred_image_quantised(self):
        rng = np.random.default_rng(4)
        padded = torch.from_numpy(rng.random((3, 1, 60, 60)).astype(np.float32))
        sharp, blurred, k = blur_crops(padded, 2.4)
        self.assertEqual((3, 1, 40, 40), tuple(sharp.shape))
        self.assertEqual((3, 1, 40, 40), tuple(blurred.shape))
        conv = F.conv2d(padded, torch.flip(k[:1], (-2, -1)))
        self.assertLess((conv - blurred).abs().max().item(), 1e-5)
        out = degrade(blurred, 0.0, torch.Generator().manual_seed(1))
        expected = np.round(np.clip(blurred.numpy(), 0, 1) * 255) / 255
        np.testing.assert_array_equal(expected.astype(np.float32), out.numpy())
        np.testing.assert_array_equal(quantise8(blurred).numpy(), out.numpy())
        self.assertEqual(256, len(np.unique(np.round(np.linspace(0, 1, 5000) * 255))))

    def test_measured_noise_matches_the_requested_read_noise(self):
        level = 0.5
        flat = torch.full((4, 1, 256, 256), level)
        for read in (0.005, 0.01, 0.02):
            out = degrade(flat, read, torch.Generator().manual_seed(7))
            measured = float((out - level).pow(2).mean())
            wanted = CAMERA_POISSON * level + read * read + QUANT_VAR
            self.assertAlmostEqual(1.0, measured / wanted, delta=0.03, msg="read noise %g" % read)
            pure = degrade(flat, read, torch.Generator().manual_seed(7), poisson=0.0)
            self.assertAlmostEqual(read, float((pure - level).pow(2).mean() - QUANT_VAR) ** 0.5, delta=0.02 * read)

    def test_noise_is_seeded_and_negative_noise_is_refused(self):
        flat = torch.full((1, 1, 32, 32), 0.3)
        a = degrade(flat, 0.01, torch.Generator().manual_seed(3))
        b = degrade(flat, 0.01, torch.Generator().manual_seed(3))
        np.testing.assert_array_equal(a.numpy(), b.numpy())
        with self.assertRaises(ValueError):
            degrade(flat, -0.01, torch.Generator())

    def test_crops_are_seeded_and_come_from_every_image(self):
        images = [np.full((200, 220), v, np.uint8) for v in (10, 120, 250)]
        a = eval_crops(images, 6, 64, seed=5)
        b = eval_crops(images, 6, 64, seed=5)
        self.assertEqual((6, 1, 64 + 2 * KERNEL_RADIUS, 64 + 2 * KERNEL_RADIUS), tuple(a.shape))
        np.testing.assert_array_equal(a.numpy(), b.numpy())
        self.assertEqual({10, 120, 250}, {int(round(float(c.mean()) * 255)) for c in a})
        few = eval_crops([np.full((100, 100), v, np.uint8) for v in range(0, 250, 25)], 5, 64, seed=5)
        self.assertEqual([0, 50, 100, 150, 200], [int(round(float(c.mean()) * 255)) for c in few])
        half_flat = np.zeros((300, 300), np.uint8)
        half_flat[:, 200:] = np.random.default_rng(1).integers(0, 256, (300, 100))
        textured = eval_crops([half_flat], 10, 64, seed=2)[:, :, KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS]
        self.assertTrue(bool((textured.std(dim=(1, 2, 3)) >= 0.01).all()), "flat crops are redrawn")
        with self.assertRaises(ValueError):
            eval_crops([np.zeros((50, 50), np.uint8)], 1, 64, seed=0)


if __name__ == "__main__":
    unittest.main()
