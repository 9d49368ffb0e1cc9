"""Speed of the shipped UDBD-Net in Python, for machines without the Java build (a GPU machine, say).
Prints megapixels per second for 1 and 3 passes over 8-bit mono 2048x512 frames cut into 256x256 tiles with
32 px overlap (as the Java side cuts them), all tiles of a frame in one batch.

Engines: `ort` runs the shipped ONNX graph in ONNX Runtime; `torch` runs the released checkpoint in PyTorch with
the same matmul-DFT formulation the graph has (for a GPU whose ONNX Runtime has no CUDA provider).

Usage (from the repository root):
    python3 models/python/bench_udbd.py [--engine ort|torch] [--provider cuda|cpu] [--threads 2]
"""
import argparse
import os
import time

import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ONNX_PATH = os.path.join(HERE, "..", "src/main/resources/io/aoi/models/udbd/udbd-net.onnx")
PROVIDERS = {"cuda": "CUDAExecutionProvider", "cpu": "CPUExecutionProvider"}


def tiles(frame, size, overlap):
    """Overlapping size x size tiles covering the frame (last row and column flush with the edge)."""
    h, w = frame.shape
    step = size - 2 * overlap
    ys = sorted({min(y, h - size) for y in range(0, h, step)})
    xs = sorted({min(x, w - size) for x in range(0, w, step)})
    return np.stack([frame[y:y + size, x:x + size] for y in ys for x in xs])[:, None]


def ort_runner(args):
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = args.threads
    session = ort.InferenceSession(ONNX_PATH, opts, providers=[PROVIDERS[args.provider]])
    print("onnxruntime %s, providers in use: %s" % (ort.__version__, session.get_providers()))
    if PROVIDERS[args.provider] not in session.get_providers():
        raise SystemExit("%s is not available here" % PROVIDERS[args.provider])
    return lambda x: session.run(None, {"blurred": x})[0]


def torch_runner(args):
    import torch
    sys.path.insert(0, HERE)
    from export_udbd import RELEASE_CKPT, load
    torch.set_num_threads(args.threads)
    device = torch.device(args.provider)
    model, _ = load(RELEASE_CKPT, dft="matmul")
    model.to(device)
    print("torch %s on %s" % (torch.__version__, torch.cuda.get_device_name(device) if device.type == "cuda"
                                                   else "cpu x%d threads" % args.threads))

    def run(x):
        with torch.no_grad():
            y = model(torch.from_numpy(np.ascontiguousarray(x)).to(device))[0].cpu().numpy()
        return y
    return run


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", choices=["ort", "torch"], default="ort")
    p.add_argument("--provider", choices=sorted(PROVIDERS), default="cpu")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--height", type=int, default=512)
    args = p.parse_args()
    rng = np.random.default_rng(0)
    frame = np.round(rng.random((args.height, args.width)) * 255).astype(np.float32) / 255
    batch = tiles(frame, 256, 32)
    run = ort_runner(args) if args.engine == "ort" else torch_runner(args)
    run(batch)  # warm-up: allocation and kernel selection
    mp = args.width * args.height / 1e6
    for passes in (1, 3):
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            x = batch
            for _ in range(passes):
                x = run(x)
            times.append(time.perf_counter() - t0)
        median = float(np.median(times))
        print("%s %s, %d pass(es), %dx%d frame as %d tiles: median %.3f s per frame, %.2f MP/s" % (
            args.engine, args.provider, passes, args.width, args.height, batch.shape[0], median, mp / median))


if __name__ == "__main__":
    main()
