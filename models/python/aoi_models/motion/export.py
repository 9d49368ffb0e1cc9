"""Exports the trained three-frame network as one ONNX graph and writes the Java parity fixture.

    (from models/python) /usr/bin/python3 -m aoi_models.motion.export [--checkpoint work/motion/motion-final.pt]

Graph: inputs prev, current, next [1, 1, H, W] float32 in [0, 1]; output restored [1, 1, H, W] in [0, 1]
(clipped). H and W are dynamic (>= 4); the graph reflect-pads to a multiple of 4 and crops back.
Fixture (big-endian): int32 width, int32 height, then prev, current, next and restored as float32 planes,
row-major; inputs are quantised to 16 bit so that a 16-bit Java image holds them exactly.
"""
import argparse
import os
import struct

import numpy as np
import torch

from ..common.onnx_check import export_checked
from ..common.paths import MODEL_RESOURCES, TEST_RESOURCES
from ..common.paths import WORK as WORK_ROOT
from . import net, sequences, synthesize

WORK = os.path.join(WORK_ROOT, "motion")
MODEL_OUT = os.path.join(MODEL_RESOURCES, "motion", "motion-deblur.onnx")
FIXTURE_OUT = os.path.join(TEST_RESOURCES, "motion", "motion-fixture-29x23.bin")
INPUTS = ("prev", "current", "next")
OUTPUTS = ("restored",)
OPSET = 13


class Exported(torch.nn.Module):
    """prev, current, next -> restored (stage 2 output E0, clipped to [0, 1])."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, prev, current, nxt):
        e0, _ = self.model(prev, current, nxt)
        return torch.clamp(e0, 0.0, 1.0)


def load_model(checkpoint):
    ck = torch.load(checkpoint, map_location="cpu")
    cfg = ck["config"]
    model = net.MotionDeblurNet(cfg["base"], cfg["res"])
    model.load_state_dict(ck["model"])
    return model.eval(), ck


def export(model, path, trace_hw=(64, 80)):
    wrapped = Exported(model).eval()
    h, w = trace_hw
    example = tuple(torch.rand(1, 1, h, w) for _ in range(3))
    axes = {n: {2: "height", 3: "width"} for n in INPUTS + OUTPUTS}
    export_checked(wrapped, example, path, INPUTS, OUTPUTS, axes, OPSET)
    return wrapped


def fixture_inputs(width, height, seed=5):
    """A small blurred triplet from the synthesis tool (deterministic), quantised to 16 bit."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:256, 0:256].astype(np.float32)
    scene = (0.5 + 0.25 * np.sin(xx / 5.0) * np.cos(yy / 7.0)
             + 0.2 * ((xx // 16 + yy // 16) % 2) - 0.1).astype(np.float32)
    frames = sequences.camera_sequence(scene, rng, frames=5, size=max(width, height) + 16,
                                       speed_px=(5.0, 6.0))
    (_, bp, bc, bn, _, _, _), = synthesize.triplets(frames, centres=[2], min_blur=0, min_gradient=0)
    crop = lambda a: np.round(np.clip(a[8:8 + height, 8:8 + width], 0, 1) * 65535) / 65535.0  # noqa: E731
    return [crop(a).astype(np.float32) for a in (bp, bc, bn)]


def write_fixture(wrapped, path, width=29, height=23):
    planes = fixture_inputs(width, height)
    with torch.no_grad():
        out = wrapped(*[torch.from_numpy(p)[None, None] for p in planes])[0, 0].numpy()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(struct.pack(">ii", width, height))
        for p in planes + [out]:
            fh.write(p.astype(">f4").tobytes())
    return planes, out


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", default=os.path.join(WORK, "motion-final.pt"))
    p.add_argument("--out", default=MODEL_OUT)
    p.add_argument("--fixture", default=FIXTURE_OUT)
    args = p.parse_args(argv)
    torch.set_num_threads(1)
    model, ck = load_model(args.checkpoint)
    wrapped = export(model, args.out)
    write_fixture(wrapped, args.fixture)
    print("exported %s (%.2f MB) from step %d; fixture %s"
          % (args.out, os.path.getsize(args.out) / 1e6, ck["step"], args.fixture))


if __name__ == "__main__":
    main()
