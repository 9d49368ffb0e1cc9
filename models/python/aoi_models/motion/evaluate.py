"""PSNR/SSIM on the held-out validation triplets (photos of the val split of aoi_models.common.photos, and the
validation rows of the panel strip) for: the blurred input, stage 1 alone (single frame), the full
three-frame network and, when its ONNX file is given and exists, UDBD-Net on the centre frame.
Also times the full network in PyTorch on CPU.

    (from models/python) /usr/bin/python3 -m aoi_models.motion.evaluate --threads 2 \
        [--checkpoint work/motion/motion-final.pt] [--udbd PATH.onnx]

Without the checkpoint file the shipped ONNX graph's weights are loaded into the PyTorch network
(`--onnx`, default the shipped motion-deblur.onnx; the initializers are the state dict).

Validation built like real exposure (`--exposure-set`, written by aoi_models.motion.exposure_set): every sequence is
scored in four arms on the same scenes, motion and targets: flow-interpolated blur (the training recipe)
and true exposure integration, each without and with sensor noise (`--noise`, default 0.004, the same
seeded noise in both), for the three middle frames of five (each with both neighbours); rows blurred input,
stage 1 alone, the full network and UDBD-Net 1 pass (PyTorch, `--udbd-ckpt`). Photos are also scored in
colour, channel by channel. PSNR excludes an 8 px border.

Line-scan geometry (`--linescan-val STRIP.pgm`, a strip no training used): the frames a station's assembler
delivers, contiguous stretches of the strip `--frame-px` rows apart, each blurred along the scan direction by a
fixed motion length (true integration, the simulator's box) with the station's sensor noise (`--linescan-noise`,
default 0.01); the centre frame scored per length, 0 included (a pass over frames without motion).

Prints Markdown tables and writes them to models/python/work/motion/eval.md.
"""
import argparse
import os
import time

import numpy as np
import torch

from ..common import onnx_numpy
from ..common.metrics import BORDER_PX, psnr, ssim
from ..common.paths import CHECKPOINTS
from . import export as export_motion
from . import net, synthesize

WORK = export_motion.WORK
ARMS = (("flow-interpolated, no noise", "flow", False), ("flow-interpolated + noise", "flow", True),
        ("true integration, no noise", "true", False), ("true integration + noise", "true", True))
METHODS = ("Blurred input", "Stage 1 alone", "Motion model (3 frames)", "UDBD-Net, 1 pass")


def load_onnx_weights(path):
    """The PyTorch network with the weights of an exported graph (its initializers are the state dict of
    export_motion.Exported, prefixed `model.`); base width and ResBlock count are read from the shapes."""
    import onnx
    from onnx import numpy_helper
    inits = {i.name[len("model."):]: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer
             if i.name.startswith("model.")}
    base = inits["stage1.enc.heads.0.0.weight"].shape[0]
    n_res = 1 + max(int(k.split(".")[4]) for k in inits if k.startswith("stage1.enc.blocks.0."))
    model = net.MotionDeblurNet(base, n_res)
    state = model.state_dict()
    missing = sorted(set(state) - set(inits))
    if missing:
        raise ValueError("%s lacks weights for %s" % (path, ", ".join(missing[:5])))
    model.load_state_dict({k: torch.from_numpy(inits[k].copy()) for k in state})
    return model.eval(), {"step": -1, "elapsed_s": float("nan"), "config": {"base": base, "res": n_res}}


def psnr_inner(out, ref):
    """PSNR (dB, data range 1) of `out` clipped to [0, 1], without a BORDER_PX border; grey [H, W] or colour
    [H, W, C]."""
    return psnr(out, ref, border=BORDER_PX, clip=True)


def restore_triplet(model, udbd, bp, b0, bn):
    """(stage 1, full network, UDBD-Net 1 pass or None) for one grey triplet of [H, W] arrays."""
    t = [torch.from_numpy(np.ascontiguousarray(a, np.float32))[None, None] for a in (bp, b0, bn)]
    with torch.no_grad():
        e0, p0 = model(*t)
        u = udbd(t[1])[0][0, 0].numpy() if udbd is not None else None
    return p0[0, 0].numpy(), e0[0, 0].clamp(0, 1).numpy(), u


