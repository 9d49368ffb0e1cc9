"""True exposure integration and sensor noise for the validation built like real exposure, on patterns
whose average is known exactly; the camera and line-scan paths; the ONNX weights loaded for evaluation.

    cd models/python && /usr/bin/python3 -m unittest tests.test_motion_exposure -v
"""
import unittest

import numpy as np
import torch

from aoi_models.common import onnx_numpy
from aoi_models.motion import evaluate as evaluate_motion
from aoi_models.motion import export as export_motion
from aoi_models.motion import sequences, synthesize


class ExposureAverageTest(unittest.TestCase):
    def test_average_of_an_impulse_moving_one_pixel_per_sub_position_is_a_line_of_equal_weights(self):
        impulse = np.zeros((9, 60), np.float32)
        impulse[4, 20] = 1.0

        def render(t):  # 20 px per frame interval: sub-positions of a 21-position exposure are 1 px apart
            return np.roll(impulse, int(round(t * 20)), axis=1)

        out = synthesize.exposure_average(render, 0.0, sub_positions=21, exposure=1.0)
        expected = np.zeros_like(impulse)
        expected[4, 10:31] = 1.0 / 21
        np.testing.assert_allclose(out, expected, atol=1e-7)
        self.assertAlmostEqual(1.0, float(out.sum()), places=6)

    def test_sub_positions_span_the_exposure_symmetrically(self):
        times = synthesize.exposure_times(3.0, 21, 1.0)
        self.assertEqual(21, len(times))
        self.assertAlmostEqual(2.5, times[0])
        self.assertAlmostEqual(3.5, times[-1])
        self.assertAlmostEqual(3.0, float(np.mean(times)))
        with self.assertRaises(ValueError):
            synthesize.exposure_times(0.0, 1)

    def test_a_ramp_translated_symmetrically_averages_to_the_ramp_at_the_exposure_centre(self):
        # linear content: the mean over positions symmetric about the centre is the centre frame itself
        ramp = np.tile(np.linspace(0.1, 0.9, 400, dtype=np.float32), (400, 1))
        path = sequences.CameraPath((200.0, 200.0), 10.0, 0.0, 0.0, 0.0, 1.0)
        render = lambda t: sequences.render_pose(ramp, path.pose(t), 64)  # noqa: E731
        out = synthesize.exposure_average(render, 1.0)
        np.testing.assert_allclose(out, render(1.0), atol=2e-5)
        self.assertGreater(float(np.abs(render(0.5) - render(1.0)).mean()), 0.005, "the ramp must move")


class SensorNoiseTest(unittest.TestCase):
    def test_measured_noise_is_the_requested_sigma_and_seeded(self):
        flat = np.full((512, 512), 0.5, np.float32)
        out = synthesize.add_sensor_noise(flat, 0.004, np.random.default_rng(1))
        self.assertAlmostEqual(0.004, float((out - flat).std()), delta=0.02 * 0.004)
        self.assertAlmostEqual(0.0, float((out - flat).mean()), delta=1e-4)
        again = synthesize.add_sensor_noise(flat, 0.004, np.random.default_rng(1))
        np.testing.assert_array_equal(out, again)
        self.assertIs(flat, synthesize.add_sensor_noise(flat, 0.0, np.random.default_rng(1)))
        with self.assertRaises(ValueError):
            synthesize.add_sensor_noise(flat, -1e-3, np.random.default_rng(1))


class PathTest(unittest.TestCase):
    def test_camera_paths_move_5_to_13_px_per_frame_curve_and_rotate_slightly(self):
        rng = np.random.default_rng(3)
        for _ in range(20):
            path = sequences.random_camera_path((1200, 1600), rng, 192, 7)
            poses = [path.pose(float(t)) for t in range(7)]
            for a, b in zip(poses, poses[1:]):
                step = np.hypot(b[0] - a[0], b[1] - a[1]) / a[3]
                self.assertGreaterEqual(step, 5.0 * 0.99)
                self.assertLessEqual(step, 13.0)
                self.assertLessEqual(abs(np.rad2deg(b[2] - a[2])), 0.6 + 1e-9)
            for t in np.linspace(-0.5, 6.5, 15):
                cx, cy, _, s = path.pose(t)
                half = 192 * s * 0.75
                self.assertTrue(half <= cx <= 1600 - half and half <= cy <= 1200 - half, "path leaves the picture")

    def test_scan_paths_move_along_the_rows(self):
        rng = np.random.default_rng(4)
        for _ in range(10):
            path = sequences.random_scan_path((4096, 384), rng, 192, 7)
            p0, p6 = path.pose(0.0), path.pose(6.0)
            self.assertGreater(abs(p6[1] - p0[1]) / 6, 5.0 * 0.7)
            self.assertLess(abs(p6[0] - p0[0]), 0.2 * abs(p6[1] - p0[1]))


class ShippedWeightsTest(unittest.TestCase):
    def test_weights_read_from_the_graph_reproduce_the_graph(self):
        import onnx
        model, ck = evaluate_motion.load_onnx_weights(export_motion.MODEL_OUT)
        rng = np.random.default_rng(0)
        x = [rng.random((1, 1, 12, 16)).astype(np.float32) for _ in range(3)]
        ref = onnx_numpy.run(onnx.load(export_motion.MODEL_OUT), dict(zip(("prev", "current", "next"), x)))
        with torch.no_grad():
            e0, _ = model(*[torch.from_numpy(a) for a in x])
        self.assertLess(float(np.abs(e0.clamp(0, 1).numpy() - ref["restored"]).max()), 1e-5)
        self.assertGreater(ck["config"]["base"], 0)


if __name__ == "__main__":
    unittest.main()
