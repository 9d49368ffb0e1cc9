"""Validation sequences built like a real exposure, paired with the flow-interpolated recipe on the same
scenes and motion.

    (from models/python)
    /usr/bin/python3 -m aoi_models.motion.exposure_set [--photos 12 --strips 6 --size 160 --seed 1818]

Each sequence is a continuous camera path (sequences.CameraPath: 5-13 px per frame, a heading that turns up to
12 degrees per frame, rotation up to 0.6 degrees per frame) over a photograph of one split of the shared
policy (`--set`, aoi_models.common.photos; default test, lomiri-wallpapers-16.04, which no shipped model
trained on: the shipped motion model predates the package split and trained on 9 of the 12 val photos), or a
line-scan path
(sequences.ScanPath: 5-13 rows per frame along the scan direction, +-25 % encoder speed ripple, small
lateral drift) over a panel strip rendered with a seed the training strip did not use. For frames 1..5:

  sharp       the frame at its exposure centre;
  true        the true exposure integration: the mean of 21 sub-positions over one frame interval
              (synthesize.exposure_average), the exposure the flow recipe simulates;
  flow        the published recipe on the sharp frames 0..6 (DIS flow, N = 20, L = 10; synthesize.blur_frame).

Photos are kept in colour as well (true_rgb, sharp_rgb). Noise is not stored: evaluate_motion.py adds the
sensor noise (0.004) with a fixed seed, so noisy and noise-free arms share the blur. Frames are rendered
with a 16 px margin and cropped to --size. Writes models/python/work/motion/exposure-val.npz.
"""
import argparse
import os
import sys
import time

import cv2
import numpy as np

from ..common.paths import WORK as WORK_ROOT
from ..common.simulator import render_strip
from . import sequences, synthesize

WORK = os.path.join(WORK_ROOT, "motion")
FRAMES = 7          # sharp frames 0..6; blurred frames 1..5 (each has both neighbours for the flow recipe)
SUB_POSITIONS = 21
STRIP_SEED = 5151   # the shipped training strip used 4242
MARGIN = 16


def load_rgb(path, max_side=1600):
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise IOError("cannot read " + path)
    img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB).astype(np.float32) / 255.0
    f = max_side / float(max(img.shape[:2]))
    if f < 1:
        img = cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return img


def grey(rgb):
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def render_sequence(source, path, size):
    """(sharp frames 0..6, true-integration frames 1..5) of `source` along `path`, size+2*MARGIN px."""
    big = size + 2 * MARGIN
    render = lambda t: sequences.render_pose(source, path.pose(t), big)  # noqa: E731
    sharp = [render(float(t)) for t in range(FRAMES)]
    true = [synthesize.exposure_average(render, float(t), SUB_POSITIONS) for t in range(1, FRAMES - 1)]
    return sharp, true


def flow_blur(sharp):
    flows = synthesize.FlowCache(sharp)
    return [synthesize.blur_frame(sharp, t, flows, 20, 10) for t in range(1, FRAMES - 1)]


def crop(frames, size):
    return np.stack([f[MARGIN:MARGIN + size, MARGIN:MARGIN + size] for f in frames]).astype(np.float16)


def motion_px(path):
    """Mean displacement per frame interval (output px) between frames 1..5."""
    p = [path.pose(float(t)) for t in range(1, FRAMES - 1)]
    steps = [np.hypot(b[0] - a[0], b[1] - a[1]) / a[3] for a, b in zip(p, p[1:])]
    return float(np.mean(steps))


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--photos", type=int, default=12)
    p.add_argument("--strips", type=int, default=6)
    p.add_argument("--size", type=int, default=160)
    p.add_argument("--seed", type=int, default=1818)
    p.add_argument("--set", choices=("val", "test"), default="test",
                   help="photo split (aoi_models.common.photos) the photo sequences are drawn from")
    p.add_argument("--strip-file", default=os.path.join(WORK, "strip-val-%d.pgm" % STRIP_SEED))
    p.add_argument("--out", default=os.path.join(WORK, "exposure-val.npz"))
    args = p.parse_args(argv)
    cv2.setNumThreads(1)
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    val_src = sequences.split_photos(args.set)
    if not val_src:
        sys.exit("no photographs in split %s: install the photo packages named in README.md" % args.set)
    out = {k: [] for k in ("sharp", "true", "flow", "sharp_rgb", "true_rgb")}
    meta = {"source": [], "motion_px": [], "kind": []}
    big = args.size + 2 * MARGIN
    for i in range(args.photos):
        src_path = val_src[i % len(val_src)]
        rgb = load_rgb(src_path)
        path = sequences.random_camera_path(rgb.shape, rng, big, FRAMES)
        sharp_rgb, true_rgb = render_sequence(rgb, path, args.size)
        sharp = [grey(f) for f in sharp_rgb]
        out["sharp"].append(crop(sharp[1:-1], args.size))
        out["true"].append(crop([grey(f) for f in true_rgb], args.size))
        out["flow"].append(crop(flow_blur(sharp), args.size))
        out["sharp_rgb"].append(crop(sharp_rgb[1:-1], args.size))
        out["true_rgb"].append(crop(true_rgb, args.size))
        meta["source"].append(os.path.basename(src_path))
        meta["motion_px"].append(motion_px(path))
        meta["kind"].append("photo")
        print("photo %d/%d %s %.1f px/frame (%.0f s)" % (i + 1, args.photos, meta["source"][-1],
                                                         meta["motion_px"][-1], time.time() - t0), flush=True)
    if args.strips:
        if not os.path.isfile(args.strip_file):
            os.makedirs(os.path.dirname(args.strip_file), exist_ok=True)
            render_strip(args.strip_file, 384, 4096, STRIP_SEED)
        strip = sequences.load_strip(args.strip_file)
        strips = {k: [] for k in ("sharp", "true", "flow")}
        for i in range(args.strips):
            path = sequences.random_scan_path(strip.shape, rng, big, FRAMES)
            sharp, true = render_sequence(strip, path, args.size)
            strips["sharp"].append(crop(sharp[1:-1], args.size))
            strips["true"].append(crop(true, args.size))
            strips["flow"].append(crop(flow_blur(sharp), args.size))
            meta["source"].append("panel-strip-%d" % STRIP_SEED)
            meta["motion_px"].append(abs(path.speed_px))
            meta["kind"].append("strip")
            print("strip %d/%d %.1f rows/frame (%.0f s)" % (i + 1, args.strips, abs(path.speed_px),
                                                            time.time() - t0), flush=True)
        for k in strips:
            out[k] += strips[k]
    arrays = {k: np.stack(v) for k, v in out.items() if v}
    arrays.update({k: np.array(v) for k, v in meta.items()})
    arrays["split"] = np.array(args.set)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    np.savez(args.out, **arrays)
    print("wrote %s: %d photo and %d strip sequences of 5 blurred frames (%.0f s)" % (
        args.out, args.photos, args.strips, time.time() - t0))


if __name__ == "__main__":
    main()
