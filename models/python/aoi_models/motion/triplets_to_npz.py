"""Packs synthesize.py output folders into the train.npz layout train_motion.py reads, so that recorded
sequences can be added to the training data.

    (from models/python)
    /usr/bin/python3 -m aoi_models.motion.triplets_to_npz --triplets /data/run42/triplets \
        --out work/motion/data_run42 [--size 144 --crops 4 --seed 1]

Colour triplets are converted to grey. Each triplet gives --crops random aligned crops of --size pixels
(frames smaller than --size are skipped). Then train with
    ... -m aoi_models.motion.train --data work/motion/data work/motion/data_run42
"""
import argparse
import os
import sys

import cv2
import numpy as np

from . import synthesize

NAMES = ("prev", "current", "next", "sharp")


def grey(frame):
    return frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--triplets", required=True, help="output folder of synthesize.py")
    p.add_argument("--out", required=True, help="folder for train.npz (created)")
    p.add_argument("--size", type=int, default=144)
    p.add_argument("--crops", type=int, default=4)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    keep = {k: [] for k in NAMES}
    samples = sorted(d for d in os.listdir(args.triplets) if os.path.isdir(os.path.join(args.triplets, d)))
    for s in samples:
        frames = [grey(synthesize.read_frame(os.path.join(args.triplets, s, k + ".png"))) for k in NAMES]
        h, w = frames[0].shape
        if h < args.size or w < args.size:
            continue
        for _ in range(args.crops):
            y, x = rng.integers(h - args.size + 1), rng.integers(w - args.size + 1)
            for k, f in zip(NAMES, frames):
                keep[k].append(f[y:y + args.size, x:x + args.size].astype(np.float16))
    if not keep["sharp"]:
        sys.exit("no triplet of at least %dx%d found in %s" % (args.size, args.size, args.triplets))
    os.makedirs(args.out, exist_ok=True)
    np.savez(os.path.join(args.out, "train.npz"), **{k: np.stack(v) for k, v in keep.items()})
    print("%d crops from %d triplets -> %s" % (len(keep["sharp"]), len(samples),
                                               os.path.join(args.out, "train.npz")))


if __name__ == "__main__":
    main()
