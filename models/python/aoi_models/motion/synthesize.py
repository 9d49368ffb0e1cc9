"""Motion-blur synthesis from a sequence of sharp frames.

Bidirectional optical flow (OpenCV DIS) between neighbouring frames; N sub-frames are interpolated on each
side of frame t along the flow, and the blurred frame is the average of the sharp frame with the first L
sub-frames on each side:

    b_t = (f_t + sum of the 2L nearest sub-frames) / (2L + 1)

Samples with too little blur (mean |b_t - f_t| below a threshold) or too little structure (low mean
gradient magnitude of f_t) are discarded. A kept sample is the triplet of blurred frames
(b_{t-1}, b_t, b_{t+1}) and the sharp target f_t.

CLI (see README.md):
    (from models/python) /usr/bin/python3 -m aoi_models.motion.synthesize --frames DIR --out DIR [--n 20 --l 10]
"""
import argparse
import csv
import os
import sys

import cv2
import numpy as np

FRAME_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pgm", ".ppm")


def to_flow_input(frame):
    """A float frame in [0, 1] (H x W or H x W x C) as the 8-bit grey image DIS needs."""
    grey = frame if frame.ndim == 2 else frame.mean(axis=2)
    return np.clip(grey * 255.0 + 0.5, 0, 255).astype(np.uint8)


class FlowEstimator:
    """Dense flow with cv2.DISOpticalFlow: flow[y, x] = (dx, dy) so that a(x, y) ~ b(x + dx, y + dy)."""

    def __init__(self, preset=cv2.DISOPTICAL_FLOW_PRESET_MEDIUM):
        self.dis = cv2.DISOpticalFlow_create(preset)

    def __call__(self, a, b):
        return self.dis.calc(to_flow_input(a), to_flow_input(b), None)


_GRIDS = {}


def warp(image, flow):
    """Backward warp: out(x) = image(x + flow(x)), bilinear, reflected at the border."""
    h, w = flow.shape[:2]
    if (h, w) not in _GRIDS:
        _GRIDS[(h, w)] = np.stack(np.meshgrid(np.arange(w, dtype=np.float32),
                                              np.arange(h, dtype=np.float32)), axis=-1)
    m = _GRIDS[(h, w)] + flow
    return cv2.remap(image, m, None, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT101)


def interpolate(a, c, flow_ac, flow_ca, tau):
    """Frame at time tau in (0, 1) between a (tau = 0) and c (tau = 1).

    The flows from the intermediate time to both ends are approximated from the two bidirectional flows
    (linear motion model); both warped ends are blended with weights (1 - tau) and tau.
    """
    f_ta = -(1.0 - tau) * tau * flow_ac + tau * tau * flow_ca
    f_tc = (1.0 - tau) ** 2 * flow_ac - tau * (1.0 - tau) * flow_ca
    return (1.0 - tau) * warp(a, f_ta) + tau * warp(c, f_tc)


def blur_frame(frames, t, flows, n=20, l=10):
    """Blurred version of frames[t] from its two neighbours.

    flows[(i, j)] is the flow from frame i to frame j for |i - j| = 1 (computed on demand and cached).
    """
    if not 0 < l <= n:
        raise ValueError("need 0 < l <= n, got n=%d l=%d" % (n, l))
    acc = frames[t].astype(np.float64).copy()
    for other in (t - 1, t + 1):
        f_to = flows(t, other)
        f_from = flows(other, t)
        for k in range(1, l + 1):
            acc += interpolate(frames[t], frames[other], f_to, f_from, k / float(n))
    return (acc / (2 * l + 1)).astype(np.float32)


class FlowCache:
    def __init__(self, frames, estimator=None):
        self.frames = frames
        self.estimator = estimator or FlowEstimator()
        self.cache = {}

    def __call__(self, i, j):
        if (i, j) not in self.cache:
            self.cache[(i, j)] = self.estimator(self.frames[i], self.frames[j])
        return self.cache[(i, j)]


def blur_amount(blurred, sharp):
    return float(np.mean(np.abs(blurred - sharp)))


def gradient_energy(frame):
    grey = frame if frame.ndim == 2 else frame.mean(axis=2)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3) / 8.0
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3) / 8.0
    return float(np.mean(np.sqrt(gx * gx + gy * gy)))


def triplets(frames, n=20, l=10, min_blur=0.01, min_gradient=0.005, centres=None):
    """Yields (t, b_prev, b_cur, b_next, sharp, blur, grad) for every usable centre frame t.

    frames: list of float32 arrays in [0, 1], all the same shape. A centre needs two frames on each side.
    Rejected centres are skipped; the caller sees only kept samples.
    """
    flows = FlowCache(frames)
    blurred = {}

    def b(i):
        if i not in blurred:
            blurred[i] = blur_frame(frames, i, flows, n, l)
        return blurred[i]

    ts = centres if centres is not None else range(2, len(frames) - 2)
    for t in ts:
        sharp = frames[t]
        grad = gradient_energy(sharp)
        if grad < min_gradient:
            continue
        cur = b(t)
        amount = blur_amount(cur, sharp)
        if amount < min_blur:
            continue
        yield t, b(t - 1), cur, b(t + 1), sharp, amount, grad


