"""The tile grid of aoi_models.common.tiling against the Java Tiler's contract (Tiler.java: mirror the plane
by the overlap, the fewest tiles of the tile size that cover it, shrunk evenly to the smallest edge that still
covers, every edge - overlap px of the padded plane, the last aligned to its far edge) and against TilerTest's asserted grids. The expected origins are
derived by hand from that contract in the comments."""
import unittest

import numpy as np

from aoi_models.common import tiling


class GridTest(unittest.TestCase):
    def test_java_tiler_test_300x130_at_64_16_is_7_by_4_tiles_of_62x53(self):
        # padded 332 x 162: 64 px tiles every 48 need 7 x 4; 7 * 62 - 6 * 16 = 338 >= 332, 4 * 53 - 3 * 16 = 164
        # >= 162; x every 46 with the last at 332 - 62 = 270, y every 37 with the last at 162 - 53 = 109
        tw, th, xs, ys = tiling.grid(300, 130, 64, 16)
        self.assertEqual((62, 53), (tw, th))
        self.assertEqual([0, 46, 92, 138, 184, 230, 270], xs)
        self.assertEqual([0, 37, 74, 109], ys)
        self.assertEqual(28, len(tiling.tiles(np.zeros((130, 300), np.float32), 64, 16)))

    def test_java_tiler_test_40x30_at_256_32_is_one_tile_of_the_padded_frame(self):
        # padded 104 x 94 is smaller than the tile: one tile of the whole padded plane
        self.assertEqual((104, 94, [0], [0]), tiling.grid(40, 30, 256, 32))

    def test_a_2048x512_frame_at_256_32_is_10_by_3_tiles_of_240x214(self):
        # padded 2112 x 576: 256 px tiles every 224 need 10 x 3; 10 * 240 - 9 * 32 = 2112, 3 * 214 - 2 * 32 = 578
        tw, th, xs, ys = tiling.grid(2048, 512, 256, 32)
        self.assertEqual((240, 214), (tw, th))
        self.assertEqual([0, 208, 416, 624, 832, 1040, 1248, 1456, 1664, 1872], xs)
        self.assertEqual([0, 182, 362], ys)

    def test_exact_fit_and_one_pixel_over(self):
        # padded 256 wide: one tile; padded 257: two tiles of 145 (2 * 145 - 32 = 258), the second at 257 - 145
        self.assertEqual([0], tiling.grid(192, 192, 256, 32)[2])
        self.assertEqual((145, [0, 112]), tiling.grid(193, 192, 256, 32)[0::2])
        # no overlap: four tiles of 50 abut exactly
        self.assertEqual([0, 50, 100, 150], tiling.grid(200, 200, 64, 0)[2])

    def test_every_padded_pixel_is_covered_and_tiles_stay_inside(self):
        for w, h, tile, overlap in [(1, 1, 64, 16), (3, 2, 64, 16), (257, 191, 64, 16), (2048, 512, 256, 32),
                                    (1000, 77, 96, 47)]:
            tw, th, xs, ys = tiling.grid(w, h, tile, overlap)
            for starts, t, size in ((xs, tw, w + 2 * overlap), (ys, th, h + 2 * overlap)):
                covered = np.zeros(size, bool)
                for s in starts:
                    self.assertTrue(0 <= s and s + t <= size)
                    covered[s:s + t] = True
                self.assertTrue(covered.all(), "%dx%d tile %d overlap %d" % (w, h, tile, overlap))
                self.assertEqual(sorted(starts), starts)

    def test_constructor_checks_match_the_java_tiler(self):
        tiling.check(64, 31)
        tiling.check(65, 32)
        for tile, overlap in [(7, 0), (64, 32), (64, -1)]:
            with self.assertRaises(ValueError):
                tiling.check(tile, overlap)


class TilesTest(unittest.TestCase):
    def test_tiles_are_cut_from_the_frame_mirrored_without_repeating_the_edge(self):
        rng = np.random.default_rng(3)
        frame = rng.random((70, 90)).astype(np.float32)
        padded = np.pad(frame, 16, mode="reflect")   # NumPy's reflect does not repeat the edge sample
        tw, th, xs, ys = tiling.grid(90, 70, 64, 16)
        cut = tiling.tiles(frame, 64, 16)
        self.assertEqual((len(xs) * len(ys), 1, th, tw), cut.shape)
        for i, (y, x) in enumerate((y, x) for y in ys for x in xs):   # row by row, x fastest
            np.testing.assert_array_equal(padded[y:y + th, x:x + tw], cut[i, 0])

    def test_mirror_is_java_planes_mirror(self):
        self.assertEqual(1, tiling.mirror(-1, 5))
        self.assertEqual(3, tiling.mirror(5, 5))
        self.assertEqual(0, tiling.mirror(-7, 1))
        self.assertEqual([2, 1, 0, 1, 2, 1, 0, 1, 2], [tiling.mirror(i, 3) for i in range(-2, 7)])

    def test_a_one_pixel_frame_is_one_tile_of_its_value(self):
        cut = tiling.tiles(np.full((1, 1), 0.25, np.float32), 64, 16)
        self.assertEqual((1, 1, 33, 33), cut.shape)
        self.assertTrue(bool((cut == 0.25).all()))


if __name__ == "__main__":
    unittest.main()
