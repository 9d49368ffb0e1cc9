"""relief_snr: the matched-filter SNR of a blurred particle relief."""
import unittest

import numpy as np

from aoi_models.common.relief_snr import blurred_relief


class ReliefSnrTest(unittest.TestCase):
    def test_blur_keeps_the_relief_odd_and_lowers_its_energy_fastest_for_small_particles(self):
        def snr(r, s):
            b = blurred_relief(r, s, 0.2)
            self.assertAlmostEqual(b.sum(), 0.0, places=9)  # odd along x: no mean brightening
            return np.sqrt((b * b).sum()) / 0.01

        self.assertAlmostEqual(np.abs(blurred_relief(3, 0, 0.2)).max(), 0.2, places=9)
        self.assertGreater(snr(3, 3), snr(3, 4))
        self.assertLess(snr(3, 4) / snr(3, 0), snr(5, 4) / snr(5, 0))
        self.assertAlmostEqual(snr(3, 4), 5.1, delta=0.1)


if __name__ == "__main__":
    unittest.main()
