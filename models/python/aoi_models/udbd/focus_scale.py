"""What the kernel net reads as defocus: the equivalent-Gaussian sigma of its estimated kernel against the true
sigma, on simulated ACF panel crops it never saw. The station's focus monitor (DefocusSigmaPx,
focusDriftWarnSigmaPx) reads this estimate, so a kernel net that saturates at some sigma is a focus monitor that
cannot warn above it, and a deconvolution net told the wrong kernel cannot undo the blur.

Usage (from models/python; seeded, so the same command gives the same numbers):
    /usr/bin/python3 -m aoi_models.udbd.focus_scale --ckpt checkpoints/udbd-net-acf.pt [--ckpt OTHER.pt] \\
        [--sigmas 1,2,2.5,3,3.5,4,4.5,5] [--crops 12] [--size 236] [--noise 0.01]

Crops: `--crops` crops of `--size` px (the station feeds the kernel net crops of up to 256 px) from panels of the
project's simulator (evaluate.panel_crops: seed 8101, never a training seed), blurred with the 21 x 21 Gaussian of
each sigma, read noise `--noise` plus shot noise 1e-4 x, 8 bit; the noise of the n-th sigma of `--sigmas` is drawn
from `--seed` + n. Prints, per checkpoint and sigma, the mean and standard deviation over the crops of the
estimate, and the equivalent sigma of the true (truncated) 21 px kernel beside it.
"""
import argparse
import os

import numpy as np
import torch

from .data import blur_crops, degrade, gaussian_kernel
from .evaluate import panel_crops
from .export import load
from .split import defocus_sigma_px


def estimates(model, padded, sigma, noise, seed):
    """The kernel net's equivalent sigma (px) on each crop blurred by `sigma`, as a NumPy array."""
    _, blurred, _ = blur_crops(padded, sigma)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        kernels = model.kernel_net(degrade(blurred, noise, gen))
    return np.array([defocus_sigma_px(k[0].numpy()) for k in kernels])


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m aoi_models.udbd.focus_scale",
                                description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", action="append", required=True, help="checkpoint; repeat to compare")
    p.add_argument("--sigmas", default="1,2,2.5,3,3.5,4,4.5,5", help="true defocus sigmas, px, comma-separated")
    p.add_argument("--crops", type=int, default=12)
    p.add_argument("--size", type=int, default=236)
    p.add_argument("--noise", type=float, default=0.01, help="read noise, fraction of full scale")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    sigmas = [float(s) for s in args.sigmas.split(",")]
    if args.crops < 1 or not 64 <= args.size <= 1024 or any(not 0 <= s <= 5 for s in sigmas):
        p.error("allowed: --crops 1 or more, --size 64 to 1024, sigmas 0 to 5 px")
    torch.set_num_threads(args.threads)
    padded = panel_crops(args.crops, args.size, args.seed)
    models = [(c, load(c)[0].eval()) for c in args.ckpt]
    print("| true sigma (21 px kernel) | " + " | ".join(os.path.basename(c) for c, _ in models) + " |")
    print("|---:|" + "---:|" * len(models))
    for i, s in enumerate(sigmas):
        cells = []
        for _, model in models:
            e = estimates(model, padded, s, args.noise, args.seed + i)
            cells.append("%.2f +- %.2f" % (e.mean(), e.std()))
        print("| %.1f (%.2f) | %s |" % (s, defocus_sigma_px(gaussian_kernel(s)), " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main()
