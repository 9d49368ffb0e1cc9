"""Training losses shared by the UDBD-Net and motion trainers."""
import functools
import math

import numpy as np
import torch
import torch.nn.functional as F

DETAIL_SIGMA = 1.0        # px: the fine detail that detail weighting looks for
DETAIL_SCALE = 0.03       # high-pass magnitude (fraction of full scale) that gets the full extra weight
DETAIL_RADIUS = 10        # the smoothing kernel is 21 x 21, as UDBD-Net's blur kernels


def _detail_kernel():
    r = np.arange(-DETAIL_RADIUS, DETAIL_RADIUS + 1)
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * DETAIL_SIGMA * DETAIL_SIGMA))
    return torch.from_numpy((g / g.sum()).astype(np.float32))[None, None]


def image_l1(restored, sharp, detail_weight):
    """L1 between restored and sharp. With detail_weight > 0 each pixel is weighted 1 + detail_weight * d, d in
    [0, 1] growing with the sharp crop's local high-pass magnitude (|sharp - Gaussian(sharp, 1 px)| / 0.03,
    capped at 1), normalised to mean 1: small, low-contrast structure such as a weak particle's relief counts
    as much as the large smooth areas that plain L1 is dominated by."""
    if detail_weight <= 0:
        return F.l1_loss(restored, sharp)
    smooth = F.conv2d(F.pad(sharp, (DETAIL_RADIUS,) * 4, mode="reflect"), _detail_kernel().to(sharp.device))
    w = 1 + detail_weight * ((sharp - smooth).abs() / DETAIL_SCALE).clamp(max=1)
    return (w * (restored - sharp).abs()).sum() / w.sum()


RELIEF_RADII = (3.0, 4.0, 5.0)  # px: the particle radii of the ACF panels (diameters 6 to 10 px)


@functools.lru_cache(maxsize=None)
def _relief_bank(device, across=False):
    """Unit-norm DIC relief templates, one per RELIEF_RADII, built once per device: x / r inside a disc of radius r
    (half a pixel of soft edge), zero outside; odd along x, so constant offsets and shading along y give no
    response. With across, the same templates along y follow: the pair is steerable (a relief at angle a is
    cos a times the first plus sin a times the second), so it sees reliefs of every direction."""
    side = 2 * int(math.ceil(max(RELIEF_RADII) + 1)) + 1
    c = side // 2
    y, x = np.mgrid[-c:c + 1, -c:c + 1].astype(np.float64)
    bank = []
    for r in RELIEF_RADII:
        disc = np.clip(r + 0.5 - np.hypot(x, y), 0, 1)
        t = disc * x / r
        bank.append(t / np.sqrt((t * t).sum()))
    if across:
        bank += [-t.T for t in bank]  # x / r turned to -y / r: bright upwards, as a relief at 90 degrees
    return torch.from_numpy(np.stack(bank)[:, None].astype(np.float32)).to(device)


def relief_l1(restored, sharp, across=False):
    """Mean absolute difference of the matched-filter responses of restored and sharp to the relief templates
    (relief along x, as the ACF training panels are lit; with across also along y, for panels lit from other
    directions): the evidence a particle detector sees. The error of a small, low-contrast particle counts by its
    correlation with a particle's shape rather than pixel by pixel, where pixel noise dominates it."""
    bank = _relief_bank(sharp.device, across)
    pad = bank.shape[-1] // 2
    diff = F.pad(restored - sharp, (pad,) * 4, mode="reflect")
    return F.conv2d(diff, bank).abs().mean()
