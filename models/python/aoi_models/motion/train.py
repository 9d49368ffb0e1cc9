"""Trains the three-frame motion deblurring network on CPU within a wall-time budget, with checkpoint and
resume in models/python/work/motion/.

    (from models/python) /usr/bin/python3 -m aoi_models.motion.train --minutes 55 --threads 1

Generator loss (per step):
    10 * (MSE(P0, S0) + MSE(E0, S0)) + 5 * perceptual(E0, S0) [+ 2 * detail-weighted L1(E0, S0)]
    + w_adv(t) * LSGAN(D(E0))
perceptual = MSE of VGG19 relu3_3 features when --vgg19 PATH (a torchvision vgg19 state dict) is given,
otherwise the documented substitute: mean L1 difference of horizontal and vertical image gradients.
w_adv is 0 before --adv-start (fraction of the budget) and --adv-weight after it. The discriminator is
trained only from then on. Learning rate follows a cosine over the budget.

Samples built like real exposure, drawn on the fly (aoi_models.motion.exposure_train): --linescan-share of each
batch from the --linescan strips' first 80 % of rows (blur along y by true exposure integration, contiguous and
video-like frames; the validation crops then come from their last 20 %), --photo-share from camera paths over the
training photographs (21 sub-positions per frame); the rest from the triplet sets of --data. Their inputs get read
noise uniform in [--noise-min, --noise-max] and 8-bit quantisation (the triplet sets only when --noise-max is above
0). --init-onnx starts from the weights of an exported graph (the shipped model, say).
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from ..common.losses import image_l1
from ..common.metrics import psnr
from ..common.paths import WORK as WORK_ROOT
from . import net
from .exposure_train import LineScanSampler, PhotoPathSampler, sensor_noise

WORK = os.path.join(WORK_ROOT, "motion")
DETAIL_L1_FACTOR = 2.0  # weight of the detail-weighted L1 term (--detail-weight above 0) in the generator loss


def gradient_loss(a, b):
    dxa, dya = a[..., :, 1:] - a[..., :, :-1], a[..., 1:, :] - a[..., :-1, :]
    dxb, dyb = b[..., :, 1:] - b[..., :, :-1], b[..., 1:, :] - b[..., :-1, :]
    return (dxa - dxb).abs().mean() + (dya - dyb).abs().mean()


class Vgg19Relu33(torch.nn.Module):
    """VGG19 features up to relu3_3, weights from a torchvision state-dict file, frozen."""

    def __init__(self, path):
        super().__init__()
        import torchvision
        vgg = torchvision.models.vgg19()
        vgg.load_state_dict(torch.load(path, map_location="cpu"))
        self.features = vgg.features[:16].eval()
        for p in self.features.parameters():
            p.requires_grad_(False)
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))

    def forward(self, a, b):
        fa = self.features((a.repeat(1, 3, 1, 1) - self.mean) / self.std)
        fb = self.features((b.repeat(1, 3, 1, 1) - self.mean) / self.std)
        return F.mse_loss(fa, fb)


def load_set(paths):
    """Concatenates the named triplet sets (all of one crop size)."""
    parts = [np.load(p) for p in paths if os.path.exists(p)]
    if not parts:
        raise SystemExit("no triplet set found among %s; run aoi_models.motion.make_dataset first" % paths)
    return {k: np.concatenate([d[k] for d in parts]) for k in ("prev", "current", "next", "sharp")}


def augment(stack, rng, transpose=True):
    """Flips, transposition (not for line-scan samples, whose blur runs along y) and time reversal."""
    if rng.random() < 0.5:
        stack = stack[:, :, ::-1]
    if rng.random() < 0.5:
        stack = stack[:, ::-1, :]
    if transpose and rng.random() < 0.5:
        stack = stack.transpose(0, 2, 1)
    if rng.random() < 0.5:  # time reversal: the blur is symmetric, neighbours swap
        stack = stack[[2, 1, 0, 3]]
    return stack


def sample_batch(data, rng, batch, crop, drawn=(), noise=(0.0, 0.0)):
    """A batch of (prev, current, next, sharp) tensors [batch, 1, crop, crop]. drawn: (share, sampler,
    transpose) triples of on-the-fly samplers; the rest of the batch comes from the triplet set `data`."""
    out = np.empty((4, batch, 1, crop, crop), dtype=np.float32)
    for j in range(batch):
        u, sampler = rng.random(), None
        for share, candidate, transpose in drawn:
            if u < share:
                sampler = candidate
                break
            u -= share
        if sampler is not None:
            stack = augment(np.stack(sampler.sample()[:4]), rng, transpose=transpose)
        else:
            n, h, w = data["sharp"].shape
            i = rng.integers(n)
            y, x = rng.integers(h - crop + 1), rng.integers(w - crop + 1)
            stack = np.stack([data[k][i, y:y + crop, x:x + crop] for k in ("prev", "current", "next", "sharp")])
            if noise[1] > 0:
                stack = np.stack(sensor_noise(list(stack[:3].astype(np.float32)), rng, *noise)
                                 + [stack[3].astype(np.float32)])
            stack = augment(stack, rng)
        out[:, j, 0] = stack
    return [torch.from_numpy(a) for a in out]


def load_strips(paths, part):
    """Grey strips in [0, 1]; part "train" keeps the first 80 % of rows, "val" the rest."""
    from .sequences import load_strip
    strips = []
    for path in paths:
        strip = load_strip(path)
        cut = int(strip.shape[0] * 0.8)
        strips.append(strip[:cut] if part == "train" else strip[cut:])
    return strips


def linescan_val(paths, frame_px, count=12, crop=128, seed=99):
    """A fixed validation set of line-scan samples from the strips' last 20 % of rows."""
    sampler = LineScanSampler(load_strips(paths, "val"), crop, seed, frame_px=frame_px)
    samples = [sampler.sample() for _ in range(count)]
    return {k: np.stack([s[i] for s in samples]) for i, k in enumerate(("prev", "current", "next", "sharp"))}


