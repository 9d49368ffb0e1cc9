"""The small test graphs the Java tests load are what their generators build, byte for byte, and behave as
their tests need (run by the project's NumPy ONNX interpreter)."""
import unittest

import numpy as np

from aoi_models.common import onnx_numpy
from aoi_models.udbd import make_mismatched_model, make_nan_model


class TestGraphsTest(unittest.TestCase):
    def test_committed_graphs_are_the_generators_output(self):
        for path in make_nan_model.OUTS:
            with open(path, "rb") as f:
                self.assertEqual(make_nan_model.build().SerializeToString(), f.read(), path)
        with open(make_mismatched_model.OUT, "rb") as f:
            self.assertEqual(make_mismatched_model.build().SerializeToString(), f.read())

    def test_nan_graph_restores_nan_everywhere_and_mismatched_graph_is_the_identity_on_image(self):
        x = np.random.default_rng(0).random((1, 1, 5, 7)).astype(np.float32)
        d = np.zeros((1, 4, 5, 7), np.float32)
        self.assertTrue(bool(np.isnan(onnx_numpy.run(make_nan_model.build(), {"deconvolved": d, "blurred": x})
                                      ["restored"]).all()))
        np.testing.assert_array_equal(x, onnx_numpy.run(make_mismatched_model.build(), {"image": x})["restored"])


if __name__ == "__main__":
    unittest.main()