def noisy(frames, sigma, key):
    """Frames with the sensor noise of sequence `key` (the same draw for every arm)."""
    if not sigma:
        return frames
    return np.stack([synthesize.add_sensor_noise(f, sigma, np.random.default_rng(key + (i,)))
                     for i, f in enumerate(frames)])


def evaluate_exposure(model, udbd, path, sigma, seed, per_kind=None):
    """{kind: {arm: {method: [psnr per triplet]}}}, motion per triplet, and colour rows for photos (centre
    frame of each sequence). per_kind: score only the first that many sequences of each kind. UDBD-Net runs
    on the true-integration arms only (it is a defocus model; the flow arms compare the blur recipes)."""
    d = np.load(path)
    kinds = [str(k) for k in d["kind"]]
    chosen = [i for i, k in enumerate(kinds) if per_kind is None or kinds[:i].count(k) < per_kind]
    res, motion, colour = {}, {}, {m: [] for m in METHODS[:3]}
    for n_done, i in enumerate(chosen):
        kind = kinds[i]
        sharp = d["sharp"][i].astype(np.float32)
        arms = res.setdefault(kind, {a[0]: {m: [] for m in METHODS} for a in ARMS})
        for name, key, with_noise in ARMS:
            blurred = noisy(d[key][i].astype(np.float32), sigma if with_noise else 0, (seed, i))
            for k in (1, 2, 3):
                p0, e0, u = restore_triplet(model, udbd if key == "true" else None, blurred[k - 1], blurred[k],
                                            blurred[k + 1])
                row = arms[name]
                row[METHODS[0]].append(psnr_inner(blurred[k], sharp[k]))
                row[METHODS[1]].append(psnr_inner(p0, sharp[k]))
                row[METHODS[2]].append(psnr_inner(e0, sharp[k]))
                if u is not None:
                    row[METHODS[3]].append(psnr_inner(u, sharp[k]))
        motion.setdefault(kind, []).extend([float(d["motion_px"][i])] * 3)
        if kind == "photo" and "true_rgb" in d.files:
            rgb = d["true_rgb"][i].astype(np.float32)
            rgb = np.stack([noisy(rgb[..., c], sigma, (seed, i, 10 + c)) for c in range(3)], axis=-1)
            target = d["sharp_rgb"][i].astype(np.float32)
            for k in (2,):
                outs = [restore_triplet(model, None, rgb[k - 1, ..., c], rgb[k, ..., c], rgb[k + 1, ..., c])
                        for c in range(3)]
                colour[METHODS[0]].append(psnr_inner(rgb[k], target[k]))
                colour[METHODS[1]].append(psnr_inner(np.stack([o[0] for o in outs], -1), target[k]))
                colour[METHODS[2]].append(psnr_inner(np.stack([o[1] for o in outs], -1), target[k]))
        print("sequence %d (%s), %d/%d done" % (i, kind, n_done + 1, len(chosen)), flush=True)
    return res, motion, colour


def evaluate_linescan(model, strip_path, lengths, count, noise, frame_px, seed=515, crop=160):
    """Markdown rows: per motion length, mean PSNR of the blurred centre frame, stage 1 and the full network
    over `count` contiguous triplets of the strip's rows, and the worst triplet's gain."""
    from .exposure_train import LineScanSampler
    from .sequences import load_strip
    strip = load_strip(strip_path)
    lines = ["| motion (rows) | n | Blurred input | Stage 1 alone | Motion model (3 frames) | model minus input, "
             "mean / worst |", "|---:|---:|---:|---:|---:|---:|"]
    for length in lengths:
        sampler = LineScanSampler([strip], crop, seed, frame_px=frame_px, lengths_px=(length, length),
                                  still_share=0.0, contiguous_share=1.0, noise_min=noise, noise_max=noise)
        scores = []
        for _ in range(count):
            bp, b0, bn, sharp, _ = sampler.sample()
            p0, e0, _ = restore_triplet(model, None, bp, b0, bn)
            scores.append([psnr_inner(b0, sharp), psnr_inner(p0, sharp), psnr_inner(e0, sharp)])
        s = np.array(scores)
        gain = s[:, 2] - s[:, 0]
        lines.append("| %g | %d | %.2f | %.2f | %.2f | %+.2f / %+.2f |" % (
            length, count, s[:, 0].mean(), s[:, 1].mean(), s[:, 2].mean(), gain.mean(), gain.min()))
        print(lines[-1], flush=True)
    return lines


