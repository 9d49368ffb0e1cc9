"""Writes the tiny test model whose input is named 'image' instead of 'blurred' (for the mismatch test).

Usage: /usr/bin/python3 models/python/make_mismatched_model.py
"""
import os

import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "../src/test/resources/io/aoi/models/udbd/wrong-input-name.onnx")


def main():
    x = helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    y = helper.make_tensor_value_info("restored", TensorProto.FLOAT, ["batch", 1, "height", "width"])
    graph = helper.make_graph([helper.make_node("Identity", ["image"], ["restored"])], "mismatched", [x], [y])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="aoi-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.normpath(OUT))


if __name__ == "__main__":
    main()
