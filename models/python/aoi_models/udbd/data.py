"""Training and validation data for UDBD-Net: photos of the shared catalogue (aoi_models.common.photos, which
also holds the one split policy), simulated ACF panel crops, Gaussian blur, Poisson-Gaussian noise and 8-bit
quantisation.
"""
import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .model import KERNEL_RADIUS, KERNEL_SIZE

CAMERA_POISSON = 1e-4          # evaluation shot noise: variance per unit intensity, with the read noise
GAUSSIAN8_SIGMAS = [round(1.8 + 0.2 * i, 1) for i in range(8)]
VAL_NOISE_POISSON = 1e-4   # variance per unit intensity
VAL_NOISE_GAUSS = 2e-3     # read-noise standard deviation
READ_NOISE_MAX = 4e-3      # training read noise: standard deviation uniform in [0, this]
SIGMA_MAX = 4.0            # largest training defocus sigma, px (the shipped models were trained to this)
MAX_TRAIN_SIGMA = 5.0      # above it a 21 x 21 kernel cuts the Gaussian inside 2 sigma


def load_panels(files):
    out = []
    for p in files:
        img = cv2.imread(p, cv2.IMREAD_GRAYSCALE)
        if img is not None:
            out.append(img)
    return out


def gaussian_kernel(sigma):
    """21x21 isotropic Gaussian, sum 1; sigma below 0.05 px gives the identity."""
    k = np.zeros((KERNEL_SIZE, KERNEL_SIZE), np.float64)
    if sigma < 0.05:
        k[KERNEL_RADIUS, KERNEL_RADIUS] = 1.0
        return k.astype(np.float32)
    r = np.arange(KERNEL_SIZE) - KERNEL_RADIUS
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma * sigma))
    return (g / g.sum()).astype(np.float32)


def blur_valid(padded, kernels):
    """padded [N,1,H+20,W+20], kernels [N,1,21,21] -> [N,1,H,W] (valid convolution, per sample)."""
    n = padded.shape[0]
    out = F.conv2d(padded.reshape(1, n, *padded.shape[-2:]), torch.flip(kernels, (-2, -1)), groups=n)
    return out.reshape(n, 1, *out.shape[-2:])


def quantise8(x):
    """Clamp to [0, 1] and round to the nearest of 256 levels."""
    return torch.round(x.clamp(0, 1) * 255) / 255


def degrade(blurred, read_noise, gen, poisson=None):
    """The evaluation degradation of a blurred batch: noise-free 8-bit (read_noise 0: exactly
    quantise8(blurred), no noise drawn) or camera-like Poisson-Gaussian noise (variance poisson*x +
    read_noise^2, poisson defaulting to CAMERA_POISSON) before 8-bit quantisation, drawn from `gen`."""
    if read_noise < 0:
        raise ValueError("read noise must be >= 0, got %g" % read_noise)
    if read_noise == 0 and not poisson:
        return quantise8(blurred)
    noise = torch.randn(blurred.shape, generator=gen)
    return add_noise(blurred, CAMERA_POISSON if poisson is None else poisson, read_noise, noise)


MIN_CROP_STD = 0.01   # evaluation crops need at least 2.5 grey levels of standard deviation
MAX_CROP_DRAWS = 50


