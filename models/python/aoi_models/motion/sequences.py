"""Sharp frame sequences for training and validation: a seeded, smooth random camera trajectory over a
photograph or over a tall strip (the simulated panel moving past the camera, with speed jitter). The
photographs and their split come from aoi_models.common.photos (`split_photos`)."""
import cv2
import numpy as np

from ..common.photos import split_paths
from . import synthesize

MIN_SIDE_PX = 400     # photographs smaller than this (after shrinking to MAX_SIDE_PX) are not used
MAX_SIDE_PX = 1600


def split_photos(split, items=None):
    """The photographs of one split of the shared policy ("train", "val" or "test") that are large enough for
    motion sequences: at least MIN_SIDE_PX on the shorter side after shrinking to MAX_SIDE_PX."""
    return split_paths(split, MIN_SIDE_PX, max_side=MAX_SIDE_PX, items=items)


def load_strip(path):
    """A rendered panel strip as grey float32 in [0, 1], at full size (a strip is never shrunk)."""
    return load_grey(path, max_side=100000)


def load_grey(path, max_side=MAX_SIDE_PX):
    """A picture as grey float32 in [0, 1] (converted at its stored bit depth), shrunk (INTER_AREA) so that its
    longer side is at most max_side."""
    img, scale = synthesize.read_raw(path)
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
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


class CameraPath:
    """A continuous camera path over a source picture, for true exposure integration: constant speed
    `speed_px` (output px per frame interval) along a heading that turns at `turn_rad` per frame (a circular
    arc, so the motion curves), a rotation of `rot_rad` per frame and a fixed scale (source px per output
    px). pose(t) for any real time t in frame intervals -> (cx, cy, angle, scale)."""

    def __init__(self, centre, speed_px, heading, turn_rad, rot_rad, scale, angle0=0.0):
        self.cx, self.cy = centre
        self.speed_px, self.heading, self.turn_rad = speed_px, heading, turn_rad
        self.rot_rad, self.scale, self.angle0 = rot_rad, scale, angle0

    def offset(self, t):
        """Displacement in output px from time 0 (exact integral of the turning velocity)."""
        v, h, w = self.speed_px, self.heading, self.turn_rad
        if abs(w) < 1e-9:
            return v * t * np.cos(h), v * t * np.sin(h)
        return v / w * (np.sin(h + w * t) - np.sin(h)), -v / w * (np.cos(h + w * t) - np.cos(h))

    def pose(self, t):
        dx, dy = self.offset(t)
        return self.cx + dx * self.scale, self.cy + dy * self.scale, self.angle0 + self.rot_rad * t, self.scale


def random_camera_path(shape, rng, size, frames, speed_px=(5.0, 13.0), max_turn_deg=12.0, max_rot_deg=0.6,
                       scale_range=(1.0, 1.6)):
    """A seeded CameraPath over a source of `shape` whose frames 0..frames-1 (+- half an exposure) stay
    inside the source: 5-13 px per frame, heading turning up to 12 degrees per frame, rotation up to 0.6
    degrees per frame."""
    h, w = shape[:2]
    scale = rng.uniform(*scale_range)
    speed = rng.uniform(*speed_px)
    travel = speed * (frames + 1) * scale
    reach = scale * size * 0.75 + travel / 2 + 4
    if min(h, w) < 2 * reach:
        shrink = min(h, w) / (2 * reach + 2)
        scale *= shrink
        reach = min(h, w) / 2.0 - 1
    heading = rng.uniform(0, 2 * np.pi)
    # start so that the middle of the path is near the picture centre region
    mx, my = rng.uniform(reach, w - reach), rng.uniform(reach, h - reach)
    t_mid = (frames - 1) / 2.0
    path = CameraPath((0.0, 0.0), speed, heading, np.deg2rad(rng.uniform(-max_turn_deg, max_turn_deg)),
                      np.deg2rad(rng.uniform(-max_rot_deg, max_rot_deg)), scale, rng.uniform(-np.pi, np.pi) * 0.1)
    dx, dy = path.offset(t_mid)
    path.cx, path.cy = mx - dx * scale, my - dy * scale
    return path


def render_pose(source, pose, size):
    """The size x size output frame at pose (cx, cy, angle, scale); grey or colour source, float32."""
    cx, cy, angle, scale = pose
    c, s = np.cos(angle) * scale, np.sin(angle) * scale
    m = np.array([[c, -s, cx - c * size / 2 + s * size / 2],
                  [s, c, cy - s * size / 2 - c * size / 2]], dtype=np.float64)
    return cv2.warpAffine(source, m, (size, size), flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REFLECT101).clip(0, 1).astype(np.float32)


class ScanPath:
    """Line-scan motion of a panel strip past the camera along its rows (the scan direction): web speed
    `speed_px` rows per frame interval with encoder jitter (a sinusoidal speed ripple of relative amplitude
    `jitter` and `jitter_period` frames) and a small lateral drift. pose(t) -> (cx, cy, 0, 1)."""

    def __init__(self, x0, y0, speed_px, jitter, jitter_period, phase, drift_px):
        self.x0, self.y0, self.speed_px = x0, y0, speed_px
        self.jitter, self.jitter_period, self.phase, self.drift_px = jitter, jitter_period, phase, drift_px

    def pose(self, t):
        k = 2 * np.pi / self.jitter_period
        ripple = self.jitter / k * (np.sin(k * t + self.phase) - np.sin(self.phase))  # integral of the ripple
        return self.x0 + self.drift_px * t, self.y0 + self.speed_px * (t + ripple), 0.0, 1.0


def random_scan_path(shape, rng, size, frames, speed_px=(5.0, 13.0), jitter=0.25):
    h, w = shape[:2]
    speed = rng.uniform(*speed_px) * rng.choice([-1, 1])
    span = abs(speed) * (frames + 1) * (1 + jitter) + size
    y0 = rng.uniform(span, h - span) if h > 2 * span else h / 2.0
    x0 = rng.uniform(size / 2 + 2, max(size / 2 + 3, w - size / 2 - 2))
    return ScanPath(x0, y0, speed, jitter, rng.uniform(2.0, 6.0), rng.uniform(0, 2 * np.pi), rng.normal(0, 0.3))
