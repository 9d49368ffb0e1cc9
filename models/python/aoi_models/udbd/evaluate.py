"""Honest evaluation of a UDBD-Net checkpoint: photos of a split never used in training, three degradations
reported separately.

Usage (from models/python; seeded, so the same command gives the same numbers):
    /usr/bin/python3 -m aoi_models.udbd.evaluate --ckpt checkpoints/udbd-net.pt \\
        --set test --crops 8 [--conditions noise-free,noise,panels] [--threads 2]

Photos (`--set`, split policy in aoi_models/common/photos.py, SPLIT_BY_PACKAGE): `val` (mate-backgrounds), `test`
(lomiri-wallpapers-16.04, held out until the end) or `legacy-val` (the photos the old md5(group) split held
out in every package: the old model card's validation photos). A checkpoint trained before the package
split (its state has no split_policy "packages-v1") is evaluated only on photos its training never saw; the
photos it saw are listed and left out.

Conditions (`--conditions`), each with the same seeded crops:
  noise-free  the paper's Gaussian8 protocol: sigma 1.8 to 3.2 px (8 kernels, 21x21), no added noise,
              8-bit quantisation;
  noise       camera-like Poisson-Gaussian noise before 8-bit quantisation: read noise `--noise-levels`
              (default 0.005, 0.01, 0.02) plus shot noise of variance 1e-4 * intensity, at `--noisy-sigmas`;
  panels      simulated ACF panel crops (the project's panel simulator, seed 8101, never the training seed 7)
              at `--panel-sigmas` with the station's read noise `--panel-noise` (0.01) and the same shot noise.
Rows: blurred input; oracle Wiener (true kernel, the best noise-to-signal ratio per image from a log grid);
UDBD-Net after 1, 2 and 3 blind passes, chained as the runtime chains them (passes.py: the first kernel
estimate on the frame topped up to a noise floor, a further pass only where the kernel still reads blur);
non-blind (the deconvolution net fed the true kernel, UDBDNet.forward(blurred, kernel=true_kernel), one pass).
PSNR in dB, data range 1, excluding an 8 px border.
`--crops` crops of `--size` px per sigma and condition bound the CPU time (about 1 s per crop and pass at
256 px on two cores). Writes Markdown and JSON to models/python/work/udbd/eval-SET.{md,json}.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

from ..common.metrics import BORDER_PX, psnr
from ..common.paths import REPO, WORK
from ..common.photos import (SPLIT_POLICY, TEST_PACKAGE, informative, legacy_is_validation, load_gray,
                             missing_packages, photo_sources, seen_by_legacy_training, split_of)
from ..common.simulator import ensure_panels
from .data import GAUSSIAN8_SIGMAS, blur_crops, degrade, eval_crops, load_panels
from .export import RELEASE_CKPT, load
from .model import KERNEL_RADIUS, kernel_spectrum
from .passes import FURTHER_PASS_MIN_SIGMA_PX, NOISE_FLOOR, blind_passes
from .split import split_forward

NSR_GRID = np.logspace(-5, -1, 17)
WIENER_PAD = 32
PANEL_SEED = 8101
ROWS = ("Blurred input", "Oracle Wiener (true kernel, best NSR per image)", "UDBD-Net x1 (blind)",
        "UDBD-Net x2 (blind)", "UDBD-Net x3 (blind)", "Non-blind (true kernel, 1 pass)")


def wiener(blurred, kernel, nsr):
    """Classical Wiener deconvolution of [N,1,H,W] with per-image kernels [N,1,21,21], reflect padded."""
    h, w = blurred.shape[-2:]
    x = torch.nn.functional.pad(blurred, (WIENER_PAD,) * 4, mode="reflect").double()
    kr, ki = kernel_spectrum(kernel.double(), x.shape[-2], x.shape[-1])
    spec = torch.fft.rfft2(x)
    den = kr * kr + ki * ki + nsr
    out = torch.fft.irfft2(spec * torch.complex(kr / den, -ki / den), s=x.shape[-2:])
    return out[..., WIENER_PAD:WIENER_PAD + h, WIENER_PAD:WIENER_PAD + w].clamp(0, 1).float()


def per_image(restored, sharp):
    """PSNR excluding a BORDER_PX border of every [1, H, W] image of two batches."""
    return [psnr(a[0], b[0], border=BORDER_PX) for a, b in zip(np.asarray(restored), np.asarray(sharp))]


def oracle_wiener(blurred, kernels, sharp):
    """Per image the best PSNR over NSR_GRID: (psnr list, chosen nsr list)."""
    table = np.array([per_image(wiener(blurred, kernels, float(nsr)).numpy(), sharp) for nsr in NSR_GRID])
    best = table.argmax(axis=0)
    return list(table.max(axis=0)), [float(NSR_GRID[i]) for i in best]


class Formulation:
    """The blind rows, chained as the runtime chains passes (passes.blind_passes: the noise floor for the first
    kernel estimate, a further pass only on blur), with the deconvolution net in the torch.fft formulation or in
    the split one the Java runtime uses (split.py); the non-blind row, which is fed the true kernel, is always the
    torch.fft model."""

    def __init__(self, model, split, floor=NOISE_FLOOR, min_sigma_px=FURTHER_PASS_MIN_SIGMA_PX):
        self.model = model
        self.restore = (lambda x, k: split_forward(model, x, k)[0]) if split else model.deconv_net
        self.floor = floor
        self.min_sigma_px = min_sigma_px

    def blind(self, blurred, passes):
        return blind_passes(self.model.kernel_net, self.restore, blurred, passes, self.floor, self.min_sigma_px)

    def non_blind(self, blurred, kernels):
        with torch.no_grad():
            return self.model.deconv_net(blurred, kernels)


def run_rows(model, blurred, sharp, kernels):
    """PSNR per image for every row of ROWS, plus the oracle's NSR choices. model: a Formulation."""
    out = {ROWS[0]: per_image(blurred, sharp)}
    out[ROWS[1]], nsr = oracle_wiener(blurred, kernels, sharp)
    for name, y in zip(ROWS[2:5], model.blind(blurred, 3)):
        out[name] = per_image(y, sharp)
    out[ROWS[5]] = per_image(model.non_blind(blurred, kernels), sharp)
    return out, nsr


