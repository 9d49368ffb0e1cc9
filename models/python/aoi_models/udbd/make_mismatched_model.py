"""Writes the tiny test model whose input is named 'image' instead of 'blurred' (for the mismatch test).

Usage (from models/python): /usr/bin/python3 -m aoi_models.udbd.make_mismatched_model
"""
import os

import onnx
from onnx import TensorProto, helper

from ..common.onnx_check import check
from ..common.paths import TEST_RESOURCES

OUT = os.path.join(TEST_RESOURCES, "udbd", "wrong-input-name.onnx")


def build():
    """The mismatched graph: restored = Identity(image)."""
    x = helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    y = helper.make_tensor_value_info("restored", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    graph = helper.make_graph([helper.make_node("Identity", ["image"], ["restored"])], "mismatched", [x], [y])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="aoi-tests")
    model.ir_version = 8
    return check(model, ["image"], ["restored"])


def main():
    onnx.save(build(), OUT)


if __name__ == "__main__":
    main()
