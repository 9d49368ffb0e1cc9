"""Training triplets built like a real exposure, drawn on the fly: the true integration of the scene over the
exposure, sensor noise and 8-bit quantisation (the shipped model trained on flow-interpolated blur without noise).

LineScanSampler: motion blur along the scan direction (y) of a panel strip moving past the line sensor.
PhotoPathSampler: a continuous camera path over a photograph (sequences.CameraPath), each frame the mean of 21
sub-positions (exposure_set.render_sequence).

A line-scan camera integrates each line while the panel moves on by `length` rows, so a frame's blur is the
mean of the strip over `length` rows along y: a box of that length whose fractional ends are weighted (the
same blur as the camera simulator's `Optics`). Two geometries of the three frames:

  contiguous  the frames the station's assembler delivers: frame n-1, n and n+1 are neighbouring stretches
              of the strip, `frame_px` rows apart (no overlap), so the neighbours show other bumps and
              the model has to restore the centre frame from itself;
  video       the strip seen at three consecutive exposures, `length` (+- encoder jitter) rows apart, as
              video-like triplets of a web moving past an area camera.

A share of the samples has almost no motion (0 to 1 row), so that a pass over a sharp frame learns to leave
it as it is. Noise: read noise uniform in [noise_min, noise_max] (fraction of full scale) plus shot noise
(variance up to shot_max per unit intensity), then 8-bit quantisation; the sharp target is noise-free.
"""
import numpy as np

from . import exposure_set, sequences


def sensor_noise(frames, rng, noise_min, noise_max, shot_max=2e-4):
    """The frames with read noise (standard deviation uniform in [noise_min, noise_max], one draw for all of
    them) and shot noise (variance up to shot_max per unit intensity), quantised to 8 bit; float32. The training
    noise; the evaluation keeps its own fixed Gaussian noise (synthesize.add_sensor_noise), so that its scores
    stay comparable with the earlier tables."""
    read = rng.uniform(noise_min, noise_max)
    shot = rng.uniform(0, shot_max)
    out = []
    for f in frames:
        std = np.sqrt(shot * np.clip(f, 0, None) + read * read)
        out.append((np.round(np.clip(f + std * rng.standard_normal(f.shape), 0, 1) * 255) / 255).astype(np.float32))
    return out


def box_kernel(length):
    """1-D box of `length` rows (>= 0) with its fractional ends weighted, sum 1, odd size; [1] below 1 row."""
    if length <= 1.0:
        return np.ones(1, np.float32)
    half = length / 2.0
    radius = int(np.ceil(half - 0.5))
    k = np.empty(2 * radius + 1, np.float64)
    for i in range(-radius, radius + 1):
        # overlap of pixel [i - 0.5, i + 0.5] with [-half, half]
        k[i + radius] = max(0.0, min(i + 0.5, half) - max(i - 0.5, -half))
    return (k / k.sum()).astype(np.float32)


def blur_rows(strip, y0, rows, x0, cols, length):
    """Rows y0 .. y0+rows-1 and columns x0 .. x0+cols-1 of `strip` blurred along y by a box of `length`."""
    k = box_kernel(length)
    r = len(k) // 2
    part = strip[y0 - r:y0 + rows + r, x0:x0 + cols].astype(np.float64)
    out = np.zeros((rows, cols), np.float64)
    for i, w in enumerate(k):
        out += w * part[i:i + rows]
    return out.astype(np.float32)


