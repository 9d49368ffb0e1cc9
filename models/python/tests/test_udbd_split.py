"""Checks of the evaluation data of UDBD-Net: the split by package (no source in two splits, deterministic,
the legacy split the shipped checkpoints saw) and the degradations (noise-free is exactly the blurred image
quantised; the measured noise is the requested one). Synthetic images only; no photo package is needed."""
import os
import sys
import tempfile
import unittest

import cv2
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from evaluate_udbd import psnr_inner  # noqa: E402
from udbd.data import (CAMERA_POISSON, SPLIT_BY_PACKAGE, SPLITS, blur_crops, degrade, eval_crops,  # noqa: E402
                       legacy_is_validation, load_split, quantise8, seen_by_legacy_training, split_of)
from udbd.model import KERNEL_RADIUS  # noqa: E402

QUANT_VAR = 1.0 / (12 * 255.0 ** 2)  # variance of rounding to 8 bit


def fake_items(folder, per_package=4, side=300):
    """[(package, group, path)]: `per_package` textured PNGs for every package of the policy."""
    rng = np.random.default_rng(0)
    items = []
    for package in sorted(SPLIT_BY_PACKAGE):
        for i in range(per_package):
            path = os.path.join(folder, "%s_%d.png" % (package, i))
            cv2.imwrite(path, rng.integers(0, 256, (side, side), dtype=np.uint8))
            items.append((package, "%s:%d" % (package, i), path))
    return items


class SplitPolicyTest(unittest.TestCase):
    def test_every_package_is_in_exactly_one_split_and_each_split_has_a_source(self):
        with tempfile.TemporaryDirectory() as d:
            items = fake_items(d)
            got = {s: load_split(s, 64, items) for s in SPLITS}
            again = {s: load_split(s, 64, items) for s in SPLITS}
        packages = {s: {row[0] for row in rows} for s, rows in got.items()}
        for a in SPLITS:
            self.assertTrue(packages[a], "split %s has no source" % a)
            for b in SPLITS:
                if a < b:
                    self.assertFalse(packages[a] & packages[b], "a package in %s and %s" % (a, b))
        paths = [row[2] for rows in got.values() for row in rows]
        self.assertEqual(len(items), len(paths))
        self.assertEqual(len(paths), len(set(paths)), "a photo in two splits")
        for s in SPLITS:  # deterministic: the same call gives the same photos in the same order
            self.assertEqual([r[2] for r in got[s]], [r[2] for r in again[s]])
            for a, b in zip(got[s], again[s]):
                np.testing.assert_array_equal(a[3], b[3])

    def test_validation_and_test_are_different_sources_that_training_never_uses(self):
        train = {p for p, s in SPLIT_BY_PACKAGE.items() if s == "train"}
        val = {p for p, s in SPLIT_BY_PACKAGE.items() if s == "val"}
        test = {p for p, s in SPLIT_BY_PACKAGE.items() if s == "test"}
        self.assertTrue(train and val and test)
        self.assertFalse(val & test or train & (val | test))

    def test_unknown_package_and_split_are_errors_that_name_what_is_allowed(self):
        with self.assertRaises(ValueError) as e:
            split_of("some-other-package")
        self.assertIn("mate-backgrounds", str(e.exception))
        with self.assertRaises(ValueError):
            load_split("holdout", 64, [])

    def test_legacy_split_marks_what_the_shipped_checkpoints_saw(self):
        groups = ["g%d" % i for i in range(400)]
        held = [g for g in groups if legacy_is_validation(g)]
        self.assertAlmostEqual(0.15, len(held) / len(groups), delta=0.05)
        for g in groups:
            self.assertEqual(not legacy_is_validation(g), seen_by_legacy_training("mate-backgrounds", g))
            self.assertFalse(seen_by_legacy_training("lomiri-wallpapers-16.04", g))
        with tempfile.TemporaryDirectory() as d:
            items = fake_items(d, per_package=12)
            unseen = load_split("val", 64, items, unseen_by_legacy=True)
        self.assertTrue(all(legacy_is_validation(row[1]) for row in unseen))


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

    def test_psnr_excludes_the_border(self):
        a = np.full((40, 40), 0.5)
        b = a.copy()
        b[:8, :] = 0.0
        b[:, -8:] = 1.0
        self.assertGreater(psnr_inner(a, b), 100)
        b[8, 8] = 0.6
        self.assertAlmostEqual(10 * np.log10(24 * 24 / 0.01), psnr_inner(a, b), places=6)


if __name__ == "__main__":
    unittest.main()
