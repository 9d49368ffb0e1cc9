"""Sharp frame sequences for training: a seeded, smooth random camera trajectory over a photograph or over
a tall strip (the simulated panel moving past the camera, with speed jitter)."""
import glob
import os
import re
import subprocess

import cv2
import numpy as np

SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data/"
SKIMAGE_PHOTOS = ("astronaut.png", "brick.png", "camera.png", "chelsea.png", "coffee.png", "grass.png",
                  "gravel.png", "hubble_deep_field.jpg", "motorcycle_left.png", "rocket.jpg", "page.png",
                  "retina.jpg", "coins.png", "moon.png", "text.png", "horse.png", "cell.png")
MIN_SIDE_PX = 400


def _package_images(package, pattern):
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [p for p in out.splitlines() if pattern(p) and os.path.isfile(p)]


def photo_sources():
    """Sorted list of photograph paths from Debian packages (one resolution per wallpaper)."""
    paths = []
    for d in sorted(glob.glob("/usr/share/wallpapers/*/contents/images")):
        imgs = glob.glob(os.path.join(d, "*.png")) + glob.glob(os.path.join(d, "*.jpg"))
        if imgs:
            paths.append(max(imgs, key=os.path.getsize))
    paths += sorted(glob.glob("/usr/share/backgrounds/mate/nature/*.jpg"))
    paths += [os.path.join(SKIMAGE_DATA, f) for f in SKIMAGE_PHOTOS if os.path.isfile(SKIMAGE_DATA + f)]
    ext = (".png", ".jpg", ".ppm", ".pgm")
    paths += _package_images("opencv-doc", lambda p: "/examples/data/" in p and p.lower().endswith(ext))
    # blurred or warped copies of other pictures are not sharp, independent sources
    visp = _package_images("visp-images-data", lambda p: p.lower().endswith(ext)
                           and "/Gaussian-filter/" not in p and "/warp/" not in p)
    # one resolution per picture family keeps near-duplicates out of the split
    seen = set()
    for p in sorted(visp, key=os.path.getsize, reverse=True):
        key = os.path.dirname(p)
        if key not in seen:
            seen.add(key)
            paths.append(p)
    kept = []
    for p in paths:
        img = cv2.imread(p, cv2.IMREAD_GRAYSCALE)
        if img is not None and min(img.shape) >= MIN_SIDE_PX:
            kept.append(p)
    return sorted(set(kept))


def source_family(path):
    """Pictures of the same scene (stereo pairs, viewpoint series such as graf1/graf3, leuvenA/B) share
    a family, so that a split never puts the same scene on both sides."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if "/wallpapers/" in path:
        return path.split("/wallpapers/")[1].split("/")[0]
    stem = re.sub(r"(left|right)", "lr", stem)
    stem = re.sub(r"[0-9_]+|modified|original|gt$", "", stem.replace("GT", "gt"))
    stem = re.sub(r"(?<=[a-z])[A-Z]$", "", stem)
    return os.path.dirname(path) + "/" + stem.lower()


def split_sources(paths):
    """Deterministic split by source family: every fifth family (sorted) is validation."""
    families = sorted({source_family(p) for p in paths})
    val_fam = {f for i, f in enumerate(families) if i % 5 == 2}
    val = [p for p in paths if source_family(p) in val_fam]
    train = [p for p in paths if source_family(p) not in val_fam]
    return train, val


def load_grey(path, max_side=1600):
    img = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if img is None:
        raise IOError("cannot read " + path)
    scale = 65535.0 if img.dtype == np.uint16 else 255.0
    if img.ndim == 3:
        img = cv2.cvtColor(img[..., :3], cv2.COLOR_BGR2GRAY)
    img = img.astype(np.float32) / scale
    f = max_side / float(max(img.shape))
    if f < 1:
        img = cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return img


def camera_sequence(source, rng, frames=5, size=208, speed_px=(1.5, 12.0), max_rot_deg=0.6,
                    max_zoom=0.015, jitter=0.2, scale_range=(1.0, 2.0)):
    """Renders `frames` sharp frames (size x size) of `source` along a smooth random trajectory.

    Per frame the camera moves by speed_px (output pixels) in a slowly turning direction, with relative
    speed jitter, a small rotation and zoom rate. Returns a list of float32 frames in [0, 1].
    """
    h, w = source.shape
    scale0 = rng.uniform(*scale_range)
    speed = rng.uniform(*speed_px)
    heading = rng.uniform(0, 2 * np.pi)
    turn = rng.normal(0, 0.08)
    rot_rate = np.deg2rad(rng.uniform(-max_rot_deg, max_rot_deg))
    zoom_rate = rng.uniform(-max_zoom, max_zoom)
    reach = scale0 * (size * 0.75 + speed * frames * 1.2) * (1 + max_zoom * frames) + 4
    if min(h, w) < 2 * reach:
        scale0 *= min(h, w) / (2 * reach + 1)
        reach = min(h, w) / 2.0 - 1
    cx = rng.uniform(reach, w - reach)
    cy = rng.uniform(reach, h - reach)
    angle = rng.uniform(-np.pi, np.pi) * 0.1
    out = []
    scale = scale0
    for i in range(frames):
        c, s = np.cos(angle) * scale, np.sin(angle) * scale
        # maps output pixel (u, v) to source: centre + R*scale*((u, v) - size/2)
        m = np.array([[c, -s, cx - c * size / 2 + s * size / 2],
                      [s, c, cy - s * size / 2 - c * size / 2]], dtype=np.float64)
        out.append(cv2.warpAffine(source, m, (size, size), flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
                                  borderMode=cv2.BORDER_REFLECT101).clip(0, 1).astype(np.float32))
        step = speed * (1 + rng.uniform(-jitter, jitter)) * scale
        cx += step * np.cos(heading)
        cy += step * np.sin(heading)
        heading += turn
        angle += rot_rate
        scale *= 1 + zoom_rate
    return out


def strip_sequence(strip, rng, frames=5, size=208, speed_px=(1.5, 12.0), jitter=0.25):
    """A tall strip (the panel) sliding past the camera along its rows, with speed jitter and a little
    lateral drift. Returns float32 frames."""
    h, w = strip.shape
    speed = rng.uniform(*speed_px) * rng.choice([-1, 1])
    drift = rng.normal(0, 0.3)
    scale = rng.uniform(0.8, 1.5)
    span = abs(speed) * frames * 1.5 * scale + size * scale
    y = rng.uniform(span, h - span) if h > 2 * span else h / 2.0
    x = rng.uniform(size * scale / 2 + 2, max(size * scale / 2 + 3, w - size * scale / 2 - 2))
    out = []
    for _ in range(frames):
        m = np.array([[scale, 0, x - scale * size / 2], [0, scale, y - scale * size / 2]])
        out.append(cv2.warpAffine(strip, m, (size, size), flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
                                  borderMode=cv2.BORDER_REFLECT101).clip(0, 1).astype(np.float32))
        y += speed * (1 + rng.uniform(-jitter, jitter)) * scale
        x += drift * scale
    return out