class LineScanSampler:
    """Random (prev, current, next, sharp) crops [crop, crop] float32 from grey strips in [0, 1].

    strips: list of 2-D arrays (rows along the scan direction); frame_px: the station's frame height, the
    distance between contiguous frames; lengths_px: (least, most) motion blur in rows; still_share: share of
    samples with 0 to 1 row of blur; contiguous_share: share of samples in the contiguous geometry."""

    def __init__(self, strips, crop, seed, frame_px=512, lengths_px=(2.0, 18.0), still_share=0.15,
                 contiguous_share=0.5, noise_min=0.004, noise_max=0.012, shot_max=2e-4, jitter=0.25):
        if not 0 <= still_share <= 1 or not 0 <= contiguous_share <= 1:
            raise ValueError("still_share = %g, contiguous_share = %g; allowed: 0 to 1 each"
                             % (still_share, contiguous_share))
        if not 0 <= noise_min <= noise_max <= 0.1:
            raise ValueError("noise %g to %g; allowed: 0 <= noise_min <= noise_max <= 0.1" % (noise_min, noise_max))
        reach = 2 * frame_px + crop + 4 * lengths_px[1]
        self.strips = [s for s in strips if s.shape[0] > reach and s.shape[1] >= crop]
        if not self.strips:
            raise ValueError("no strip has more than %d rows and %d columns (frame %d px, crop %d, blur up to %g)"
                             % (reach, crop, frame_px, crop, lengths_px[1]))
        self.crop, self.frame_px, self.lengths_px = crop, frame_px, lengths_px
        self.still_share, self.contiguous_share = still_share, contiguous_share
        self.noise_min, self.noise_max, self.shot_max, self.jitter = noise_min, noise_max, shot_max, jitter
        self.rng = np.random.default_rng(seed)

    def sample(self):
        """One (prev, current, next, sharp, length_px) sample."""
        rng, c = self.rng, self.crop
        strip = self.strips[rng.integers(len(self.strips))]
        still = rng.random() < self.still_share
        length = rng.uniform(0.0, 1.0) if still else rng.uniform(*self.lengths_px)
        contiguous = rng.random() < self.contiguous_share
        step = self.frame_px if contiguous else max(length, 1.0)
        margin = int(np.ceil(step * (1 + self.jitter) + length * (1 + self.jitter))) + 2
        y = int(rng.integers(margin, strip.shape[0] - c - margin))
        x = int(rng.integers(0, strip.shape[1] - c + 1))
        frames = []
        for n in (-1, 0, 1):
            # encoder jitter: each exposure covers a slightly different number of rows, and video-like
            # neighbours sit a jittered step away
            jittered = length * (1 + self.jitter * rng.uniform(-1, 1)) if n else length
            offset = 0
            if n:
                step_jitter = 0 if contiguous else self.jitter * rng.uniform(-1, 1)
                offset = int(round(n * step * (1 + step_jitter)))
            frames.append(blur_rows(strip, y + offset, c, x, c, jittered))
        sharp = strip[y:y + c, x:x + c].astype(np.float32)
        prev, current, nxt = sensor_noise(frames, rng, self.noise_min, self.noise_max, self.shot_max)
        return prev, current, nxt, sharp, length


class PhotoPathSampler:
    """Random (prev, current, next, sharp) crops [crop, crop] float32 of photographs seen along a continuous
    camera path (1.5 to 13 px per frame, turning and rotating; a still_share of paths move under 1 px), each
    blurred frame the true mean of 21 sub-positions over its interval, with sensor noise as LineScanSampler."""

    def __init__(self, images, crop, seed, still_share=0.15, noise_min=0.004, noise_max=0.012, shot_max=2e-4):
        self.images = [i for i in images if min(i.shape) >= 2 * (crop + 2 * exposure_set.MARGIN)]
        if not self.images:
            raise ValueError("no photograph is at least %d px on its shorter side" % (2 * (crop + 32)))
        self.crop, self.still_share = crop, still_share
        self.noise_min, self.noise_max, self.shot_max = noise_min, noise_max, shot_max
        self.rng = np.random.default_rng(seed)

    def sample(self):
        """One (prev, current, next, sharp, motion_px) sample: the triplet centred on frame 3 of 7."""
        rng, c, m = self.rng, self.crop, exposure_set.MARGIN
        img = self.images[rng.integers(len(self.images))]
        speed = (0.05, 1.0) if rng.random() < self.still_share else (1.5, 13.0)
        path = sequences.random_camera_path(img.shape, rng, c + 2 * m, exposure_set.FRAMES, speed_px=speed)
        sharp, true = exposure_set.render_sequence(img, path, c)
        prev, current, nxt = sensor_noise([f[m:m + c, m:m + c] for f in true[1:4]], rng, self.noise_min,
                                          self.noise_max, self.shot_max)
        return prev, current, nxt, sharp[3][m:m + c, m:m + c].astype(np.float32), exposure_set.motion_px(path)
