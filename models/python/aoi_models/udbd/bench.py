"""Speed of the shipped UDBD-Net in Python, for machines without the Java build (a GPU machine, say).
Prints megapixels per second for 1 and 3 passes over 8-bit mono 2048x512 frames cut into 256x256 tiles with
32 px overlap on the Java Tiler's grid (aoi_models.common.tiling: mirrored by the overlap, a tile every 224 px,
the last aligned to the far edge; 30 tiles for 2048x512; --tile and --overlap as the station's tileSizePx and
tileOverlapPx), all tiles of a frame in one batch, one kernel per frame (the mean of the kernel graph over the
first 4 tiles, as the Java side does with the frame's most textured crops).

Engines: `ort` runs the three shipped graphs (udbd-net.{kernel,features,refine}.onnx) in ONNX Runtime with the
Wiener step in NumPy's FFT on the CPU between them (the Java runtime's formulation: on a GPU provider this is
one device-to-host-to-device round trip of the features per pass); `torch` runs the released checkpoint in
PyTorch with torch.fft on the same device (no round trip), for comparison.

Usage (from models/python):
    python3 -m aoi_models.udbd.bench [--engine ort|torch] [--provider cuda|cpu] [--threads 2]
"""
import argparse
import os
import time

import numpy as np

from ..common import tiling
from ..common.paths import MODEL_RESOURCES

ONNX_STEM = os.path.join(MODEL_RESOURCES, "udbd", "udbd-net")
KERNEL_TILES = 4
TILE_PX = 256          # DeblurSettings' default tileSizePx
OVERLAP_PX = 32        # DeblurSettings' default tileOverlapPx
PROVIDERS = {"cuda": "CUDAExecutionProvider", "cpu": "CPUExecutionProvider"}


def ort_runner(args):
    import onnxruntime as ort
    from .split import wiener_numpy
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
    from .export import RELEASE_CKPT, load
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


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", choices=["ort", "torch"], default="ort")
    p.add_argument("--provider", choices=sorted(PROVIDERS), default="cpu")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--tile", type=int, default=TILE_PX, help="tile edge, px (the station's tileSizePx)")
    p.add_argument("--overlap", type=int, default=OVERLAP_PX, help="tile overlap, px (the station's tileOverlapPx)")
    args = p.parse_args(argv)
    try:
        tiling.check(args.tile, args.overlap)
    except ValueError as e:
        p.error(str(e))
    rng = np.random.default_rng(0)
    frame = np.round(rng.random((args.height, args.width)) * 255).astype(np.float32) / 255
    batch = tiling.tiles(frame, args.tile, args.overlap)
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
