"""PSNR/SSIM on the held-out validation triplets (photos from validation-only source families, and the
validation rows of the panel strip) for: the blurred input, stage 1 alone (single frame), the full
three-frame network and, when its ONNX file is given and exists, UDBD-Net on the centre frame.
Also times the full network in PyTorch on CPU.

    /usr/bin/python3 models/python/motion/evaluate_motion.py --threads 2 \
        [--checkpoint models/python/work/motion/motion-final.pt] [--udbd PATH.onnx]

Prints a Markdown table and writes it to models/python/work/motion/eval.md.
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_motion  # noqa: E402

WORK = export_motion.WORK


def metrics(out, ref):
    out = np.clip(out, 0, 1).astype(np.float64)
    ref = ref.astype(np.float64)
    return (peak_signal_noise_ratio(ref, out, data_range=1.0),
            structural_similarity(ref, out, data_range=1.0, gaussian_weights=True, sigma=1.5,
                                  use_sample_covariance=False))


def evaluate_set(model, path, limit, udbd=None, crop=None):
    """Mean (PSNR, SSIM) per method over the first `limit` triplets, optionally on centre crops."""
    d = np.load(path)
    n = min(limit, len(d["sharp"]))
    rows = {k: [] for k in ("blurred", "stage1", "full", "udbd")}
    size = d["sharp"].shape[1]
    c0 = (size - crop) // 2 if crop else 0
    win = slice(c0, c0 + crop) if crop else slice(None)
    with torch.no_grad():
        for i in range(n):
            bp, b0, bn, s0 = (d[k][i][win, win].astype(np.float32) for k in ("prev", "current", "next", "sharp"))
            t = [torch.from_numpy(a)[None, None] for a in (bp, b0, bn)]
            e0, p0 = model(*t)
            rows["blurred"].append(metrics(b0, s0))
            rows["stage1"].append(metrics(p0[0, 0].numpy(), s0))
            rows["full"].append(metrics(e0[0, 0].numpy(), s0))
            if udbd is not None:
                rows["udbd"].append(metrics(udbd(b0), s0))
    return n, {k: np.mean(v, axis=0) for k, v in rows.items() if v}


def time_model(model, h, w, repeats=3):
    x = [torch.rand(1, 1, h, w) for _ in range(3)]
    with torch.no_grad():
        model(*x)
        t = time.perf_counter()
        for _ in range(repeats):
            model(*x)
    return (time.perf_counter() - t) / repeats


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", default=os.path.join(WORK, "motion-final.pt"))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=100, help="triplets per validation set")
    p.add_argument("--udbd", help="UDBD-Net ONNX file (input 'blurred', output 'restored'), one pass on the "
                                  "centre frame, run with onnx_numpy (slow: a separate, smaller comparison)")
    p.add_argument("--udbd-limit", type=int, default=12, help="triplets per set for the UDBD-Net comparison")
    p.add_argument("--udbd-crop", type=int, default=128, help="centre crop for the UDBD-Net comparison")
    p.add_argument("--out", default=os.path.join(WORK, "eval.md"))
    p.add_argument("--time-large", action="store_true", help="also time a whole 2048x512 frame (slow)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    model, ck = export_motion.load_model(args.checkpoint)
    udbd = None
    if args.udbd and os.path.exists(args.udbd):
        import onnx
        import onnx_numpy
        udbd_graph = onnx.load(args.udbd)

        def udbd(frame):  # one pass, run by the NumPy ONNX interpreter
            return onnx_numpy.run(udbd_graph, {"blurred": frame[None, None]})["restored"][0, 0]
    sets = [("photos (validation families)", os.path.join(WORK, "data", "val.npz")),
            ("simulated ACF panel (validation rows)", os.path.join(WORK, "data_panel", "val.npz"))]
    lines = ["| Validation set | n | Blurred input | Stage 1 (single frame) | Full 3-frame network |",
             "|---|---|---|---|---|"]
    for name, path in sets:
        if not os.path.exists(path):
            continue
        n, res = evaluate_set(model, path, args.limit)
        cells = ["%.2f dB / %.4f" % tuple(res[k]) for k in ("blurred", "stage1", "full")]
        lines.append("| %s, 256x256 | %d | %s |" % (name, n, " | ".join(cells)))
        print(lines[-1], flush=True)
    if udbd is not None:
        lines += ["", "| Same frames, centre %dx%d crops | n | Blurred input | Stage 1 | Full 3-frame network "
                  "| UDBD-Net, 1 pass |" % (args.udbd_crop, args.udbd_crop), "|---|---|---|---|---|---|"]
        for name, path in sets:
            if not os.path.exists(path):
                continue
            n, res = evaluate_set(model, path, args.udbd_limit, udbd, args.udbd_crop)
            cells = ["%.2f dB / %.4f" % tuple(res[k]) for k in ("blurred", "stage1", "full", "udbd")]
            lines.append("| %s | %d | %s |" % (name, n, " | ".join(cells)))
            print(lines[-1], flush=True)
    t256 = time_model(model, 256, 256)
    t2048 = time_model(model, 512, 2048, repeats=1) if args.time_large else float("nan")
    lines += ["", "Values: PSNR / SSIM (Gaussian window, sigma 1.5) against the sharp frame, 256x256 triplets.",
              "Checkpoint: step %d, %.1f training minutes." % (ck["step"], ck["elapsed_s"] / 60),
              "Time, full network in PyTorch %s on CPU, %d threads: %.3f s per 256x256 triplet, "
              "%.2f s per 2048x512 frame (whole frame, not tiled; nan = not measured)." % (torch.__version__, args.threads, t256,
                                                                       t2048)]
    text = "\n".join(lines)
    print(text)
    with open(args.out, "w") as fh:
        fh.write(text + "\n")


if __name__ == "__main__":
    main()