def exposure_tables(res, motion, colour, sigma, photo_split):
    lines = []
    for kind, arms in res.items():
        label = "photographs (%s split)" % photo_split if kind == "photo" else "panel strip, line-scan motion"
        shown = [m for m in METHODS if arms[ARMS[2][0]][m]]
        lines += ["", "| %s, %d triplets | %s |" % (label, len(motion[kind]), " | ".join(shown)),
                  "|---|" + "---|" * len(shown)]
        for name, _, _ in ARMS:
            cells = ["%.2f" % np.mean(arms[name][m]) if arms[name][m] else "-" for m in METHODS
                     if arms[ARMS[2][0]][m]]
            lines.append("| %s | %s |" % (name.replace("+ noise", "+ noise %g" % sigma), " | ".join(cells)))
        true = arms[ARMS[3][0]]
        gain = np.array(true[METHODS[2]]) - np.array(true[METHODS[0]])
        mv = np.array(motion[kind])
        big = mv >= 4
        lines.append("")
        lines.append("%s, true integration + noise: motion model minus blurred input %+.2f dB on average, worst "
                     "triplet %+.2f dB (motion %.1f px), triplets below the input with motion >= 4 px: %d of %d." % (
                         label, gain.mean(), gain.min(), mv[gain.argmin()], int(((gain < 0) & big).sum()),
                         int(big.sum())))
    if colour[METHODS[0]]:
        lines += ["", "| photographs, true integration + noise %g, colour channel by channel, %d centre frames | %s |" % (
            sigma, len(colour[METHODS[0]]), " | ".join(METHODS[:3])), "|---|---|---|---|",
            "| RGB PSNR | %s |" % " | ".join("%.2f" % np.mean(colour[m]) for m in METHODS[:3])]
    return lines


