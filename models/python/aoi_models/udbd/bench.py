"""Speed of the shipped UDBD-Net in Python, for machines without the Java build (a GPU machine, say).
Prints megapixels per second for 1 and 3 passes over 8-bit mono 2048x512 frames cut into 256x256 tiles with
32 px overlap (as the Java side cuts them), all tiles of a frame in one batch, one kernel per frame (the mean of
the kernel graph over the first 4 tiles, as the Java side does with the frame's most textured crops).

Engines: `ort` runs the three shipped graphs (udbd-net.{kernel,features,refine}.onnx) in ONNX Runtime with the
Wiener step in NumPy's FFT on the CPU between them (the Java runtime's formulation: on a GPU provider this is
one device-to-host-to-device round trip of the features per pass); `torch` runs the released checkpoint in
PyTorch with torch.fft on the same device (no round trip), for comparison.

Usage (from the repository root):
    python3 models/python/bench_udbd.py [--engine ort|torch] [--provider cuda|cpu] [--threads 2]
"""
import argparse
import os
import time

import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ONNX_STEM = os.path.join(HERE, "..", "src/main/resources/io/aoi/models/udbd/udbd-net")
KERNEL_TILES = 4
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
    sys.path.insert(0, HERE)
    from udbd.split import wiener_numpy
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = args.threads
    sessions = {part: ort.InferenceSession("%s.%s.onnx" % (ONNX_STEM, part), opts,
                                           providers=[PROVIDERS[args.provider]])
                for part in ("kernel", "features", "refine")}
    print("onnxruntime %s, providers in use: %s" % (ort.__version__, sessions["refine"].get_providers()))
    if PROVIDERS[args.provider] not in sessions["refine"].get_providers():
        raise SystemExit("%s is not available here" % PROVIDERS[args.provider])

    def run(x):
        kernel = sessions["kernel"].run(None, {"blurred": x[:KERNEL_TILES]})[0].mean(axis=0)[0]
        features, regulariser = sessions["features"].run(None, {"blurred": x})
        deconv = np.stack([wiener_numpy(features[n], kernel, regulariser[n, :, 0, 0])
                           for n in range(x.shape[0])]).astype(np.float32)
        return sessions["refine"].run(None, {"deconvolved": deconv, "blurred": x})[0]
    return run


def torch_runner(args):
    import torch
    sys.path.insert(0, HERE)
    from export_udbd import RELEASE_CKPT, load
    torch.set_num_threads(args.threads)
    device = torch.device(args.provider)
    model, _ = load(RELEASE_CKPT, dft="fft")
    model.to(device)
    print("torch %s on %s" % (torch.__version__, torch.cuda.get_device_name(device) if device.type == "cuda"
                                                   else "cpu x%d threads" % args.threads))

    def run(x):
        with torch.no_grad():
            t = torch.from_numpy(np.ascontiguousarray(x)).to(device)
            kernel = model.kernel_net(t[:KERNEL_TILES]).mean(dim=0, keepdim=True).expand(t.shape[0], -1, -1, -1)
            y = model.deconv_net(t, kernel).cpu().numpy()
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
