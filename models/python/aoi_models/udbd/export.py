"""Export a UDBD-Net checkpoint to ONNX as three graphs split at the Wiener step, and write the Java parity fixture.

Usage (from models/python):
    /usr/bin/python3 -m aoi_models.udbd.export [--ckpt work/udbd/ckpt.pt] [--release]
    (the ACF model: --ckpt checkpoints/udbd-net-acf.pt
     --out ../src/main/resources/io/aoi/models/udbd/udbd-net-acf.onnx --no-fixture)
    (re-export the shipped models from their released checkpoints: --ckpt checkpoints/udbd-net.pt)

`--out NAME.onnx` writes NAME.kernel.onnx, NAME.features.onnx and NAME.refine.onnx (see split.py for what
each graph does and the Wiener step the runtime computes between features and refine), and NAME.cuda.onnx, the
features-Wiener-refine chain as one graph with the Wiener step as in-graph matrix DFTs for the CUDA provider
(kernel given as an input). Every graph has dynamic batch, height and width and contains no DFT op. The refine and
CUDA graphs are written from `inference.fold_for_inference(model)`: the same function and weights, with each
NAFBlock's LayerNorm folded into its 1x1 convolutions (about 2x faster on ONNX Runtime's CPU provider).

Outputs by default: the udbd-net.*.onnx files under models/src/main/resources/io/aoi/models/udbd/ and
models/src/test/resources/io/aoi/models/udbd/fixture-96x72.bin.

Fixture layout (little endian): int32 magic 0x55444244 ('UDBD'), int32 height, int32 width, then
height*width float32 input, height*width float32 restored, 21*21 float32 kernel (PyTorch, FFT formulation, the
kernel estimated on the whole fixture frame).
"""
import argparse
import os
import struct

import numpy as np
import torch

from ..common.onnx_check import export_checked
from ..common.paths import CHECKPOINTS, MODEL_RESOURCES, TEST_RESOURCES, WORK
from .inference import fold_for_inference
from .model import build_model

ONNX_PATH = os.path.join(MODEL_RESOURCES, "udbd", "udbd-net.onnx")
FIXTURE_PATH = os.path.join(TEST_RESOURCES, "udbd", "fixture-96x72.bin")
RELEASE_CKPT = os.path.join(CHECKPOINTS, "udbd-net.pt")
OPSET = 17
FIXTURE_MAGIC = 0x55444244
PARTS = ("kernel", "features", "refine", "cuda")


class KernelGraph(torch.nn.Module):
    """blurred [N,1,H,W] -> kernel [N,1,21,21]."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, blurred):
        return self.net.kernel_net(blurred)


class FeatureGraph(torch.nn.Module):
    """blurred [N,1,H,W] -> (features [N,C,H,W], regulariser [N,C,1,1])."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, blurred):
        return self.net.deconv_net.extract(blurred)


class RefineGraph(torch.nn.Module):
    """(deconvolved [N,C,H,W], blurred [N,1,H,W]) -> restored [N,1,H,W]."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, deconvolved, blurred):
        return self.net.deconv_net.refine(deconvolved, blurred)


class CudaGraph(torch.nn.Module):
    """(blurred [N,1,H,W], kernel [N,1,21,21]) -> restored [N,1,H,W]: features, the Wiener step with DFT
    matrices built in the graph (MatMul, O(N^3) per tile but on the device) and refine in one graph, for the
    CUDA provider, where a round trip to a CPU FFT between two graphs would cost far more than the matrix DFT
    (see MODEL_CARD.md, "GPU")."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, blurred, kernel):
        return self.net.deconv_net(blurred, kernel)


def split_paths(onnx_path):
    """NAME.onnx -> {part: NAME.part.onnx} for the three graphs."""
    stem = onnx_path[:-len(".onnx")] if onnx_path.endswith(".onnx") else onnx_path
    return {part: "%s.%s.onnx" % (stem, part) for part in PARTS}


def load(ckpt, dft="fft"):
    ck = torch.load(ckpt, map_location="cpu")
    model = build_model(ck["state"])
    model.load_state_dict(ck["model"])
    model.eval()
    model.set_dft(dft)
    return model, ck["state"]


