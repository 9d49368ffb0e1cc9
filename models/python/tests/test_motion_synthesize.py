"""Blur synthesis against a known ground truth: a textured scene translating at constant speed, whose
true exposure average can be rendered directly at the sub-frame positions.

    cd models/python && /usr/bin/python3 -m unittest tests.test_motion_synthesize -v
"""
import unittest

import cv2
import numpy as np

from aoi_models.motion import synthesize


def scene(size=160, seed=0):
    rng = np.random.default_rng(seed)
    base = rng.random((size // 8, size // 8)).astype(np.float32)
    img = cv2.resize(base, (size, size), interpolation=cv2.INTER_CUBIC)
    return np.clip(cv2.GaussianBlur(img, (0, 0), 1.0), 0, 1)


def shifted(img, dx, dy):
    m = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(img, m, img.shape[::-1], flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT101)


class SynthesizeTest(unittest.TestCase):
    def test_flow_blur_matches_true_exposure_average_for_constant_motion(self):
        img = scene()
        vx, vy = 6.0, 2.0
        frames = [shifted(img, vx * k, vy * k) for k in range(5)]
        n, l = 20, 10
        truth = np.mean([shifted(img, vx * (2 + j / n), vy * (2 + j / n)) for j in range(-l, l + 1)], axis=0)
        (t, _, blurred, _, sharp, amount, _), = synthesize.triplets(frames, n, l, centres=[2])
        inner = (slice(20, -20), slice(20, -20))
        err = np.abs(blurred - truth)[inner].mean()
        blur = np.abs(truth - sharp)[inner].mean()
        self.assertEqual(t, 2)
        self.assertGreater(blur, 0.01, "the scene must actually blur")
        self.assertLess(err, 0.15 * blur, "synthesised blur error %.4f vs blur %.4f" % (err, blur))

    def test_static_sequence_is_discarded_as_unblurred(self):
        frames = [scene()] * 5
        self.assertEqual(list(synthesize.triplets(frames, centres=[2])), [])

    def test_flat_frames_are_discarded_as_structureless(self):
        frames = [np.full((64, 64), 0.5, np.float32) for _ in range(5)]
        self.assertEqual(list(synthesize.triplets(frames, centres=[2], min_blur=0)), [])

    def test_rejects_exposure_longer_than_the_interpolated_span(self):
        frames = [scene(64)] * 5
        with self.assertRaises(ValueError):
            list(synthesize.triplets(frames, n=4, l=5, centres=[2], min_blur=0, min_gradient=0))


if __name__ == "__main__":
    unittest.main()
