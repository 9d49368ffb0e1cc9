"""The UDBD-Net trainer's --panel-shear-deg list."""
import unittest

from aoi_models.udbd.train import panel_shears


class PanelShearsTest(unittest.TestCase):
    def test_reads_the_directions_in_order(self):
        self.assertEqual(panel_shears("0,10,-45.5"), [0.0, 10.0, -45.5])

    def test_names_a_direction_out_of_range_and_what_is_allowed(self):
        with self.assertRaisesRegex(ValueError, r"--panel-shear-deg 400; allowed: -360 to 360"):
            panel_shears("0,400")


if __name__ == "__main__":
    unittest.main()
