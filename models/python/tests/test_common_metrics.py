"""The shared image metrics (aoi_models.common.metrics): PSNR with and without a border, clipping, shapes."""
import unittest

import numpy as np

from aoi_models.common.metrics import BORDER_PX, psnr


class PsnrTest(unittest.TestCase):
    def test_psnr_excludes_the_border(self):
        a = np.full((40, 40), 0.5)
        b = a.copy()
        b[:8, :] = 0.0
        b[:, -8:] = 1.0
        self.assertGreater(psnr(a, b, border=BORDER_PX), 100)
        b[8, 8] = 0.6
        self.assertAlmostEqual(10 * np.log10(24 * 24 / 0.01), psnr(a, b, border=BORDER_PX), places=6)

    def test_psnr_of_a_known_error_and_of_an_exact_match(self):
        a = np.zeros((10, 10))
        self.assertAlmostEqual(20.0, psnr(a + 0.1, a), places=9)      # MSE 0.01
        self.assertAlmostEqual(120.0, psnr(a, a), places=9)           # MSE floored at 1e-12
        batch = np.zeros((3, 1, 10, 10))
        self.assertAlmostEqual(20.0, psnr(batch + 0.1, batch), places=9)

    def test_clip_limits_the_output_to_the_unit_range_first(self):
        ref = np.ones((20, 20))
        self.assertAlmostEqual(120.0, psnr(ref + 0.5, ref, clip=True), places=9)
        self.assertLess(psnr(ref + 0.5, ref), 10)

    def test_colour_images_lose_their_border_on_rows_and_columns(self):
        a = np.full((40, 40, 3), 0.5)
        b = a.copy()
        b[:BORDER_PX] = 0
        self.assertGreater(psnr(a, b, border=BORDER_PX), 100)

    def test_bad_shapes_are_errors_that_say_what_was_wrong(self):
        with self.assertRaises(ValueError) as e:
            psnr(np.zeros((4, 4)), np.zeros((4, 5)))
        self.assertIn("(4, 5)", str(e.exception))
        with self.assertRaises(ValueError) as e:
            psnr(np.zeros((16, 40)), np.zeros((16, 40)), border=8)
        self.assertIn("larger than 16 px", str(e.exception))


if __name__ == "__main__":
    unittest.main()
