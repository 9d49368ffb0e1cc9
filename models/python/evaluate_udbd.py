"""Gaussian8 evaluation of UDBD-Net against the blurred input and Wiener deconvolution.

Usage (from the repository root):
    /usr/bin/python3 models/python/evaluate_udbd.py [--crops 32] [--threads 2]

Validation set: fixed 256x256 crops of the validation photos (never used in training), each blurred with the
8 Gaussian8 kernels (sigma 1.8 to 3.2 px, step 0.2), Poisson-Gaussian noise with a fixed seed, 8-bit
quantisation. Rows: blurred input; Wiener with the TRUE kernel, noise-to-signal ratio searched per sigma on
a log grid (oracle); Wiener with the kernel UDBD-Net estimated (same per-sigma NSR search); UDBD-Net after
1, 2 and 3 passes (PyTorch, FFT formulation; the exported ONNX matches it to < 1e-6, see UdbdParityTest).
With --formulation split the UDBD-Net rows run the split formulation the Java runtime uses (kernel, features
and refine networks with the Wiener step in NumPy's FFT, udbd/split.py) instead of the torch.fft model.
Prints a Markdown table and writes it to models/python/work/udbd/eval[-split].md and .json.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from skimage.metrics import structural_similarity

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from export_udbd import load  # noqa: E402
from udbd.data import gaussian8_set, load_photos, psnr  # noqa: E402
from udbd.model import KERNEL_RADIUS, kernel_spectrum  # noqa: E402
from udbd.split import split_forward  # noqa: E402

WORK = os.path.join(HERE, "work")
NSR_GRID = np.logspace(-4, -1, 13)
WIENER_PAD = 32


def wiener(blurred, kernel, nsr):
    """Classical Wiener deconvolution of [N,1,H,W] with per-image kernels [N,1,21,21], reflect padded."""
    h, w = blurred.shape[-2:]
    x = torch.nn.functional.pad(blurred, (WIENER_PAD,) * 4, mode="reflect").double()
    kr, ki = kernel_spectrum(kernel.double(), x.shape[-2], x.shape[-1])
    spec = torch.fft.rfft2(x)
    den = kr * kr + ki * ki + nsr
    out = torch.fft.irfft2(spec * torch.complex(kr / den, -ki / den), s=x.shape[-2:])
    return out[..., WIENER_PAD:WIENER_PAD + h, WIENER_PAD:WIENER_PAD + w].clamp(0, 1).float()


def scores(restored, sharp):
    p = [psnr(a[0], b[0]) for a, b in zip(restored, sharp)]
    s = [structural_similarity(a[0], b[0], data_range=1.0) for a, b in zip(restored, sharp)]
    return float(np.mean(p)), float(np.mean(s))


def best_wiener(blurred, kernels, sharp):
    best = None
    for nsr in NSR_GRID:
        out = wiener(blurred, kernels, float(nsr)).numpy()
        p = np.mean([psnr(a[0], b[0]) for a, b in zip(out, sharp)])
        if best is None or p > best[0]:
            best = (p, nsr, out)
    return best[2], float(best[1])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", default=os.path.join(WORK, "udbd/ckpt.pt"))
    p.add_argument("--crops", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--formulation", choices=("fft", "split"), default="fft")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    val_path = os.path.join(WORK, "gaussian8_val.npz")
    if not os.path.isfile(val_path):
        _, val_imgs, _ = load_photos(128 + 2 * KERNEL_RADIUS)
        os.makedirs(WORK, exist_ok=True)
        np.savez_compressed(val_path, **gaussian8_set(val_imgs))
    val = dict(np.load(val_path))
    model, state = load(args.ckpt, dft="fft")
    sharp = val["sharp"][:args.crops]
    rows = {k: [] for k in ["Blurred input", "Wiener, true kernel (oracle NSR per sigma)",
                            "Wiener, estimated kernel (oracle NSR per sigma)",
                            "UDBD-Net, 1 pass", "UDBD-Net, 2 passes", "UDBD-Net, 3 passes"]}
    names = list(rows)
    nsr_true, nsr_est = [], []
    t0 = time.time()
    for i, sigma in enumerate(val["sigmas"]):
        blurred = torch.from_numpy(val["blurred"][i, :args.crops])
        true_k = torch.from_numpy(val["kernels"][i]).expand(blurred.shape[0], 1, -1, -1)
        rows[names[0]].append(scores(blurred.numpy(), sharp))
        out, nsr = best_wiener(blurred, true_k, sharp)
        rows[names[1]].append(scores(out, sharp))
        nsr_true.append(nsr)
        run = model if args.formulation == "fft" else (lambda x: split_forward(model, x))
        with torch.no_grad():
            y1, est = run(blurred)
            y2, _ = run(y1)
            y3, _ = run(y2)
        out, nsr = best_wiener(blurred, est, sharp)
        rows[names[2]].append(scores(out, sharp))
        nsr_est.append(nsr)
        for name, y in zip(names[3:], (y1, y2, y3)):
            rows[name].append(scores(y.numpy(), sharp))
        print("sigma %.1f done (%.0f s)" % (sigma, time.time() - t0), flush=True)
    sig = ["%.1f" % s for s in val["sigmas"]]
    lines = ["| Method | " + " | ".join("σ=" + s for s in sig) + " | Average |",
             "|---|" + "---|" * (len(sig) + 1)]
    summary = {}
    for name in names:
        ps = [r[0] for r in rows[name]]
        ss = [r[1] for r in rows[name]]
        summary[name] = {"psnr": ps, "ssim": ss, "psnr_avg": float(np.mean(ps)), "ssim_avg": float(np.mean(ss))}
        cells = ["%.2f / %.3f" % (a, b) for a, b in zip(ps, ss)]
        lines.append("| %s | %s | **%.2f / %.3f** |" % (name, " | ".join(cells), np.mean(ps), np.mean(ss)))
    p1 = summary[names[3]]["psnr_avg"]
    p3 = summary[names[5]]["psnr_avg"]
    oracle = summary[names[1]]["psnr_avg"]
    verdict = [
        "",
        "PSNR (dB) / SSIM, %d crops of 256x256 per sigma, checkpoint step %d, UDBD-Net formulation %s." % (
            len(sharp), state["step"], args.formulation),
        "Searched Wiener NSR per sigma: true kernel %s; estimated kernel %s." % (
            ", ".join("%.1e" % v for v in nsr_true), ", ".join("%.1e" % v for v in nsr_est)),
        "Target pass 1 >= oracle + 1.0 dB: %.2f vs %.2f + 1.0 -> %s." % (
            p1, oracle, "met" if p1 >= oracle + 1.0 else "NOT met"),
        "Target pass 3 >= pass 1 - 0.5 dB: %.2f vs %.2f - 0.5 -> %s." % (
            p3, p1, "met" if p3 >= p1 - 0.5 else "NOT met"),
    ]
    text = "\n".join(lines + verdict)
    print(text)
    os.makedirs(os.path.join(WORK, "udbd"), exist_ok=True)
    suffix = "" if args.formulation == "fft" else "-" + args.formulation
    with open(os.path.join(WORK, "udbd/eval%s.md" % suffix), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(WORK, "udbd/eval%s.json" % suffix), "w") as f:
        json.dump({"crops": len(sharp), "step": state["step"], "sigmas": sig, "rows": summary,
                   "nsr_true": nsr_true, "nsr_est": nsr_est}, f, indent=1)


if __name__ == "__main__":
    main()