def panel_crops(crops, size, seed):
    """`crops` padded crops of `size` px (eval_crops) from the evaluation panels: the project's simulator, seed
    PANEL_SEED (never a training seed), rendered into models/python/work once. Exits when it cannot render."""
    files = ensure_panels(os.path.join(WORK, "panels-eval-%d" % PANEL_SEED), count=max(crops, 8),
                          size=size + 2 * KERNEL_RADIUS, seed=PANEL_SEED)
    if not files:
        sys.exit("panel simulator did not render")
    return eval_crops(load_panels(files), crops, size, seed)


def photo_set(which, ckpt_policy, size):
    """(images, used, left_out): the photos of `which`; a legacy checkpoint keeps only the unseen ones."""
    items = photo_sources()
    legacy = ckpt_policy != SPLIT_POLICY
    if which == "legacy-val":
        rows = [(p, g, path) for p, g, path in items if legacy_is_validation(g) and p != TEST_PACKAGE]
    else:
        rows = [(p, g, path) for p, g, path in items if split_of(p) == which]
    used, left_out, images = [], [], []
    for package, group, path in rows:
        img = load_gray(path)
        if img is None or min(img.shape) < size + 2 * KERNEL_RADIUS or not informative(img):
            continue
        if legacy and seen_by_legacy_training(package, group):
            left_out.append(path)
            continue
        used.append(path)
        images.append(img)
    return images, used, left_out


def table(title, sigmas, per_sigma):
    """Markdown table: one row per method, one column per sigma, then the mean over all images."""
    lines = ["**%s**" % title, "", "| Method | " + " | ".join("σ %.1f" % s for s in sigmas) + " | mean |",
             "|---|" + "---|" * (len(sigmas) + 1)]
    for name in ROWS:
        cells = [np.mean(r[name]) for r in per_sigma]
        mean = np.mean([v for r in per_sigma for v in r[name]])
        lines.append("| %s | %s | **%.2f** |" % (name, " | ".join("%.2f" % c for c in cells), mean))
    return lines


def evaluate_condition(model, padded, sigmas, read_noise, seed):
    """[rows dict per sigma], [oracle NSR lists per sigma] for one condition."""
    per_sigma, nsrs = [], []
    gen = torch.Generator().manual_seed(seed)
    for sigma in sigmas:
        sharp, clean, kernels = blur_crops(padded, sigma)
        blurred = degrade(clean, read_noise, gen)
        rows, nsr = run_rows(model, blurred, sharp.numpy(), kernels)
        per_sigma.append(rows)
        nsrs.append(nsr)
    return per_sigma, nsrs


