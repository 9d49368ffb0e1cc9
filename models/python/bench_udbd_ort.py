"""Speed of the shipped UDBD-Net graph in ONNX Runtime from Python, for machines without the Java build (a
GPU machine, say). Prints megapixels per second for 1 and 3 passes over 8-bit mono 2048x512 frames cut into
256x256 tiles with 32 px overlap (as the Java side cuts them), all tiles of a frame in one batch.

Usage (from the repository root):
    python3 models/python/bench_udbd_ort.py [--provider cuda|cpu] [--threads 2] [--repeats 5]
"""
import argparse
import os
import time

import numpy as np
import onnxruntime as ort

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


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--provider", choices=sorted(PROVIDERS), default="cpu")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--height", type=int, default=512)
    args = p.parse_args()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = args.threads
    session = ort.InferenceSession(ONNX_PATH, opts, providers=[PROVIDERS[args.provider]])
    print("onnxruntime %s, providers in use: %s" % (ort.__version__, session.get_providers()))
    if PROVIDERS[args.provider] not in session.get_providers():
        raise SystemExit("%s is not available here" % PROVIDERS[args.provider])
    rng = np.random.default_rng(0)
    frame = np.round(rng.random((args.height, args.width)) * 255).astype(np.float32) / 255
    batch = tiles(frame, 256, 32)
    session.run(None, {"blurred": batch})  # warm-up: allocation and kernel selection
    mp = args.width * args.height / 1e6
    for passes in (1, 3):
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            x = batch
            for _ in range(passes):
                x = session.run(None, {"blurred": x})[0]
            times.append(time.perf_counter() - t0)
        median = float(np.median(times))
        print("%s, %d pass(es), %dx%d frame as %d tiles: median %.3f s per frame, %.2f MP/s" % (
            args.provider, passes, args.width, args.height, batch.shape[0], median, mp / median))


if __name__ == "__main__":
    main()
