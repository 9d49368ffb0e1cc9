"""relief_l1: the matched-filter response error of the particle relief templates."""
import unittest

import numpy as np
import torch

from aoi_models.common.losses import RELIEF_RADII, relief_l1


def relief(size, cx, cy, radius, contrast):
    """A DIC relief particle as the simulator draws it: contrast * dx / r inside the disc, along +x."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    dx, dy = x - cx, y - cy
    disc = np.clip(radius + 0.5 - np.hypot(dx, dy), 0, 1)
    return torch.from_numpy((contrast * disc * dx / radius).astype(np.float32))[None, None]


class ReliefL1Test(unittest.TestCase):
    def setUp(self):
        gen = torch.Generator().manual_seed(11)
        self.sharp = 0.5 + 0.02 * torch.randn(1, 1, 64, 64, generator=gen)

    def test_zero_for_equal_images_and_blind_to_offsets_and_shading_along_y(self):
        self.assertEqual(relief_l1(self.sharp, self.sharp).item(), 0.0)
        ramp_y = torch.linspace(0, 0.2, 64).reshape(1, 1, 64, 1).expand(1, 1, 64, 64)
        shifted = self.sharp + 0.1 + ramp_y
        self.assertLess(relief_l1(shifted, self.sharp).item(), 1e-3)  # only the reflected border differs

    def test_weighs_a_missing_particle_against_pixel_noise_far_more_than_pixel_l1(self):
        particle = relief(64, 32, 32, RELIEF_RADII[0], 0.2)
        gen = torch.Generator().manual_seed(12)
        noise = torch.randn(1, 1, 64, 64, generator=gen)
        noise *= particle.norm() / noise.norm()  # white noise of the particle's energy, spread over the crop

        def ratio(loss):
            return loss(self.sharp, self.sharp + particle).item() / loss(self.sharp + noise, self.sharp).item()

        pixel = ratio(lambda a, b: (a - b).abs().mean())
        matched = ratio(relief_l1)
        self.assertGreater(matched, 3 * pixel, (matched, pixel))

    def test_across_also_sees_a_relief_lit_from_90_degrees(self):
        along_x = relief(64, 32, 32, RELIEF_RADII[1], 0.2)
        along_y = torch.flip(along_x.transpose(2, 3), (2,))  # bright upwards: a relief at 90 degrees
        missing_x = relief_l1(self.sharp, self.sharp + along_x).item()
        missing_y = relief_l1(self.sharp, self.sharp + along_y).item()
        # the x templates see a y relief only through their shifted, off-centre responses
        self.assertLess(missing_y, 0.75 * missing_x, (missing_x, missing_y))
        across_x = relief_l1(self.sharp, self.sharp + along_x, across=True).item()
        across_y = relief_l1(self.sharp, self.sharp + along_y, across=True).item()
        self.assertAlmostEqual(across_x, across_y, delta=0.01 * across_x)  # the pair sees both alike
        self.assertEqual(relief_l1(self.sharp, self.sharp, across=True).item(), 0.0)


if __name__ == "__main__":
    unittest.main()