def eval_crops(images, crops, size, seed):
    """`crops` padded crops [crops, 1, size+20, size+20] (float32, [0, 1]) of `images` (uint8 arrays at
    least size+20 px on both sides): cycling over all images when there are at least as many crops as
    images, otherwise from evenly spaced images; positions from `seed`, redrawn (up to 50 times) while the
    crop is flat (standard deviation below MIN_CROP_STD): the same call gives the same crops."""
    big = size + 2 * KERNEL_RADIUS
    usable = [im for im in images if min(im.shape) >= big]
    if not usable:
        raise ValueError("no image is at least %d px on its shorter side (crop %d)" % (big, size))
    rng = np.random.default_rng(seed)
    out = []
    n = len(usable)
    for i in range(crops):
        img = usable[i % n if crops >= n else (i * n) // crops]
        for _ in range(MAX_CROP_DRAWS):  # a flat crop (PSNR near infinity) would dominate a mean of PSNRs
            y = rng.integers(0, img.shape[0] - big + 1)
            x = rng.integers(0, img.shape[1] - big + 1)
            c = img[y:y + big, x:x + big].astype(np.float32) / 255.0
            if c[KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS].std() >= MIN_CROP_STD:
                break
        out.append(c)
    return torch.from_numpy(np.stack(out)[:, None])


def blur_crops(padded, sigma):
    """(sharp [N,1,S,S], blurred [N,1,S,S] before any noise or quantisation, kernels [N,1,21,21]) of padded
    crops blurred with the Gaussian of `sigma` (valid convolution)."""
    k = torch.from_numpy(gaussian_kernel(sigma))[None, None].expand(padded.shape[0], 1, -1, -1).contiguous()
    sharp = padded[:, :, KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS].contiguous()
    return sharp, blur_valid(padded, k), k


def add_noise(x, poisson, gauss, noise):
    """Poisson-Gaussian noise (variance poisson*x + gauss^2) from a standard normal draw `noise` shaped like
    x, then 8-bit quantisation."""
    std = torch.sqrt(poisson * x.clamp(min=0) + gauss * gauss)
    y = x + std * noise
    return torch.round(y.clamp(0, 1) * 255) / 255


class TrainSampler:
    """Random blurred/sharp crop batches. 20% of samples are near-identity (sigma in [0, 0.6]), the others have a
    Gaussian defocus of sigma uniform in [1, sigma_max] px. Read noise is
    drawn per sample, its standard deviation uniform in [read_noise_min, read_noise_max] (fraction of full
    scale); a share `clean_share` of the samples gets no noise at all (8-bit quantisation only)."""

    def __init__(self, images, crop, seed, read_noise_max=READ_NOISE_MAX, panels=(), panel_share=None,
                 read_noise_min=0.0, fixed_illumination=False, sigma_max=SIGMA_MAX, clean_share=0.0):
        """images: photos (and panel crops, when panel_share is None) drawn in proportion to the square root
        of their area; with panel_share given, panel crops are drawn that share of the time instead.
        fixed_illumination: panel crops are only flipped top to bottom, never rotated or mirrored left to
        right, so their particles keep the station's illumination direction (bright half towards +x)."""
        if not 1.0 < sigma_max <= MAX_TRAIN_SIGMA:
            raise ValueError("sigma_max = %g px; allowed: above 1 and at most %g (the %d px kernel's support)"
                             % (sigma_max, MAX_TRAIN_SIGMA, 2 * KERNEL_RADIUS + 1))
        if not 0.0 <= clean_share <= 1.0:
            raise ValueError("clean_share = %g; allowed: 0 to 1" % clean_share)
        self.sigma_max = sigma_max
        self.clean_share = clean_share
        self.read_noise_min = read_noise_min
        self.read_noise_max = read_noise_max
        self.fixed_illumination = fixed_illumination
        big = crop + 2 * KERNEL_RADIUS
        photos = [i for i in images if min(i.shape) >= big]
        panels = [i for i in panels if min(i.shape) >= big]
        self.images = photos + panels
        self.first_panel = len(photos)
        if not self.images:
            raise ValueError("no training image is at least %d px on its shorter side (crop %d)" % (big, crop))
        self.crop = crop
        self.rng = np.random.default_rng(seed)
        self.gen = torch.Generator().manual_seed(seed)
        roots = np.sqrt(np.array([float(i.shape[0] * i.shape[1]) for i in self.images]))
        if panel_share is None or not panels or not photos:
            self.weights = roots / roots.sum()
        else:
            n = len(photos)
            self.weights = np.concatenate([(1 - panel_share) * roots[:n] / roots[:n].sum(),
                                           panel_share * roots[n:] / roots[n:].sum()])

    def batch(self, n, device="cpu"):
        """(blurred, sharp, kernels) on `device`; blur and noise are computed there."""
        big = self.crop + 2 * KERNEL_RADIUS
        crops, kernels = [], []
        for _ in range(n):
            index = self.rng.choice(len(self.images), p=self.weights)
            img = self.images[index]
            y = self.rng.integers(0, img.shape[0] - big + 1)
            x = self.rng.integers(0, img.shape[1] - big + 1)
            c = img[y:y + big, x:x + big].astype(np.float32) / 255.0
            if self.fixed_illumination and index >= self.first_panel:
                if self.rng.random() < 0.5:
                    c = c[::-1, :]
            else:
                c = np.rot90(c, self.rng.integers(0, 4))
                if self.rng.random() < 0.5:
                    c = c[:, ::-1]
            if self.rng.random() < 0.3:  # contrast variation
                c = np.clip((c - 0.5) * self.rng.uniform(0.5, 1.2) + self.rng.uniform(0.4, 0.6), 0, 1)
            crops.append(np.ascontiguousarray(c))
            sigma = self.rng.uniform(0, 0.6) if self.rng.random() < 0.2 else self.rng.uniform(1, self.sigma_max)
            kernels.append(gaussian_kernel(sigma))
        padded = torch.from_numpy(np.stack(crops)[:, None]).to(device)
        k = torch.from_numpy(np.stack(kernels)[:, None]).to(device)
        sharp = padded[:, :, KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS].contiguous()
        blurred = blur_valid(padded, k)
        # drawn only with a clean share, so runs without one keep their random stream
        noisy = ((self.rng.random((n, 1, 1, 1)) >= self.clean_share) if self.clean_share > 0
                 else np.ones((n, 1, 1, 1))).astype(np.float32)
        poisson = torch.from_numpy(noisy * self.rng.uniform(0, 4e-4, (n, 1, 1, 1)).astype(np.float32)).to(device)
        gauss = torch.from_numpy(noisy * self.rng.uniform(self.read_noise_min, self.read_noise_max, (n, 1, 1, 1))
                                 .astype(np.float32)).to(device)
        noise = torch.randn(blurred.shape, generator=self.gen).to(device)
        return add_noise(blurred, poisson, gauss, noise), sharp, k


def gaussian8_set(val_images, crops=32, size=256, seed=1234):
    """Fixed validation set: `crops` crops of the validation images, each blurred with the 8 Gaussian8 sigmas,
    fixed-seed noise. Returns dict of float32 arrays: sharp [crops,1,S,S], blurred [8,crops,1,S,S],
    kernels [8,1,21,21], sigmas [8]."""
    rng = np.random.default_rng(seed)
    gen = torch.Generator().manual_seed(seed)
    big = size + 2 * KERNEL_RADIUS
    usable = [im for im in val_images if min(im.shape) >= big]
    padded = []
    for i in range(crops):
        img = usable[i % len(usable)]
        y = rng.integers(0, img.shape[0] - big + 1)
        x = rng.integers(0, img.shape[1] - big + 1)
        padded.append(img[y:y + big, x:x + big].astype(np.float32) / 255.0)
    padded = torch.from_numpy(np.stack(padded)[:, None])
    sharp = padded[:, :, KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS].contiguous()
    blurred, kernels = [], []
    for s in GAUSSIAN8_SIGMAS:
        k = torch.from_numpy(gaussian_kernel(s))[None, None]
        b = blur_valid(padded, k.expand(crops, 1, -1, -1).contiguous())
        blurred.append(add_noise(b, VAL_NOISE_POISSON, VAL_NOISE_GAUSS, torch.randn(b.shape, generator=gen)).numpy())
        kernels.append(k[0].numpy())
    return {"sharp": sharp.numpy(), "blurred": np.stack(blurred), "kernels": np.stack(kernels),
            "sigmas": np.array(GAUSSIAN8_SIGMAS, np.float32), "images_used": np.array(len(usable))}


def write_pack(path, train_images, panels, val, val_crops=4):
    """Everything a training run needs, in one file that travels without the Debian packages: training photos
    and panel crops as PNG bytes, and the first `val_crops` Gaussian8 validation crops as exact uint8 (the
    validation frames are 8-bit quantised already)."""
    arrays = {}
    for i, img in enumerate(train_images):
        arrays["train_%04d" % i] = np.frombuffer(cv2.imencode(".png", img)[1].tobytes(), np.uint8)
    for i, img in enumerate(panels):
        arrays["panel_%04d" % i] = np.frombuffer(cv2.imencode(".png", img)[1].tobytes(), np.uint8)
    arrays["val_sharp"] = np.round(val["sharp"][:val_crops] * 255).astype(np.uint8)
    arrays["val_blurred"] = np.round(val["blurred"][:, :val_crops] * 255).astype(np.uint8)
    for key in ("kernels", "sigmas"):
        arrays["val_" + key] = val[key]
    np.savez(path, **arrays)


def read_pack(path):
    """Returns (train photos, panel crops, validation dict) from a file written by write_pack."""
    pack = np.load(path)
    decode = lambda key: cv2.imdecode(pack[key], cv2.IMREAD_GRAYSCALE)  # noqa: E731
    photos = [decode(k) for k in sorted(pack.files) if k.startswith("train_")]
    panels = [decode(k) for k in sorted(pack.files) if k.startswith("panel_")]
    val = {"sharp": pack["val_sharp"].astype(np.float32) / 255, "blurred": pack["val_blurred"].astype(np.float32) / 255,
           "kernels": pack["val_kernels"], "sigmas": pack["val_sigmas"]}
    return photos, panels, val
