"""The one photo catalogue and split policy (aoi_models.common.photos) that UDBD-Net and the motion model both
use: no source in two splits, deterministic, every split has a source, the held-out test package, the legacy
split the shipped UDBD-Net checkpoints saw, and the motion model's view of the same splits. Synthetic images
only; no photo package is needed."""
import os
import tempfile
import unittest

import cv2
import numpy as np

from aoi_models.common.photos import (SPLIT_BY_PACKAGE, SPLITS, TEST_PACKAGE, legacy_is_validation, load_split,
                                      seen_by_legacy_training, split_of)
from aoi_models.motion import sequences


def fake_items(folder, per_package=4, side=300):
    """[(package, group, path)]: `per_package` textured PNGs for every package of the policy."""
    rng = np.random.default_rng(0)
    os.makedirs(folder, exist_ok=True)
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


    def test_the_test_package_is_the_only_test_source(self):
        self.assertEqual([TEST_PACKAGE], [p for p, s in SPLIT_BY_PACKAGE.items() if s == "test"])

    def test_the_motion_model_draws_its_photos_from_the_same_splits_large_enough_for_its_sequences(self):
        with tempfile.TemporaryDirectory() as d:
            large = fake_items(os.path.join(d, "large"), side=sequences.MIN_SIDE_PX)
            small = fake_items(os.path.join(d, "small"), side=sequences.MIN_SIDE_PX - 1)
            for s in SPLITS:
                got = sequences.split_photos(s, large + small)
                self.assertTrue(got, s)
                self.assertEqual([path for package, _, path in large if split_of(package) == s], got, s)

if __name__ == "__main__":
    unittest.main()
