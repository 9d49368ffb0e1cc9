"""Prepare data, train UDBD-Net (stage 1: kernel net and deconvolution net separately, stage 2: jointly with a
second-pass loss) within a time budget, checkpoint and resume, then export ONNX.

Usage (from models/python), on the CPU with Debian's python3-torch:
    /usr/bin/python3 -m aoi_models.udbd.train --minutes 75 --threads 2

On a GPU machine that lacks the Debian image packages, write the data pack here first and train from it there:
    /usr/bin/python3 -m aoi_models.udbd.train --pack-only
    python3 -m aoi_models.udbd.train --data work/udbd-data.npz --device cuda --run udbd-gpu \
        --width 24 --blocks 1,2,4 --crop 256 --batch 16 --minutes 24.5 --stop-after-minutes 8.6 --no-export

Re-running the same command resumes from models/python/work/RUN/ckpt.pt (RUN defaults to udbd); the budget
counts training time across runs, --stop-after-minutes ends one run early (checkpointed) so that a long budget
can be spent in several sittings. Logs go to models/python/work/RUN/train.log.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from ..common.losses import image_l1, relief_l1
from ..common.metrics import psnr
from ..common.paths import WORK
from ..common.photos import SPLIT_POLICY, load_photos
from ..common.simulator import ensure_panels
from .data import (MAX_TRAIN_SIGMA, READ_NOISE_MAX, SIGMA_MAX, TrainSampler, gaussian8_set, gaussian_kernel,
                   load_panels, read_pack, write_pack)
from .model import KERNEL_RADIUS, build_model, count_parameters

PACK = os.path.join(WORK, "udbd-data.npz")
STAGE1_FRACTION = 0.3
KERNEL_LOSS_WEIGHT = 0.1


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=75, help="training time budget, summed over resumed runs")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--crop", type=int, default=128)
    p.add_argument("--width", type=int, default=12, help="channels of the deconvolution net (new runs only)")
    p.add_argument("--kernel-width", type=int, default=None, help="channels of the kernel net (default: width)")
    p.add_argument("--blocks", default="1,1,1", help="NAFNet blocks per encoder level (new runs only)")
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--read-noise-max", type=float, default=READ_NOISE_MAX,
                   help="largest read-noise standard deviation in training, fraction of full scale (new runs only)")
    p.add_argument("--read-noise-min", type=float, default=0.0,
                   help="least training read noise (new runs only); a station's own noise level, say")
    p.add_argument("--clean-share", type=float, default=0.0,
                   help="share of training samples with no noise at all, only 8-bit quantisation (new runs only)")
    p.add_argument("--noise-input", action="store_true",
                   help="give the deconvolution net the input's noise level (model.NoiseLevel) to steer C_i and the"
                        " refinement; a fine-tune (--init) of a model without it starts from that model's function")
    p.add_argument("--sigma-max", type=float, default=SIGMA_MAX,
                   help="largest training defocus sigma in px, above 1 and at most %g (new runs only)" % MAX_TRAIN_SIGMA)
    p.add_argument("--fixed-illumination", action="store_true",
                   help="panel crops keep the station's illumination direction: no rotations or left-right "
                        "mirroring (new runs only)")
    p.add_argument("--detail-weight", type=float, default=0.0,
                   help="extra L1 weight on fine detail of the sharp crop, see image_l1 (new runs only)")
    p.add_argument("--relief-weight", type=float, default=0.0,
                   help="weight of relief_l1, the particle matched-filter response error (new runs only)")
    p.add_argument("--lr", type=float, default=5e-4, help="peak learning rate of stage 2 (new runs only)")
    p.add_argument("--stage1-fraction", type=float, default=STAGE1_FRACTION,
                   help="share of the budget for stage 1 (new runs only; 0 for a fine-tune)")
    p.add_argument("--panel-share", type=float, default=None,
                   help="share of samples from simulated panel crops (default: by image area, about a third)")
    p.add_argument("--extra-passes", type=int, default=1,
                   help="stage 2 also scores passes 2 .. 1+N on half of each batch (new runs only)")
    p.add_argument("--kernel-identity", action="store_true",
                   help="train only the kernel net: the true kernel on blurred crops and the identity on the "
                        "frozen model's own pass-1 output, so that repeated passes change a restored frame little")
    p.add_argument("--kernel-from", default=None,
                   help="new runs only: copy the kernel net of this checkpoint and keep it frozen; only the "
                        "deconvolution net (of --width and --blocks) trains, fed that net's estimated kernels")
    p.add_argument("--slim", action="store_true",
                   help="with --kernel-from: start the deconvolution net from that checkpoint's leading channels "
                        "(slim.py) instead of at random")
    p.add_argument("--init", default=None,
                   help="start a new run from this checkpoint's weights and architecture (a fine-tune)")
    p.add_argument("--run", default="udbd", help="run folder under models/python/work")
    p.add_argument("--data", default=None, help="train from this data pack instead of the Debian packages")
    p.add_argument("--pack-only", action="store_true", help="write the data pack to %s and stop" % PACK)
    p.add_argument("--stop-after-minutes", type=float, default=None, help="wall-clock limit of this run")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--ckpt-minutes", type=float, default=3)
    p.add_argument("--val-minutes", type=float, default=15)
    p.add_argument("--panels", type=int, default=300, help="simulated ACF panel crops to render")
    p.add_argument("--panel-shear-deg", default="0",
                   help="DIC shear directions of the panel crops, degrees from +x, comma-separated: --panels crops "
                        "lit from the first (seed 7), a third as many from each further one (seeds 8, 9, ...); "
                        "with more than 0 the relief loss also looks across x (new runs only)")
    p.add_argument("--no-export", action="store_true")
    return p.parse_args(argv)


class Log:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)

    def __call__(self, msg):
        line = time.strftime("%Y-%m-%d %H:%M:%S ") + msg
        print(line, flush=True)
        self.f.write(line + "\n")


def kernel_l1(est, true):
    return (est - true).abs().sum(dim=(1, 2, 3)).mean()


def validate(model, val, device, crops=2):
    """PSNR on the first `crops` validation crops for every Gaussian8 sigma, passes 1 and 3."""
    model.eval()
    p1, p3, pin = [], [], []
    with torch.no_grad():
        sharp = torch.from_numpy(val["sharp"][:crops])
        for i in range(len(val["sigmas"])):
            x = torch.from_numpy(val["blurred"][i, :crops]).to(device)
            y1, _ = model(x)
            y2, _ = model(y1)
            y3, _ = model(y2)
            x, y1, y3 = (t.cpu().numpy() for t in (x, y1, y3))
            pin.append(np.mean([psnr(a, b) for a, b in zip(x, sharp.numpy())]))
            p1.append(np.mean([psnr(a, b) for a, b in zip(y1, sharp.numpy())]))
            p3.append(np.mean([psnr(a, b) for a, b in zip(y3, sharp.numpy())]))
    model.train()
    return float(np.mean(pin)), float(np.mean(p1)), float(np.mean(p3))


def lr_at(stage, frac_in_stage, peak):
    if stage == 1:
        return 1e-3
    return 1e-5 + 0.5 * (peak - 1e-5) * (1 + math.cos(math.pi * min(frac_in_stage, 1.0)))


def save(path, model, opt, state):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, tmp)
    os.replace(tmp, path)


def panel_shears(text):
    """The --panel-shear-deg list as floats, each -360 to 360."""
    shears = [float(v) for v in text.split(",")]
    for v in shears:
        if not -360 <= v <= 360:
            raise ValueError("--panel-shear-deg %g; allowed: -360 to 360" % v)
    return shears


def load_data(args, log):
    """(training photos, panel crops, validation dict, summary) from the data pack or the Debian packages."""
    if args.data:
        photos, panels, val = read_pack(args.data)
        log("data pack %s: train photos %d, panel crops %d, validation crops %d" % (
            args.data, len(photos), len(panels), val["sharp"].shape[0]))
        return photos, panels, val, {"train_photos": len(photos), "panels": len(panels), "pack": args.data}
    train_imgs, val_imgs, summary = load_photos(args.crop + 2 * KERNEL_RADIUS)
    panels = []
    for i, shear in enumerate(panel_shears(args.panel_shear_deg)):
        folder = "panels" if shear == 0 and i == 0 else "panels-shear%g-seed%d" % (shear, 7 + i)
        panels += load_panels(ensure_panels(os.path.join(WORK, folder), count=args.panels if i == 0 else
                                            max(1, args.panels // 3), seed=7 + i, log=log, shear_deg=shear))
    log("photos per package/split: %s" % {"%s/%s" % k: v for k, v in sorted(summary.items())})
    log("train photos %d, panel crops %d, validation photos %d" % (len(train_imgs), len(panels), len(val_imgs)))
    val_path = os.path.join(WORK, "gaussian8_val_%s.npz" % SPLIT_POLICY)
    if not os.path.isfile(val_path):
        np.savez_compressed(val_path, **gaussian8_set(val_imgs))
    val = dict(np.load(val_path))
    return train_imgs, panels, val, {"train_photos": len(train_imgs), "panels": len(panels),
                                      "val_photos": len(val_imgs)}


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    run_dir = os.path.join(WORK, args.run)
    ckpt_path = os.path.join(run_dir, "ckpt.pt")
    os.makedirs(run_dir, exist_ok=True)
    log = Log(os.path.join(run_dir, "train.log"))
    log("start: %s" % json.dumps(vars(args)))
    photos, panels, val, data_summary = load_data(args, log)
    if args.pack_only:
        write_pack(PACK, photos, panels, val)
        log("wrote %s (%.1f MB)" % (PACK, os.path.getsize(PACK) / 1e6))
        return
    device = torch.device(args.device)
    if device.type == "cuda":
        log("device: %s" % torch.cuda.get_device_name(device))

    blocks = [int(b) for b in args.blocks.split(",")]
    state = {"step": 0, "train_seconds": 0.0, "seed": args.seed, "width": args.width,
             "kernel_width": args.kernel_width or args.width, "blocks": blocks, "crop": args.crop,
             "batch": args.batch, "runs": 0, "data": data_summary, "hardware": [], "lr": args.lr,
             "stage1_fraction": args.stage1_fraction, "extra_passes": args.extra_passes,
             "kernel_identity": args.kernel_identity,
             "panel_share": args.panel_share,
             "read_noise_max": args.read_noise_max, "read_noise_min": args.read_noise_min,
             "fixed_illumination": args.fixed_illumination, "detail_weight": args.detail_weight,
             "relief_weight": args.relief_weight, "sigma_max": args.sigma_max, "split_policy": SPLIT_POLICY,
             "panel_shear_deg": panel_shears(args.panel_shear_deg),
             "clean_share": args.clean_share,
             "noise_input": args.noise_input}
    ck = torch.load(ckpt_path, map_location="cpu") if os.path.isfile(ckpt_path) else None
    init = torch.load(args.init, map_location="cpu") if args.init and not ck else None
    if ck:
        state.update({k: v for k, v in ck["state"].items() if k != "data"})
        state["split_policy"] = ck["state"].get("split_policy", "legacy")
    if init:
        # a fine-tune inherits what its start saw: a legacy start keeps the model marked legacy
        if init["state"].get("split_policy", "legacy") != SPLIT_POLICY:
            state["split_policy"] = "legacy"
        state.update({k: init["state"][k] for k in ("width", "kernel_width", "blocks", "kernel_from")
                      if k in init["state"]})  # a start with a frozen kernel net keeps it frozen
        state["noise_input"] = args.noise_input or bool(init["state"].get("noise_input"))
        state["init"] = {"checkpoint": args.init, "step": init["state"]["step"],
                         "train_seconds": init["state"]["train_seconds"], "hardware": init["state"].get("hardware")}
    if args.kernel_from and not ck:
        teacher = torch.load(args.kernel_from, map_location="cpu")
        state["kernel_width"] = teacher["state"].get("kernel_width", teacher["state"]["width"])
        state["kernel_from"] = {"checkpoint": args.kernel_from, "step": teacher["state"]["step"]}
        if teacher["state"].get("split_policy", "legacy") != SPLIT_POLICY:
            state["split_policy"] = "legacy"
    model = build_model(state).to(device)
    if args.kernel_from and not ck:
        prefix = "kernel_net."
        model.kernel_net.load_state_dict({k[len(prefix):]: v for k, v in teacher["model"].items()
                                          if k.startswith(prefix)})
        log("kernel net from %s (step %d), frozen" % (args.kernel_from, teacher["state"]["step"]))
        if args.slim:
            from .slim import slim_state
            model.load_state_dict(slim_state(teacher["model"], model))
            state["kernel_from"]["slim"] = True
            log("deconvolution net started from its leading channels")
    if state.get("kernel_from"):
        for p in model.kernel_net.parameters():
            p.requires_grad_(False)
    if state["kernel_identity"]:
        for p in model.deconv_net.parameters():
            p.requires_grad_(False)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    if init:
        missing, unexpected = model.load_state_dict(init["model"], strict=False)
        new = [k for k in missing if state["noise_input"] and not init["state"].get("noise_input")
               and k.startswith(("deconv_net.c_noise.", "deconv_net.intro_noise."))]
        if unexpected or len(new) != len(missing):
            raise ValueError("%s does not fit this model: missing %s, unexpected %s"
                             % (args.init, sorted(set(missing) - set(new)), sorted(unexpected)))
        log("fine-tune from %s (step %d)%s" % (args.init, init["state"]["step"],
                                               "; noise input added, zero at first" if new else ""))
    if ck:
        model.load_state_dict(ck["model"])
        if "opt" in ck:  # a released checkpoint has no optimiser state
            opt.load_state_dict(ck["opt"])
        log("resumed from %s at step %d, %.1f min trained" % (ckpt_path, state["step"], state["train_seconds"] / 60))
    state["runs"] += 1
    hardware = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu x%d threads" % args.threads
    state["hardware"].append(hardware)
    log("run (from its first start or the checkpoint, not this command's defaults): %s" % json.dumps(
        {k: state.get(k) for k in ("width", "kernel_width", "blocks", "crop", "batch", "lr", "stage1_fraction",
                                   "extra_passes", "read_noise_min", "read_noise_max", "fixed_illumination",
                                   "detail_weight", "relief_weight", "panel_share", "sigma_max", "clean_share",
                                   "noise_input", "panel_shear_deg",
                                   "init")}))
    log("parameters: %d (kernel net %d, deconvolution net %d)" % (
        count_parameters(model), count_parameters(model.kernel_net), count_parameters(model.deconv_net)))

    sampler = TrainSampler(photos, state["crop"], args.seed + 7919 * state["runs"] + state["step"],
                           read_noise_max=state["read_noise_max"], panels=panels, panel_share=state["panel_share"],
                           read_noise_min=state["read_noise_min"],
                           fixed_illumination=state["fixed_illumination"],
                           sigma_max=state.get("sigma_max", SIGMA_MAX),
                           clean_share=state.get("clean_share", 0.0))
    torch.manual_seed(args.seed + state["step"])
    budget = args.minutes * 60
    stage1_s = state["stage1_fraction"] * budget
    relief_across = any(v != 0 for v in state.get("panel_shear_deg", [0]))  # panels lit off +x: look along y too
    last_ckpt = last_val = run_start = time.time()
    stop_at = run_start + args.stop_after_minutes * 60 if args.stop_after_minutes else float("inf")
    losses = []
    model.train()
    while state["train_seconds"] < budget and time.time() < stop_at:
        t0 = time.time()
        stage = 1 if state["train_seconds"] < stage1_s else 2
        frac = (state["train_seconds"] - stage1_s) / max(budget - stage1_s, 1) if stage == 2 else 0
        for g in opt.param_groups:
            g["lr"] = lr_at(stage, frac, state["lr"])
        blurred, sharp, k = sampler.batch(state["batch"], device)
        if state["kernel_identity"]:
            with torch.no_grad():
                restored, _ = model(blurred)
            l_img = torch.zeros((), device=device)
            l_k = kernel_l1(model.kernel_net(blurred), k)
            identity = torch.from_numpy(gaussian_kernel(0.0)).to(device).expand_as(k)
            l_2 = KERNEL_LOSS_WEIGHT * kernel_l1(model.kernel_net(restored), identity)
        elif stage == 1:
            restored, est = model(blurred, kernel=k)
            l_img = image_l1(restored, sharp, state["detail_weight"])
            l_k = kernel_l1(est, k)
            l_2 = torch.zeros((), device=device)
        else:
            restored, est = model(blurred)
            l_img = image_l1(restored, sharp, state["detail_weight"])
            if state.get("relief_weight"):
                l_img = l_img + state["relief_weight"] * relief_l1(restored, sharp, relief_across)
            l_k = kernel_l1(est, k)
            half = state["batch"] // 2
            again = restored[:half]
            l_2 = torch.zeros((), device=device)
            for _ in range(state["extra_passes"]):  # repeated passes must keep a sharp frame sharp
                again, _ = model(again)
                l_2 = l_2 + F.l1_loss(again, sharp[:half])
        loss = l_img + KERNEL_LOSS_WEIGHT * l_k + l_2
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        state["step"] += 1
        losses.append((l_img.item(), l_k.item(), l_2.item()))  # waits for the device, so the time below is true
        state["train_seconds"] += time.time() - t0
        if state["step"] % 20 == 0:
            m = np.mean(losses, axis=0)
            losses = []
            log("step %d stage %d lr %.2e  L1 %.4f  kernelL1 %.3f  later passes L1 %.4f  %.2f s/step  %.1f/%.0f min,"
                " ETA %.1f min" % (state["step"], stage, opt.param_groups[0]["lr"], m[0], m[1], m[2], time.time() - t0,
                                  state["train_seconds"] / 60, args.minutes,
                                  max(0.0, args.minutes - state["train_seconds"] / 60)))
        if time.time() - last_ckpt > args.ckpt_minutes * 60:
            save(ckpt_path, model, opt, state)
            last_ckpt = time.time()
        if time.time() - last_val > args.val_minutes * 60:
            pin, p1, p3 = validate(model, val, device)
            log("val (2 crops x Gaussian8): input %.2f dB  pass1 %.2f dB  pass3 %.2f dB" % (pin, p1, p3))
            last_val = time.time()
    save(ckpt_path, model, opt, state)
    pin, p1, p3 = validate(model, val, device)
    log("%s: step %d, %.1f min trained; val input %.2f pass1 %.2f pass3 %.2f dB" % (
        "done" if state["train_seconds"] >= budget else "paused", state["step"], state["train_seconds"] / 60,
        pin, p1, p3))
    if state["train_seconds"] >= budget and not args.no_export:
        from .export import export
        export(ckpt_path, log=log)


if __name__ == "__main__":
    main()