def metrics(out, ref):
    """(PSNR, SSIM) of `out` clipped to [0, 1] against ref, whole frame."""
    return psnr(out, ref, clip=True), ssim(out, ref)


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


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", default=os.path.join(WORK, "motion-final.pt"))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=100, help="triplets per validation set")
    p.add_argument("--udbd", help="UDBD-Net ONNX file (input 'blurred', output 'restored'), one pass on the "
                                  "centre frame, run with the NumPy ONNX interpreter (slow: a separate, smaller "
                                  "comparison)")
    p.add_argument("--udbd-limit", type=int, default=12, help="triplets per set for the UDBD-Net comparison")
    p.add_argument("--udbd-crop", type=int, default=128, help="centre crop for the UDBD-Net comparison")
    p.add_argument("--out", default=os.path.join(WORK, "eval.md"))
    p.add_argument("--time-large", action="store_true", help="also time a whole 2048x512 frame (slow)")
    p.add_argument("--onnx", default=export_motion.MODEL_OUT,
                   help="exported graph whose weights are used when --checkpoint does not exist")
    p.add_argument("--exposure-set", default=os.path.join(WORK, "exposure-val.npz"),
                   help="true-integration validation sequences from aoi_models.motion.exposure_set (skipped "
                        "if absent)")
    p.add_argument("--exposure-per-kind", type=int,
                   help="score the first N photo and the first N strip sequences (default all)")
    p.add_argument("--noise", type=float, default=0.004, help="sensor noise of the noisy arms")
    p.add_argument("--noise-seed", type=int, default=404)
    p.add_argument("--udbd-ckpt", default=os.path.join(CHECKPOINTS, "udbd-net.pt"),
                   help="UDBD-Net PyTorch checkpoint for the exposure set's UDBD-Net row ('' to skip)")
    p.add_argument("--linescan-val", help="panel strip (PGM) for the line-scan arm, rendered with a seed no "
                                          "training strip used (skipped if not given)")
    p.add_argument("--linescan-lengths", default="0,2,4,8,12,16", help="motion lengths of the line-scan arm, rows")
    p.add_argument("--linescan-count", type=int, default=24, help="triplets per length of the line-scan arm")
    p.add_argument("--linescan-noise", type=float, default=0.01, help="sensor noise of the line-scan arm")
    p.add_argument("--frame-px", type=int, default=512, help="rows between contiguous line-scan frames")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    t_start = time.time()
    if os.path.exists(args.checkpoint):
        model, ck = export_motion.load_model(args.checkpoint)
        model_name = args.checkpoint
    else:
        model, ck = load_onnx_weights(args.onnx)
        model_name = args.onnx
    udbd = None
    if args.udbd and os.path.exists(args.udbd):
        import onnx
        udbd_graph = onnx.load(args.udbd)

        def udbd(frame):  # one pass, run by the NumPy ONNX interpreter
            return onnx_numpy.run(udbd_graph, {"blurred": frame[None, None]})["restored"][0, 0]
    sets = [("photos (val split)", os.path.join(WORK, "data", "val.npz")),
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
    if os.path.exists(args.exposure_set):
        udbd_net = None
        if args.udbd_ckpt and os.path.exists(args.udbd_ckpt):
            from ..udbd.export import load as load_udbd
            udbd_net, _ = load_udbd(args.udbd_ckpt, dft="fft")
        res, motion, colour = evaluate_exposure(model, udbd_net, args.exposure_set, args.noise, args.noise_seed,
                                                args.exposure_per_kind)
        lines += ["", "Validation built like real exposure (%s), PSNR dB without an 8 px border, mean over "
                  "the three middle frames of each 5-frame sequence:" % os.path.relpath(args.exposure_set)]
        with np.load(args.exposure_set) as d:
            photo_split = str(d["split"]) if "split" in d.files else "val families (before the package split)"
        lines += exposure_tables(res, motion, colour, args.noise, photo_split)
    if args.linescan_val:
        lines += ["", "Line-scan geometry (%s): contiguous frames %d rows apart, blur along the scan direction, "
                  "noise %g, PSNR dB without an 8 px border, %d centre crops of 160 px per length:" % (
                      os.path.basename(args.linescan_val), args.frame_px, args.linescan_noise,
                      args.linescan_count)]
        lines += evaluate_linescan(model, args.linescan_val, [float(x) for x in args.linescan_lengths.split(",")],
                                   args.linescan_count, args.linescan_noise, args.frame_px)
    t256 = time_model(model, 256, 256)
    t2048 = time_model(model, 512, 2048, repeats=1) if args.time_large else float("nan")
    lines += ["", "Values: PSNR / SSIM (Gaussian window, sigma 1.5) against the sharp frame, 256x256 triplets.",
              "Model: %s (step %d, %.1f training minutes; -1 / nan: weights read from the ONNX graph)." % (
                  os.path.relpath(model_name), ck["step"], ck["elapsed_s"] / 60),
              "Time, full network in PyTorch %s on CPU, %d threads: %.3f s per 256x256 triplet, "
              "%.2f s per 2048x512 frame (whole frame, not tiled; nan = not measured)." % (torch.__version__, args.threads, t256,
                                                                       t2048)]
    load1, load5, _ = os.getloadavg()
    lines.append("Wall time %.0f s, load average %.1f / %.1f (1 / 5 min) at the end." % (
        time.time() - t_start, load1, load5))
    text = "\n".join(lines)
    print(text)
    with open(args.out, "w") as fh:
        fh.write(text + "\n")


if __name__ == "__main__":
    main()
