"""How the runtime chains UDBD-Net passes: what the kernel net is given, and when a further pass runs.

Two rules, the reference for the Java `UdbdDeblurrer` (which implements both in `KernelNoiseFloor` and its pass
loop):

1. **Noise floor for the first kernel estimate.** A clean 8-bit frame of a smooth, blurred scene keeps the
   quantisation's contour steps, and the kernel net reads those steps as sharp edges: on the held-out test photos,
   noise-free, the least textured crops read 0 to 0.8 px at a true sigma of 2.4. With camera noise the steps drown
   and the same crops read right. So before the first pass the kernel net's input is topped up to
   `NOISE_FLOOR` of noise: the crop's own noise is measured (Immerkaer's estimator, `model.NoiseLevel`) and, when it
   is below the floor, a fixed pattern of standard deviation sqrt(floor^2 - measured^2) is added. A frame that is
   already that noisy is given as it is. The deconvolution always works on the frame itself. Later passes read the
   restored frame, which is not quantised, as it is.
2. **A further pass runs only on blur.** Passes 2 and 3 estimate the kernel on the restored frame; when that kernel
   is below `FURTHER_PASS_MIN_SIGMA_PX` (its equivalent-Gaussian sigma, `split.defocus_sigma_px`) the frame is
   already sharp and it is returned as it is: the network is close to, but not exactly, the identity on sharp
   input, and each pass would cost about 0.2 dB on clean photos.

The pattern is a hash of the pixel's position in the crop (`pattern`), so the runtime and this reference add the
same values and a frame's estimate does not depend on anything but the frame. The floor (0.01) and the threshold
(1 px) were chosen on the validation photos and then measured on the test photos (model card, "Pass policy").
"""
import math

import numpy as np
import torch

from .model import NoiseLevel
from .split import defocus_sigma_px

NOISE_FLOOR = 0.01
FURTHER_PASS_MIN_SIGMA_PX = 1.0
_MASK = torch.tensor(NoiseLevel.MASK).reshape(1, 1, 3, 3)


def _lowbias32(h):
    """The lowbias32 integer hash (C. Wellons) on uint32 arrays, wrapping like Java's int arithmetic."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x7FEB352D)
    h = h ^ (h >> np.uint32(15))
    h = h * np.uint32(0x846CA68B)
    return h ^ (h >> np.uint32(16))


def pattern(height, width):
    """The fixed noise pattern, [height, width] float32 of mean 0 and variance 1: uniform, from the top 24 bits of
    lowbias32(y * 65536 + x)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.uint32)
    with np.errstate(over="ignore"):
        h = _lowbias32(y * np.uint32(65536) + x)
    u = (h >> np.uint32(8)).astype(np.float64) / float(1 << 24)
    return ((u - 0.5) * math.sqrt(12.0)).astype(np.float32)


def measured_noise(x):
    """Immerkaer's noise sigma of each image of [N,1,H,W] (H, W >= 3): [N,1,1,1] (model.NoiseLevel.sigma)."""
    return NoiseLevel.sigma(x, _MASK.to(x.dtype))


def noise_floor(x, floor=NOISE_FLOOR):
    """[N,1,H,W] with each image's noise topped up to `floor` (rule 1); images at or above it unchanged."""
    top_up = torch.sqrt(torch.clamp(floor * floor - measured_noise(x) ** 2, min=0.0))
    return x + top_up * torch.from_numpy(pattern(x.shape[-2], x.shape[-1])).to(x.dtype)


def blind_passes(estimate, restore, blurred, passes, floor=NOISE_FLOOR, min_sigma_px=FURTHER_PASS_MIN_SIGMA_PX):
    """The restored images after 1..`passes` blind passes, as the runtime chains them: a list of [N,1,H,W].

    estimate(x) -> kernels [N,1,21,21] (the kernel net); restore(x, kernels) -> [N,1,H,W] (the deconvolution net,
    in any formulation). The first pass estimates on noise_floor(blurred, floor); a further pass leaves an image as
    it is when its kernel is below min_sigma_px (rule 2). The runtime's values are the defaults; floor 0 and
    min_sigma_px 0 chain the passes without the policy."""
    out = []
    with torch.no_grad():
        y = restore(blurred, estimate(noise_floor(blurred, floor) if floor > 0 else blurred))
        out.append(y)
        for _ in range(1, passes):
            kernels = estimate(y)
            sharp = torch.tensor([defocus_sigma_px(k[0].numpy()) < min_sigma_px for k in kernels])
            if bool(sharp.all()):
                out.append(y)
                continue
            y = torch.where(sharp.reshape(-1, 1, 1, 1), y, restore(y, kernels))
            out.append(y)
    return out
