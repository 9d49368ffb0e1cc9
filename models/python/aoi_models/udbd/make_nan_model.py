"""Writes the tiny test graph with the signature of UDBD-Net's refine graph whose restored output is NaN
everywhere (for the test that a deblurrer's non-finite output is refused instead of turning frames black). The
tests pair it with the shipped kernel and features graphs as the split set nan-output.{kernel,features,refine}.onnx.

Usage (from models/python): /usr/bin/python3 -m aoi_models.udbd.make_nan_model
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from ..common.onnx_check import check
from ..common.paths import TEST_RESOURCES

# in the models module's test resources; its test-jar (io.aoi.deblur.testing.NanModels) hands it to the plugin's tests
OUTS = [os.path.join(TEST_RESOURCES, "udbd", "nan-output.refine.onnx")]


def build():
    """The NaN graph: restored = blurred * NaN, inputs deconvolved and blurred like the refine graph."""
    d = helper.make_tensor_value_info("deconvolved", TensorProto.FLOAT, ["batch", "channels", "height", "width"])
    x = helper.make_tensor_value_info("blurred", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    y = helper.make_tensor_value_info("restored", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    nan = numpy_helper.from_array(np.array([np.nan], dtype=np.float32), "nan")
    nodes = [helper.make_node("Mul", ["blurred", "nan"], ["restored"])]
    graph = helper.make_graph(nodes, "nan-output", [d, x], [y], initializer=[nan])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="aoi-tests")
    model.ir_version = 8
    return check(model, ["deconvolved", "blurred"], ["restored"])


def main():
    model = build()
    for out in OUTS:
        os.makedirs(os.path.dirname(out), exist_ok=True)
        onnx.save(model, out)


if __name__ == "__main__":
    main()
