"""The pass policy of the runtime (aoi_models/udbd/passes.py): the noise floor of the first kernel estimate and the
rule that a further pass runs only on blur."""
import math
import unittest

import numpy as np
import torch

from aoi_models.udbd import passes
from aoi_models.udbd.model import KERNEL_RADIUS, KERNEL_SIZE


def gaussian_kernel(sigma):
    r = torch.arange(KERNEL_SIZE, dtype=torch.float32) - KERNEL_RADIUS
    g = torch.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma * sigma))
    return (g / g.sum()).reshape(1, 1, KERNEL_SIZE, KERNEL_SIZE)


def smooth_quantised(h, w):
    y, x = np.mgrid[0:h, 0:w]
    v = 0.4 + 0.3 * np.sin(x / 37.0) * np.cos(y / 29.0)
    return torch.from_numpy(np.round(v * 255) / 255).float().reshape(1, 1, h, w)


class PatternTest(unittest.TestCase):
    def test_values_match_the_java_runtime(self):
        # KernelNoiseFloorTest checks the same positions
        p = passes.pattern(256, 256)
        for (x, y), value in {(0, 0): -1.7320507764816284, (1, 0): -0.31748825311660767,
                              (0, 1): 1.254197597503662, (5, 7): -0.7207755446434021,
                              (255, 255): -1.6108055114746094}.items():
            self.assertAlmostEqual(float(p[y, x]), value, places=6)

    def test_zero_mean_unit_variance_and_a_prefix_of_larger_patterns(self):
        p = passes.pattern(256, 256)
        self.assertAlmostEqual(float(p.mean()), 0.0, delta=0.01)
        self.assertAlmostEqual(float(p.var()), 1.0, delta=0.02)
        self.assertLessEqual(float(np.abs(p).max()), math.sqrt(3) + 1e-6)
        np.testing.assert_array_equal(passes.pattern(40, 30), p[:40, :30])


class NoiseFloorTest(unittest.TestCase):
    def test_clean_image_is_topped_up_to_the_floor(self):
        x = smooth_quantised(150, 200)
        self.assertLess(float(passes.measured_noise(x)), 0.002)
        y = passes.noise_floor(x)
        self.assertAlmostEqual(float(passes.measured_noise(y)), passes.NOISE_FLOOR, delta=0.0015)
        torch.testing.assert_close(passes.noise_floor(x), y)  # deterministic

    def test_noisy_image_is_left_as_it_is(self):
        g = torch.Generator().manual_seed(3)
        x = 0.5 + 0.02 * torch.randn((2, 1, 96, 128), generator=g)
        self.assertAlmostEqual(float(passes.measured_noise(x)[0]), 0.02, delta=0.001)
        torch.testing.assert_close(passes.noise_floor(x), x, rtol=0, atol=0)


class BlindPassesTest(unittest.TestCase):
    """With stand-ins for the two networks: the kernel net reads a set sigma, the deconvolution adds 0.1."""

    def run_passes(self, sigmas_per_call, n_passes):
        reads = iter(sigmas_per_call)
        seen = []

        def estimate(x):
            seen.append(x.clone())
            return torch.cat([gaussian_kernel(s) if s > 0 else delta() for s in next(reads)])

        def delta():
            k = torch.zeros(1, 1, KERNEL_SIZE, KERNEL_SIZE)
            k[0, 0, KERNEL_RADIUS, KERNEL_RADIUS] = 1
            return k

        x = smooth_quantised(32, 32).repeat(2, 1, 1, 1)
        return x, seen, passes.blind_passes(estimate, lambda y, k: y + 0.1, x, n_passes)

    def test_first_estimate_on_the_floored_frame_and_the_frame_itself_restored(self):
        x, seen, out = self.run_passes([[2.5, 2.5]], 1)
        torch.testing.assert_close(seen[0], passes.noise_floor(x))
        torch.testing.assert_close(out[0], x + 0.1)

    def test_a_further_pass_runs_only_where_the_kernel_reads_blur(self):
        # pass 2: image 0 still blurred (1.5 px), image 1 sharp (0.3 px); pass 3: both sharp
        x, seen, out = self.run_passes([[2.5, 2.5], [1.5, 0.3], [0.0, 0.5]], 3)
        self.assertEqual(len(out), 3)
        torch.testing.assert_close(seen[1], x + 0.1)  # later estimates on the restored frame, no floor
        torch.testing.assert_close(out[1][0], x[0] + 0.2)
        torch.testing.assert_close(out[1][1], x[1] + 0.1)
        torch.testing.assert_close(out[2], out[1])

    def test_the_threshold_is_one_px(self):
        self.assertEqual(passes.FURTHER_PASS_MIN_SIGMA_PX, 1.0)
        x, _, out = self.run_passes([[2.5, 2.5], [0.99, 1.2]], 2)
        torch.testing.assert_close(out[1][0], x[0] + 0.1)
        torch.testing.assert_close(out[1][1], x[1] + 0.2)


if __name__ == "__main__":
    unittest.main()