def validate(model, val, count=12, crop=128):
    model.eval()
    with torch.no_grad():
        sl = slice(0, count)
        c0 = (val["sharp"].shape[1] - crop) // 2
        t = [torch.from_numpy(val[k][sl, c0:c0 + crop, c0:c0 + crop].astype(np.float32))[:, None]
             for k in ("prev", "current", "next", "sharp")]
        e0, p0 = model(t[0], t[1], t[2])
        res = tuple(psnr(x.numpy(), t[3].numpy(), clip=True) for x in (t[1], p0, e0))
    model.train()
    return res


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=55, help="total training wall time, across resumes")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--base", type=int, default=8, help="base filters (published 32)")
    p.add_argument("--res", type=int, default=1, help="ResBlocks per level (published 3)")
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--crop", type=int, default=80)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--adv-start", type=float, default=0.5, help="fraction of the budget before LSGAN starts")
    p.add_argument("--adv-weight", type=float, default=1e-3, help="adversarial weight after the warm-up")
    p.add_argument("--vgg19", help="torchvision VGG19 state dict for the relu3_3 perceptual loss")
    p.add_argument("--linescan", nargs="*", default=[], help="panel strips (PGM) for line-scan samples")
    p.add_argument("--linescan-share", type=float, default=0.0, help="share of each batch from --linescan")
    p.add_argument("--photo-share", type=float, default=0.0,
                   help="share of each batch from camera paths over the training photographs, true integration")
    p.add_argument("--frame-px", type=int, default=512, help="frame height between contiguous line-scan frames")
    p.add_argument("--noise-min", type=float, default=0.004,
                   help="least read noise of the drawn samples (and of --data with --noise-max)")
    p.add_argument("--noise-max", type=float, default=0.0,
                   help="most read noise added to every training input (0: none, as for the shipped model)")
    p.add_argument("--detail-weight", type=float, default=0.0,
                   help="adds %g x the detail-weighted L1 of the output (common.losses.image_l1) with this weight; "
                        "0: off, as for the base model" % DETAIL_L1_FACTOR)
    p.add_argument("--init-onnx", help="start from the weights of this exported motion graph")
    p.add_argument("--data", nargs="*", default=[os.path.join(WORK, "data"), os.path.join(WORK, "data_panel")],
                   help="folders with train.npz/val.npz from make_dataset.py (missing ones are skipped)")
    p.add_argument("--work", default=WORK)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--fresh", action="store_true", help="ignore an existing checkpoint")
    args = p.parse_args(argv)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.work, exist_ok=True)
    ckpt_path = os.path.join(args.work, "checkpoint.pt")
    log_path = os.path.join(args.work, "train_log.jsonl")

    if args.linescan_share > 0 and not args.linescan:
        raise SystemExit("--linescan-share %g needs --linescan strips" % args.linescan_share)
    if min(args.linescan_share, args.photo_share) < 0 or args.linescan_share + args.photo_share > 1:
        raise SystemExit("--linescan-share %g and --photo-share %g: each at least 0, together at most 1"
                         % (args.linescan_share, args.photo_share))
    noise_max = max(args.noise_max, args.noise_min)
    drawn = []
    if args.linescan_share > 0:
        drawn.append((args.linescan_share, LineScanSampler(
            load_strips(args.linescan, "train"), args.crop, args.seed + 1, frame_px=args.frame_px,
            noise_min=args.noise_min, noise_max=noise_max), False))
    if args.photo_share > 0:
        from .sequences import load_grey, split_photos
        photos = [load_grey(p, max_side=1000) for p in split_photos("train")]
        drawn.append((args.photo_share, PhotoPathSampler(photos, args.crop, args.seed + 2,
                                                         noise_min=args.noise_min, noise_max=noise_max), True))
    on_the_fly = args.linescan_share + args.photo_share
    train = None if on_the_fly >= 1 else load_set([os.path.join(d, "train.npz") for d in args.data])
    val = linescan_val(args.linescan, args.frame_px) if args.linescan else load_set(
        [os.path.join(d, "val.npz") for d in args.data[:1]])
    print("training triplets: %s, line-scan share %.2f, photo-path share %.2f, validation triplets: %d" % (
        "none" if train is None else len(train["sharp"]), args.linescan_share, args.photo_share,
        len(val["sharp"])), flush=True)
    model = net.MotionDeblurNet(args.base, args.res)
    if args.init_onnx and (args.fresh or not os.path.exists(ckpt_path)):
        from .evaluate import load_onnx_weights
        model, _ = load_onnx_weights(args.init_onnx)
        model.train()
        print("started from the weights of %s" % args.init_onnx, flush=True)
    disc = net.Discriminator()
    opt_g = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999))
    opt_d = torch.optim.Adam(disc.parameters(), lr=args.lr, betas=(0.5, 0.999))
    perceptual = Vgg19Relu33(args.vgg19) if args.vgg19 else None
    perceptual_name = "vgg19-relu3_3 (%s)" % args.vgg19 if args.vgg19 else "gradient-l1"
    step, elapsed = 0, 0.0
    rng = np.random.default_rng(args.seed)
    if os.path.exists(ckpt_path) and not args.fresh:
        ck = torch.load(ckpt_path, map_location="cpu")
        model.load_state_dict(ck["model"])
        disc.load_state_dict(ck["disc"])
        opt_g.load_state_dict(ck["opt_g"])
        opt_d.load_state_dict(ck["opt_d"])
        step, elapsed = ck["step"], ck["elapsed_s"]
        rng = np.random.default_rng(args.seed + step)
        print("resumed at step %d, %.1f min used" % (step, elapsed / 60), flush=True)
    budget = args.minutes * 60.0
    config = {"base": args.base, "res": args.res, "batch": args.batch, "crop": args.crop, "lr": args.lr,
              "adv_start": args.adv_start, "adv_weight": args.adv_weight, "perceptual": perceptual_name,
              "threads": args.threads, "minutes": args.minutes,
              "train_triplets": 0 if train is None else int(len(train["sharp"])), "data": args.data,
              "linescan": args.linescan, "linescan_share": args.linescan_share, "photo_share": args.photo_share,
              "frame_px": args.frame_px, "noise_min": args.noise_min, "noise_max": args.noise_max,
              "detail_weight": args.detail_weight, "init_onnx": args.init_onnx}

    def save(path):
        torch.save({"model": model.state_dict(), "disc": disc.state_dict(), "opt_g": opt_g.state_dict(),
                    "opt_d": opt_d.state_dict(), "step": step, "elapsed_s": elapsed, "config": config},
                   path + ".tmp")
        os.replace(path + ".tmp", path)

    start = time.time() - elapsed
    last_save = last_val = time.time()
    run_loss = {}
    while True:
        elapsed = time.time() - start
        if elapsed >= budget:
            break
        frac = elapsed / budget
        lr = 1e-5 + 0.5 * (args.lr - 1e-5) * (1 + math.cos(math.pi * frac))
        for g in opt_g.param_groups + opt_d.param_groups:
            g["lr"] = lr
        adv_on = frac >= args.adv_start
        bp, b0, bn, s0 = sample_batch(train, rng, args.batch, args.crop, drawn, (args.noise_min, args.noise_max))
        e0, p0 = model(bp, b0, bn)
        l_mse = F.mse_loss(p0, s0) + F.mse_loss(e0, s0)
        l_perc = perceptual(e0, s0) if perceptual is not None else gradient_loss(e0, s0)
        loss = 10 * l_mse + 5 * l_perc
        if args.detail_weight > 0:  # weak particles' relief counts as much as the smooth areas
            loss = loss + DETAIL_L1_FACTOR * image_l1(e0, s0, args.detail_weight)
        l_adv = torch.zeros(())
        if adv_on:
            l_adv = 0.5 * ((disc(e0) - 1) ** 2).mean()
            loss = loss + args.adv_weight * l_adv
        opt_g.zero_grad()
        loss.backward()
        opt_g.step()
        l_d = torch.zeros(())
        if adv_on:
            l_d = 0.5 * ((disc(s0) - 1) ** 2).mean() + 0.5 * (disc(e0.detach()) ** 2).mean()
            opt_d.zero_grad()
            l_d.backward()
            opt_d.step()
        step += 1
        for k, v in (("mse", l_mse), ("perc", l_perc), ("adv", l_adv), ("d", l_d)):
            run_loss[k] = 0.95 * run_loss.get(k, float(v)) + 0.05 * float(v)
        now = time.time()
        if now - last_val > 300 or step == 1:
            bl, s1, full = validate(model, val)
            rec = {"step": step, "min": round((now - start) / 60, 2),
                   "eta_min": round(max(0.0, budget - (now - start)) / 60, 2), "lr": lr, "adv_on": adv_on,
                   **{k: round(v, 6) for k, v in run_loss.items()},
                   "val_psnr_blurred": round(bl, 3), "val_psnr_stage1": round(s1, 3),
                   "val_psnr_full": round(full, 3)}
            print(json.dumps(rec), flush=True)
            with open(log_path, "a") as fh:
                fh.write(json.dumps(rec) + "\n")
            last_val = time.time()
        if now - last_save > 180:
            elapsed = time.time() - start
            save(ckpt_path)
            last_save = time.time()
    elapsed = min(time.time() - start, budget)
    save(ckpt_path)
    torch.save({"model": model.state_dict(), "config": config, "step": step, "elapsed_s": elapsed},
               os.path.join(args.work, "motion-final.pt"))
    bl, s1, full = validate(model, val)
    rec = {"final": True, "step": step, "min": round(elapsed / 60, 2), "val_psnr_blurred": round(bl, 3),
           "val_psnr_stage1": round(s1, 3), "val_psnr_full": round(full, 3), **config}
    print(json.dumps(rec), flush=True)
    with open(log_path, "a") as fh:
        fh.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