def read_raw(path):
    """(the file's samples as stored, 8 or 16 bit, grey or BGR without alpha; their full scale 255 or 65535)."""
    img = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if img is None:
        raise IOError("cannot read frame " + path)
    return (img[..., :3] if img.ndim == 3 else img), (65535.0 if img.dtype == np.uint16 else 255.0)


def read_frame(path):
    """A frame as float32 in [0, 1], grey [H, W] or RGB [H, W, 3]."""
    img, scale = read_raw(path)
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
    return img.astype(np.float32) / scale


def write_frame(path, frame, bits):
    scale = 65535.0 if bits == 16 else 255.0
    data = np.clip(frame * scale + 0.5, 0, scale).astype(np.uint16 if bits == 16 else np.uint8)
    if data.ndim == 3:
        data = cv2.cvtColor(data, cv2.COLOR_RGB2BGR)
    if not cv2.imwrite(path, data):
        raise IOError("cannot write " + path)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name,
                                description="Turn a folder of ordered sharp frames into motion-blurred "
                                            "(B-1, B0, B1, S0) training triplets.")
    p.add_argument("--frames", required=True, help="folder of sharp frames; file names sort in time order")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--n", type=int, default=20, help="sub-frames interpolated between two frames")
    p.add_argument("--l", type=int, default=10, help="sub-frames averaged on each side (exposure)")
    p.add_argument("--min-blur", type=float, default=0.01,
                   help="discard when mean |B0 - S0| (0..1 scale) is below this")
    p.add_argument("--min-gradient", type=float, default=0.005,
                   help="discard when mean gradient magnitude of S0 (0..1 per pixel) is below this")
    p.add_argument("--bits", type=int, choices=(8, 16), default=16, help="bit depth of the written PNGs")
    args = p.parse_args(argv)

    names = sorted(f for f in os.listdir(args.frames) if f.lower().endswith(FRAME_EXTENSIONS))
    if len(names) < 5:
        sys.exit("need at least 5 frames in %s, found %d" % (args.frames, len(names)))
    frames = [read_frame(os.path.join(args.frames, f)) for f in names]
    shapes = {f.shape for f in frames}
    if len(shapes) != 1:
        sys.exit("all frames must have the same size and channels, found %s" % sorted(shapes))
    os.makedirs(args.out, exist_ok=True)
    kept = 0
    with open(os.path.join(args.out, "triplets.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sample", "centre_frame", "blur_mean_abs", "gradient_energy"])
        for t, bp, bc, bn, s, amount, grad in triplets(frames, args.n, args.l, args.min_blur,
                                                       args.min_gradient):
            d = os.path.join(args.out, "%06d" % t)
            os.makedirs(d, exist_ok=True)
            for name, img in (("prev.png", bp), ("current.png", bc), ("next.png", bn), ("sharp.png", s)):
                write_frame(os.path.join(d, name), img, args.bits)
            w.writerow(["%06d" % t, names[t], "%.5f" % amount, "%.5f" % grad])
            kept += 1
    print("%d frames -> %d triplets kept of %d candidates in %s"
          % (len(frames), kept, max(0, len(frames) - 4), args.out))



def exposure_times(t, sub_positions=21, exposure=1.0):
    """The sub-position times of an exposure of `exposure` frame intervals centred on frame time t."""
    if sub_positions < 2:
        raise ValueError("need at least 2 sub-positions, got %d" % sub_positions)
    return [t + exposure * (j / (sub_positions - 1.0) - 0.5) for j in range(sub_positions)]


def exposure_average(render, t, sub_positions=21, exposure=1.0):
    """True exposure integration: the mean of render(time) over the sub-positions of the exposure centred
    on t (render: time in frame intervals -> float frame)."""
    acc = None
    times = exposure_times(t, sub_positions, exposure)
    for tau in times:
        f = render(tau).astype(np.float64)
        acc = f if acc is None else acc + f
    return (acc / len(times)).astype(np.float32)


def add_sensor_noise(frame, sigma, rng):
    """Additive Gaussian sensor noise of standard deviation sigma (fraction of full scale), clipped to
    [0, 1]; sigma 0 returns the frame unchanged."""
    if sigma < 0:
        raise ValueError("noise sigma must be >= 0, got %g" % sigma)
    if sigma == 0:
        return frame
    return np.clip(frame + rng.normal(0, sigma, frame.shape), 0, 1).astype(np.float32)


if __name__ == "__main__":
    main()
