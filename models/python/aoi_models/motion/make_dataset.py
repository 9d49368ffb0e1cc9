"""Builds the training and validation triplet sets from Debian photographs (and optionally a rendered
panel strip) with synthesize.py's flow-based blur.

    (from models/python)
    /usr/bin/python3 -m aoi_models.motion.make_dataset [--train 2400 --val 120] [--strip panel.pgm]

Writes models/python/work/motion/data/{train,val}.npz with arrays prev, current, next, sharp
(float16, [count, size, size]) and per-sample metadata. Training and validation photographs are the train
and val splits of the shared policy (aoi_models.common.photos: whole Debian packages; the test package is
never used here); the panel strip, if given, is split by rows (top 80 % train).
"""
import argparse
import os
import time

import cv2
import numpy as np

from ..common.paths import WORK as WORK_ROOT
from . import sequences, synthesize

WORK = os.path.join(WORK_ROOT, "motion")


def build(sources, count, size, margin, rng, n, l, strip=None, strip_fraction=0.0, log="", deadline=None):
    """Up to `count` kept triplets; stops early (keeping what it has) at the wall-clock `deadline`."""
    keep = {k: [] for k in ("prev", "current", "next", "sharp")}
    meta = []
    images = {}
    tried = 0
    t0 = time.time()
    while len(meta) < count and (deadline is None or time.time() < deadline or not meta):
        tried += 1
        use_strip = strip is not None and rng.random() < strip_fraction
        if use_strip:
            frames = sequences.strip_sequence(strip, rng, frames=5, size=size + 2 * margin)
            src = "panel-strip"
        else:
            src = sources[rng.integers(len(sources))]
            if src not in images:
                images[src] = sequences.load_grey(src)
            frames = sequences.camera_sequence(images[src], rng, frames=5, size=size + 2 * margin)
        for t, bp, bc, bn, s, amount, grad in synthesize.triplets(frames, n, l, centres=[2]):
            crop = (slice(margin, margin + size), slice(margin, margin + size))
            for k, v in (("prev", bp), ("current", bc), ("next", bn), ("sharp", s)):
                keep[k].append(v[crop].astype(np.float16))
            meta.append((os.path.basename(src), amount, grad))
        if tried % 200 == 0:
            print("%s %d/%d kept of %d tried, %.0f s" % (log, len(meta), count, tried, time.time() - t0),
                  flush=True)
    arrays = {k: np.stack(v) for k, v in keep.items()}
    arrays["source"] = np.array([m[0] for m in meta])
    arrays["blur"] = np.array([m[1] for m in meta], dtype=np.float32)
    return arrays, tried


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", type=int, default=2400)
    p.add_argument("--val", type=int, default=120)
    p.add_argument("--train-size", type=int, default=160)
    p.add_argument("--val-size", type=int, default=256)
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--l", type=int, default=10)
    p.add_argument("--strip", help="tall grey PNG of the rendered panel to slide past the camera")
    p.add_argument("--strip-fraction", type=float, default=0.3)
    p.add_argument("--seed", type=int, default=20261122)
    p.add_argument("--out", default=os.path.join(WORK, "data"))
    p.add_argument("--max-minutes", type=float, help="wall-time cap per set; a set stops early with what "
                                                     "it has (the count actually kept is printed)")
    p.add_argument("--keep-val", action="store_true", help="reuse an existing val.npz in --out")
    args = p.parse_args(argv)
    cv2.setNumThreads(1)
    os.makedirs(args.out, exist_ok=True)
    train_src, val_src = sequences.split_photos("train"), sequences.split_photos("val")
    strip_train = strip_val = None
    if args.strip:
        strip = sequences.load_strip(args.strip)
        cut = int(strip.shape[0] * 0.8)
        strip_train, strip_val = strip[:cut], strip[cut:]
    print("sources: %d train, %d val" % (len(train_src), len(val_src)))
    rng = np.random.default_rng(args.seed)
    for name, srcs, count, size, strip_part in (("val", val_src, args.val, args.val_size, strip_val),
                                                 ("train", train_src, args.train, args.train_size,
                                                  strip_train)):
        if name == "val" and args.keep_val and os.path.exists(os.path.join(args.out, "val.npz")):
            print("val: keeping existing %s" % os.path.join(args.out, "val.npz"))
            continue
        deadline = time.time() + 60 * args.max_minutes if args.max_minutes else None
        arrays, tried = build(srcs, count, size, 16, rng, args.n, args.l, strip_part, args.strip_fraction,
                              log=name, deadline=deadline)
        count = len(arrays["blur"])
        np.savez(os.path.join(args.out, name + ".npz"), **arrays)
        print("%s: %d triplets of %dx%d kept of %d sequences, mean blur %.4f"
              % (name, count, size, size, tried, float(arrays["blur"].mean())), flush=True)
    with open(os.path.join(args.out, "sources.txt"), "w") as fh:
        fh.write("# train\n" + "\n".join(train_src) + "\n# val\n" + "\n".join(val_src) + "\n")
        if args.strip:
            fh.write("# panel strip %s: rows [0, 80%%) train, [80%%, 100%%) val, fraction %.2f\n"
                     % (args.strip, args.strip_fraction))


if __name__ == "__main__":
    main()