def floats(text):
    return [float(v) for v in text.split(",") if v]


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", default=RELEASE_CKPT)
    p.add_argument("--set", choices=("val", "test", "legacy-val"), default="val")
    p.add_argument("--conditions", default="noise-free,noise,panels")
    p.add_argument("--crops", type=int, default=8, help="crops per sigma and condition")
    p.add_argument("--size", type=int, default=256)
    p.add_argument("--noise-levels", default="0.005,0.01,0.02")
    p.add_argument("--noisy-sigmas", default="1.8,2.4,3.2")
    p.add_argument("--panel-sigmas", default="2.0,2.5,3.0")
    p.add_argument("--panel-noise", type=float, default=0.01)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", help="output stem (default models/python/work/udbd/eval-SET)")
    p.add_argument("--formulation", choices=("fft", "split"), default="fft",
                   help="fft: the torch.fft model; split: the blind rows run the split formulation the Java "
                        "runtime uses (kernel, features and refine networks, Wiener step in NumPy's FFT)")
    p.add_argument("--noise-floor", type=float, default=NOISE_FLOOR,
                   help="noise floor of the first kernel estimate (passes.py; 0: none). Default: the runtime's, %(default)s")
    p.add_argument("--further-pass-min-sigma", type=float, default=FURTHER_PASS_MIN_SIGMA_PX,
                   help="a further pass runs where the kernel reads at least this sigma in px (0: always). "
                        "Default: the runtime's, %(default)s")
    args = p.parse_args(argv)
    if not 0 <= args.noise_floor <= 0.1:
        p.error("--noise-floor %g: allowed 0 to 0.1" % args.noise_floor)
    if not 0 <= args.further_pass_min_sigma <= 8:
        p.error("--further-pass-min-sigma %g: allowed 0 to 8 px" % args.further_pass_min_sigma)
    conditions = [c for c in args.conditions.split(",") if c]
    for c in conditions:
        if c not in ("noise-free", "noise", "panels"):
            p.error("unknown condition %r; allowed: noise-free, noise, panels" % c)
    torch.set_num_threads(args.threads)
    t0 = time.time()
    model, state = load(args.ckpt, dft="fft")
    model = Formulation(model, args.formulation == "split", args.noise_floor, args.further_pass_min_sigma)
    policy = state.get("split_policy", "legacy")
    photos = any(c != "panels" for c in conditions)
    lines = ["Checkpoint %s (step %d, split policy %s), %s%d crops of %d px per sigma, seed %d; pass policy: noise "
             "floor %g, further pass from %g px." % (
        os.path.relpath(args.ckpt, REPO), state["step"], policy, "photo set %s, " % args.set if photos else "",
        args.crops, args.size, args.seed, args.noise_floor, args.further_pass_min_sigma), ""]
    report = {"ckpt": args.ckpt, "split_policy": policy, "set": args.set, "crops": args.crops, "size": args.size,
              "seed": args.seed, "noise_floor": args.noise_floor,
              "further_pass_min_sigma_px": args.further_pass_min_sigma, "conditions": {}}
    if photos:
        missing = missing_packages()
        if missing:
            sys.exit("photo packages missing: apt-get install %s" % " ".join(missing))
        images, used, left_out = photo_set(args.set, policy, args.size)
        report["photos_used"], report["photos_left_out_seen_in_training"] = used, left_out
        lines.append("Photos used (%d): %s." % (len(used), ", ".join(os.path.basename(u) for u in used)))
        if left_out:
            lines.append("Left out, seen in this checkpoint's training (%d): %s." % (
                len(left_out), ", ".join(os.path.basename(u) for u in left_out)))
        lines.append("")
        if not images:
            sys.exit("no usable photo in set %s for this checkpoint" % args.set)
        padded = eval_crops(images, args.crops, args.size, args.seed)
    condition_runs = []
    if "noise-free" in conditions:
        condition_runs.append(("noise-free 8-bit (Gaussian8, no added noise)", "noise-free", GAUSSIAN8_SIGMAS, 0.0))
    if "noise" in conditions:
        for r in floats(args.noise_levels):
            condition_runs.append(("camera noise, read noise %g + shot noise 1e-4·x, 8-bit" % r, "noise-%g" % r,
                         floats(args.noisy_sigmas), r))
    for title, key, sigmas, read_noise in condition_runs:
        per_sigma, nsrs = evaluate_condition(model, padded, sigmas, read_noise, args.seed + 1)
        lines += table("Photos (%s), %s" % (args.set, title), sigmas, per_sigma) + [""]
        report["conditions"][key] = {"sigmas": sigmas, "read_noise": read_noise, "rows": per_sigma, "nsr": nsrs}
        print("\n".join(lines[-len(ROWS) - 5:]), "(%.0f s)" % (time.time() - t0), flush=True)
    if "panels" in conditions:
        panel_padded = panel_crops(args.crops, args.size, args.seed)
        sigmas = floats(args.panel_sigmas)
        per_sigma, nsrs = evaluate_condition(model, panel_padded, sigmas, args.panel_noise, args.seed + 2)
        title = "Simulated panels (seed %d), read noise %g + shot noise 1e-4·x, 8-bit" % (PANEL_SEED, args.panel_noise)
        lines += table(title, sigmas, per_sigma) + [""]
        report["conditions"]["panels"] = {"sigmas": sigmas, "read_noise": args.panel_noise, "rows": per_sigma,
                                          "nsr": nsrs}
    wall = time.time() - t0
    load1, load5, _ = os.getloadavg()
    lines.append("PSNR (dB) excluding an %d px border; wall time %.0f s with %d threads, load average %.1f "
                 "(1 min) / %.1f (5 min) at the end." % (BORDER_PX, wall, args.threads, load1, load5))
    report["wall_s"], report["loadavg"] = wall, [load1, load5]
    text = "\n".join(lines)
    print(text)
    stem = args.out or os.path.join(WORK, "udbd", "eval-%s" % args.set)
    os.makedirs(os.path.dirname(stem), exist_ok=True)
    with open(stem + ".md", "w") as f:
        f.write(text + "\n")
    with open(stem + ".json", "w") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