def fixture_input(height=96, width=72, seed=5):
    """A deterministic textured, blurred test frame in [0, 1] (odd aspect, not a multiple of the stride 4 in
    the padded Wiener size)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    img = 0.5 + 0.25 * np.sin(xx / 3.1) * np.cos(yy / 4.7) + 0.1 * rng.standard_normal((height, width))
    img[30:50, 20:40] = 0.9
    img = np.clip(img, 0, 1).astype(np.float32)
    t = torch.from_numpy(img)[None, None]
    k = torch.ones(1, 1, 5, 5) / 25
    t = torch.nn.functional.conv2d(torch.nn.functional.pad(t, (2, 2, 2, 2), mode="replicate"), k)
    return torch.round(t * 255) / 255


def write_fixture(model, path=FIXTURE_PATH):
    x = fixture_input()
    model.set_dft("fft")
    with torch.no_grad():
        restored, kernel = model(x)
    h, w = x.shape[-2:]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(struct.pack("<iii", FIXTURE_MAGIC, h, w))
        f.write(x.numpy().astype("<f4").tobytes())
        f.write(restored.numpy().astype("<f4").tobytes())
        f.write(kernel.numpy().astype("<f4").tobytes())
    return path


def export(ckpt, onnx_path=ONNX_PATH, fixture_path=FIXTURE_PATH, log=print):
    """Writes the four graphs (each checked by export_checked) and, unless fixture_path is None, the fixture.
    Returns {part: path}."""
    model, state = load(ckpt)
    folded = fold_for_inference(model)
    paths = split_paths(onnx_path)
    os.makedirs(os.path.dirname(os.path.abspath(onnx_path)), exist_ok=True)
    blurred = torch.rand(1, 1, 64, 80)
    with torch.no_grad():
        features, _ = model.deconv_net.extract(blurred)
        kernel = model.kernel_net(blurred)
    specs = {
        "kernel": (KernelGraph(model), (blurred,), ["blurred"], ["kernel"],
                   {"blurred": {0: "batch", 2: "height", 3: "width"}, "kernel": {0: "batch"}}),
        "features": (FeatureGraph(model), (blurred,), ["blurred"], ["features", "regulariser"],
                     {"blurred": {0: "batch", 2: "height", 3: "width"},
                      "features": {0: "batch", 2: "height", 3: "width"}, "regulariser": {0: "batch"}}),
        "refine": (RefineGraph(folded), (features, blurred), ["deconvolved", "blurred"], ["restored"],
                   {"deconvolved": {0: "batch", 2: "height", 3: "width"},
                    "blurred": {0: "batch", 2: "height", 3: "width"},
                    "restored": {0: "batch", 2: "height", 3: "width"}}),
        "cuda": (CudaGraph(folded), (blurred, kernel), ["blurred", "kernel"], ["restored"],
                 {"blurred": {0: "batch", 2: "height", 3: "width"}, "kernel": {0: "batch"},
                  "restored": {0: "batch", 2: "height", 3: "width"}}),
    }
    for part, (module, args, inputs, outputs, axes) in specs.items():
        # only the CUDA graph has the Wiener step in it (as matrix DFTs); the other graphs stop before or start after
        folded.set_dft("matmul" if part == "cuda" else "fft")
        export_checked(module, args, paths[part], inputs, outputs, axes, OPSET)
    fixture = write_fixture(model, fixture_path) if fixture_path else "(none)"
    log("exported %s (step %d) and fixture %s" % (", ".join("%s %d bytes" % (p, os.path.getsize(p))
                                                           for p in paths.values()), state["step"], fixture))
    return paths


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", default=os.path.join(WORK, "udbd", "ckpt.pt"))
    p.add_argument("--out", default=ONNX_PATH)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--release", action="store_true",
                   help="also write the weights and training state (no optimiser) to --release-ckpt")
    p.add_argument("--release-ckpt", default=RELEASE_CKPT)
    p.add_argument("--no-fixture", action="store_true",
                   help="leave the Java parity fixture (which belongs to the general model) alone")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    export(args.ckpt, args.out, fixture_path=None if args.no_fixture else FIXTURE_PATH)
    if args.release:
        ck = torch.load(args.ckpt, map_location="cpu")
        os.makedirs(os.path.dirname(args.release_ckpt), exist_ok=True)
        torch.save({"model": ck["model"], "state": ck["state"]}, args.release_ckpt)
        print("wrote %s (%d bytes)" % (args.release_ckpt, os.path.getsize(args.release_ckpt)))


if __name__ == "__main__":
    main()
