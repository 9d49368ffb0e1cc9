"""Checks of the motion model's exposure-built training samples: the line-scan box blur, the two frame
geometries, still samples, sensor noise, the photo camera paths and how train.sample_batch shares a batch."""
import unittest

import numpy as np

from aoi_models.motion import train
from aoi_models.motion.exposure_train import (LineScanSampler, PhotoPathSampler, blur_rows, box_kernel,
                                              sensor_noise)


def strip(rows=1400, cols=96, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0.2, 0.8, (rows, cols)).astype(np.float32)


class BoxTest(unittest.TestCase):
    def test_box_covers_its_length_with_weighted_ends(self):
        self.assertEqual([1.0], box_kernel(0.7).tolist())
        np.testing.assert_allclose([0.125, 0.25, 0.25, 0.25, 0.125], box_kernel(4.0))
        np.testing.assert_allclose([0.2] * 5, box_kernel(5.0), rtol=1e-6)
        k = box_kernel(6.5)
        self.assertAlmostEqual(1.0, float(k.sum()), places=6)
        # 6.5 rows: 5 whole rows inside and 0.75 of a row at each end
        np.testing.assert_allclose([0.75 / 6.5] + [1 / 6.5] * 5 + [0.75 / 6.5], k, rtol=1e-6)

    def test_blur_of_an_integer_length_is_the_mean_of_that_many_rows(self):
        s = strip()
        out = blur_rows(s, 100, 20, 10, 30, 5.0)
        expected = np.mean([s[100 + d:120 + d, 10:40] for d in range(-2, 3)], axis=0)
        np.testing.assert_allclose(expected, out, atol=1e-6)


class LineScanSamplerTest(unittest.TestCase):
    def test_contiguous_frames_are_the_strip_a_frame_height_above_and_below(self):
        rows = 1400
        ramp = np.repeat((0.05 + 0.9 * np.arange(rows) / rows)[:, None], 96, axis=1).astype(np.float32)
        sampler = LineScanSampler([ramp], 32, seed=3, frame_px=300, lengths_px=(2.0, 4.0), still_share=1.0,
                                  contiguous_share=1.0, noise_min=0.0, noise_max=0.0, shot_max=0.0)
        prev, current, nxt, sharp, length = sampler.sample()
        self.assertLess(length, 1.0)
        y = int(round((sharp[0, 0] - 0.05) / 0.9 * rows))  # the ramp tells the crop's first row
        np.testing.assert_allclose(ramp[y:y + 32, :32], sharp, atol=1e-6)
        # still and noise-free: each frame is the strip itself, quantised to 8 bit
        for frame, first in ((prev, y - 300), (current, y), (nxt, y + 300)):
            self.assertLess(np.abs(frame - ramp[first:first + 32, :32]).max(), 0.5 / 255 + 1e-6)

    def test_moving_samples_are_blurred_and_noisy_at_the_set_level(self):
        s = np.full((1400, 96), 0.5, np.float32)
        sampler = LineScanSampler([s], 48, seed=4, frame_px=300, still_share=0.0, noise_min=0.01,
                                  noise_max=0.01, shot_max=0.0)
        prev, current, nxt, sharp, length = sampler.sample()
        self.assertGreaterEqual(length, 2.0)
        for f in (prev, current, nxt):
            # read noise 0.01, then 8-bit rounding (a spread of 1/255/sqrt(12))
            self.assertAlmostEqual(np.hypot(0.01, 1 / 255 / np.sqrt(12)), float(f.std()), delta=0.001)
            self.assertTrue(np.allclose(f * 255, np.round(f * 255), atol=1e-4), "quantised to 8 bit")
        self.assertEqual(0.0, float(sharp.std()), "the target is noise-free")

    def test_a_strip_too_short_for_the_frames_is_refused(self):
        with self.assertRaisesRegex(ValueError, "no strip has more than"):
            LineScanSampler([np.zeros((600, 96), np.float32)], 32, seed=1, frame_px=300)


class PhotoPathSamplerTest(unittest.TestCase):
    def test_samples_are_crops_of_the_moving_photo(self):
        rng = np.random.default_rng(5)
        photo = cv2_blur(rng.uniform(0, 1, (400, 500)).astype(np.float32))
        sampler = PhotoPathSampler([photo], 40, seed=6, still_share=0.0, noise_min=0.0, noise_max=0.0,
                                   shot_max=0.0)
        prev, current, nxt, sharp, motion = sampler.sample()
        for f in (prev, current, nxt, sharp):
            self.assertEqual((40, 40), f.shape)
        self.assertGreater(motion, 1.0)
        self.assertGreater(float(np.abs(current - sharp).mean()), 0.002, "a moving camera blurs the frame")


class SampleBatchTest(unittest.TestCase):
    def test_the_shares_decide_where_each_sample_comes_from(self):
        class Constant:
            def __init__(self, value):
                self.value = value

            def sample(self):
                plane = np.full((8, 8), self.value, np.float32)
                return plane, plane, plane, plane, 0.0

        data = {k: np.zeros((4, 8, 8), np.float16) for k in ("prev", "current", "next", "sharp")}
        rng = np.random.default_rng(7)
        batch = train.sample_batch(data, rng, 2000, 8, [(0.5, Constant(1.0), False), (0.3, Constant(0.5), True)])
        values = batch[3][:, 0, 0, 0].numpy()
        self.assertAlmostEqual(0.5, float(np.mean(values == 1.0)), delta=0.04)
        self.assertAlmostEqual(0.3, float(np.mean(values == 0.5)), delta=0.04)
        self.assertAlmostEqual(0.2, float(np.mean(values == 0.0)), delta=0.04)

    def test_sensor_noise_draws_one_read_level_for_the_three_frames(self):
        flat = [np.full((64, 64), 0.5, np.float32) for _ in range(3)]
        noisy = sensor_noise(flat, np.random.default_rng(8), 0.005, 0.02, shot_max=0.0)
        spreads = [float(f.std()) for f in noisy]
        self.assertLess(max(spreads) - min(spreads), 0.15 * max(spreads))


def cv2_blur(img):
    import cv2
    return cv2.GaussianBlur(img, (0, 0), 2.0)


if __name__ == "__main__":
    unittest.main()
