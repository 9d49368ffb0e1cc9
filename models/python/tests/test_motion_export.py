"""Export tests: the ONNX graph passes onnx.checker, keeps H and W dynamic, and matches PyTorch at odd
sizes it was not traced at; the shipped model reproduces its PyTorch fixture.

    cd models/python && /usr/bin/python3 -m unittest tests.test_motion_export -v

The graph is run by onnx.reference.ReferenceEvaluator when the installed onnx has it (onnx >= 1.13), and
by the project's NumPy interpreter aoi_models.common.onnx_numpy otherwise (Debian's onnx 1.12 lacks it).
"""
import os
import struct
import tempfile
import unittest

import numpy as np
import onnx
import torch

from aoi_models.common import onnx_numpy
from aoi_models.motion import export as export_motion
from aoi_models.motion import net

try:
    from onnx.reference import ReferenceEvaluator
except ImportError:
    ReferenceEvaluator = None


def run_onnx(path, prev, current, nxt):
    feeds = {"prev": prev, "current": current, "next": nxt}
    if ReferenceEvaluator is not None:
        return ReferenceEvaluator(path).run(None, feeds)[0]
    return onnx_numpy.run(onnx.load(path), feeds)["restored"]


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(1)
        torch.manual_seed(3)
        cls.model = net.MotionDeblurNet(base=4, n_res=1).eval()
        # perturb the output layers so the test does not compare near-identity maps
        with torch.no_grad():
            for dec in (cls.model.stage1.dec, cls.model.stage2.dec):
                dec.out.weight.normal_(0, 0.05)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "m.onnx")
        cls.wrapped = export_motion.export(cls.model, cls.path, trace_hw=(32, 40))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_graph_passes_checker_with_three_inputs_and_dynamic_size(self):
        m = onnx.load(self.path)
        onnx.checker.check_model(m)
        self.assertEqual([i.name for i in m.graph.input], ["prev", "current", "next"])
        self.assertEqual([o.name for o in m.graph.output], ["restored"])
        for v in m.graph.input:
            dims = v.type.tensor_type.shape.dim
            self.assertEqual([d.dim_value for d in dims[:2]], [1, 1])
        for v in list(m.graph.input) + list(m.graph.output):
            dims = v.type.tensor_type.shape.dim
            self.assertEqual([d.dim_param for d in dims[2:]], ["height", "width"], v.name)

    def check_parity(self, h, w, seed):
        rng = np.random.default_rng(seed)
        x = [rng.random((1, 1, h, w)).astype(np.float32) for _ in range(3)]
        with torch.no_grad():
            want = self.wrapped(*[torch.from_numpy(a) for a in x]).numpy()
        got = run_onnx(self.path, *x)
        self.assertEqual(got.shape, (1, 1, h, w))
        self.assertGreater(float(np.abs(want - x[1]).max()), 1e-3, "model must change the frame")
        self.assertLess(float(np.abs(got - want).max()), 1e-5)

    def test_matches_pytorch_at_odd_size_not_traced(self):
        self.check_parity(37, 45, seed=1)

    def test_matches_pytorch_at_size_needing_padding_on_one_axis_only(self):
        self.check_parity(21, 48, seed=2)

    def test_output_is_clipped_to_unit_range(self):
        x = [np.full((1, 1, 13, 17), v, dtype=np.float32) for v in (0.0, 1.0, 1.0)]
        got = run_onnx(self.path, *x)
        self.assertGreaterEqual(float(got.min()), 0.0)
        self.assertLessEqual(float(got.max()), 1.0)

    @unittest.skipUnless(os.path.exists(export_motion.MODEL_OUT) and os.path.exists(export_motion.FIXTURE_OUT),
                         "shipped model or fixture not present")
    def test_shipped_model_reproduces_pytorch_fixture(self):
        with open(export_motion.FIXTURE_OUT, "rb") as fh:
            w, h = struct.unpack(">ii", fh.read(8))
            planes = np.frombuffer(fh.read(), dtype=">f4").astype(np.float32).reshape(4, 1, 1, h, w)
        got = run_onnx(export_motion.MODEL_OUT, planes[0], planes[1], planes[2])
        self.assertLess(float(np.abs(got - planes[3]).max()), 1e-5)


if __name__ == "__main__":
    unittest.main()
