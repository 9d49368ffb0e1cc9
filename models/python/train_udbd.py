"""Prepare data, train UDBD-Net (stage 1: kernel net and deconvolution net separately, stage 2: jointly with a
second-pass loss) within a time budget, checkpoint and resume, then export ONNX.

Usage (from the repository root):
    /usr/bin/python3 models/python/train_udbd.py --minutes 75 --threads 2

Re-running the same command resumes from models/python/work/udbd/ckpt.pt; the budget counts training time
across runs. Logs go to models/python/work/udbd/train.log.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from udbd.data import TrainSampler, ensure_panels, gaussian8_set, load_panels, load_photos, psnr  # noqa: E402
from udbd.model import KERNEL_RADIUS, UDBDNet, count_parameters  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
WORK = os.path.join(HERE, "work")
RUN = os.path.join(WORK, "udbd")
CKPT = os.path.join(RUN, "ckpt.pt")
STAGE1_FRACTION = 0.3
KERNEL_LOSS_WEIGHT = 0.1


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=75, help="training time budget, summed over resumed runs")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--crop", type=int, default=128)
    p.add_argument("--width", type=int, default=12)
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--ckpt-minutes", type=float, default=3)
    p.add_argument("--val-minutes", type=float, default=15)
    p.add_argument("--panels", type=int, default=300, help="simulated ACF panel crops to render")
    p.add_argument("--no-export", action="store_true")
    return p.parse_args()


class Log:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)

    def __call__(self, msg):
        line = time.strftime("%Y-%m-%d %H:%M:%S ") + msg
        print(line, flush=True)
        self.f.write(line + "\n")


def kernel_l1(est, true):
    return (est - true).abs().sum(dim=(1, 2, 3)).mean()


def validate(model, val, crops=2):
    """PSNR on the first `crops` validation crops for every Gaussian8 sigma, passes 1 and 3."""
    model.eval()
    p1, p3, pin = [], [], []
    with torch.no_grad():
        sharp = torch.from_numpy(val["sharp"][:crops])
        for i in range(len(val["sigmas"])):
            x = torch.from_numpy(val["blurred"][i, :crops])
            y1, _ = model(x)
            y2, _ = model(y1)
            y3, _ = model(y2)
            pin.append(np.mean([psnr(a, b) for a, b in zip(x.numpy(), sharp.numpy())]))
            p1.append(np.mean([psnr(a, b) for a, b in zip(y1.numpy(), sharp.numpy())]))
            p3.append(np.mean([psnr(a, b) for a, b in zip(y3.numpy(), sharp.numpy())]))
    model.train()
    return float(np.mean(pin)), float(np.mean(p1)), float(np.mean(p3))


def lr_at(stage, frac_in_stage):
    if stage == 1:
        return 1e-3
    return 1e-5 + 0.5 * (5e-4 - 1e-5) * (1 + math.cos(math.pi * min(frac_in_stage, 1.0)))


def save(model, opt, state):
    tmp = CKPT + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, tmp)
    os.replace(tmp, CKPT)


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(RUN, exist_ok=True)
    log = Log(os.path.join(RUN, "train.log"))
    log("start: %s" % json.dumps(vars(args)))

    train_imgs, val_imgs, summary = load_photos(args.crop + 2 * KERNEL_RADIUS)
    panel_files = ensure_panels(REPO, os.path.join(WORK, "panels"), count=args.panels, log=log)
    panels = load_panels(panel_files)
    log("photos per package/split: %s" % {"%s/%s" % k: v for k, v in sorted(summary.items())})
    log("train photos %d, panel crops %d, validation photos %d" % (len(train_imgs), len(panels), len(val_imgs)))
    val_path = os.path.join(WORK, "gaussian8_val.npz")
    if not os.path.isfile(val_path):
        np.savez_compressed(val_path, **gaussian8_set(val_imgs))
    val = dict(np.load(val_path))

    model = UDBDNet(args.width, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    state = {"step": 0, "train_seconds": 0.0, "seed": args.seed, "width": args.width, "crop": args.crop,
             "batch": args.batch, "runs": 0, "data": {"train_photos": len(train_imgs), "panels": len(panels),
                                                      "val_photos": len(val_imgs)}}
    if os.path.isfile(CKPT):
        ck = torch.load(CKPT)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state.update({k: v for k, v in ck["state"].items() if k != "data"})
        log("resumed from %s at step %d, %.1f min trained" % (CKPT, state["step"], state["train_seconds"] / 60))
    state["runs"] += 1
    log("parameters: %d (kernel net %d, deconvolution net %d)" % (
        count_parameters(model), count_parameters(model.kernel_net), count_parameters(model.deconv_net)))

    sampler = TrainSampler(train_imgs + panels, args.crop, args.seed + 7919 * state["runs"] + state["step"])
    torch.manual_seed(args.seed + state["step"])
    budget = args.minutes * 60
    stage1_s = STAGE1_FRACTION * budget
    last_ckpt = last_val = time.time()
    losses = []
    model.train()
    while state["train_seconds"] < budget:
        t0 = time.time()
        stage = 1 if state["train_seconds"] < stage1_s else 2
        frac = (state["train_seconds"] - stage1_s) / max(budget - stage1_s, 1) if stage == 2 else 0
        for g in opt.param_groups:
            g["lr"] = lr_at(stage, frac)
        blurred, sharp, k = sampler.batch(args.batch)
        if stage == 1:
            restored, est = model(blurred, kernel=k)
            l_img = F.l1_loss(restored, sharp)
            l_k = kernel_l1(est, k)
            l_2 = torch.zeros(())
        else:
            restored, est = model(blurred)
            l_img = F.l1_loss(restored, sharp)
            l_k = kernel_l1(est, k)
            half = args.batch // 2
            second, _ = model(restored[:half])
            l_2 = F.l1_loss(second, sharp[:half])
        loss = l_img + KERNEL_LOSS_WEIGHT * l_k + l_2
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        state["step"] += 1
        state["train_seconds"] += time.time() - t0
        losses.append((l_img.item(), l_k.item(), l_2.item()))
        if state["step"] % 20 == 0:
            m = np.mean(losses, axis=0)
            losses = []
            log("step %d stage %d lr %.2e  L1 %.4f  kernelL1 %.3f  pass2 L1 %.4f  %.2f s/step  %.1f/%.0f min" % (
                state["step"], stage, opt.param_groups[0]["lr"], m[0], m[1], m[2], time.time() - t0,
                state["train_seconds"] / 60, args.minutes))
        if time.time() - last_ckpt > args.ckpt_minutes * 60:
            save(model, opt, state)
            last_ckpt = time.time()
        if time.time() - last_val > args.val_minutes * 60:
            pin, p1, p3 = validate(model, val)
            log("val (2 crops x Gaussian8): input %.2f dB  pass1 %.2f dB  pass3 %.2f dB" % (pin, p1, p3))
            last_val = time.time()
    save(model, opt, state)
    pin, p1, p3 = validate(model, val)
    log("done: step %d, %.1f min trained; val input %.2f pass1 %.2f pass3 %.2f dB" % (
        state["step"], state["train_seconds"] / 60, pin, p1, p3))
    if not args.no_export:
        from export_udbd import export
        export(CKPT, log=log)


if __name__ == "__main__":
    main()
