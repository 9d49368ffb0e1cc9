"""Training and validation data for UDBD-Net: photos from Debian packages (converted to grayscale), simulated
ACF panel crops, Gaussian blur, Poisson-Gaussian noise and 8-bit quantisation.

Split policy (SPLIT_BY_PACKAGE, the one place that decides it; training and evaluation both use it): whole
Debian packages are assigned to one split, so no photograph, scene or photographer's set is on two sides.

    train       plasma-workspace-wallpapers, opencv-doc, python3-skimage, visp-images-data
    validation  mate-backgrounds (12 nature photographs)
    test        lomiri-wallpapers-16.04 (15 photographs; held out from training and validation until the end)

Checkpoints trained before this policy (the shipped udbd-net.pt and udbd-net-acf.pt) used the legacy split
`legacy_is_validation`: md5(group) within every package, so they saw every package except the test one, and
only the photos with `legacy_is_validation(group)` true were never in their training data.
"""
import glob
import hashlib
import os
import subprocess

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .model import KERNEL_RADIUS, KERNEL_SIZE

VAL_PERCENT = 15           # legacy split only (legacy_is_validation)
SPLITS = ("train", "val", "test")
SPLIT_BY_PACKAGE = {
    "plasma-workspace-wallpapers": "train",
    "opencv-doc": "train",
    "python3-skimage": "train",
    "visp-images-data": "train",
    "mate-backgrounds": "val",
    "lomiri-wallpapers-16.04": "test",
}
PHOTO_PACKAGES = tuple(sorted(SPLIT_BY_PACKAGE))
SPLIT_POLICY = "packages-v1"   # recorded in checkpoint states; "legacy" = trained on the md5(group) split
CAMERA_POISSON = 1e-4          # evaluation shot noise: variance per unit intensity, with the read noise
MAX_SIDE = 1280
GAUSSIAN8_SIGMAS = [round(1.8 + 0.2 * i, 1) for i in range(8)]
VAL_NOISE_POISSON = 1e-4   # variance per unit intensity
VAL_NOISE_GAUSS = 2e-3     # read-noise standard deviation
READ_NOISE_MAX = 4e-3      # training read noise: standard deviation uniform in [0, this]
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pgm", ".ppm")


def _dpkg_files(package):
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [p for p in out.splitlines() if p.lower().endswith(IMAGE_EXT) and os.path.isfile(p)]


def photo_sources():
    """[(package, group, path)] for every usable photo, deterministic order."""
    items = []
    for d in sorted(glob.glob("/usr/share/wallpapers/*/contents/images")):
        files = sorted(glob.glob(os.path.join(d, "*")), key=os.path.getsize)
        if files:
            name = d.split("/")[4]
            items.append(("plasma-workspace-wallpapers", "wallpaper:" + name, files[-1]))
    for p in sorted(glob.glob("/usr/share/backgrounds/mate/nature/*")):
        if p.lower().endswith(IMAGE_EXT):
            items.append(("mate-backgrounds", "mate:" + os.path.basename(p), p))
    for p in sorted(_dpkg_files("opencv-doc")):
        if "/data/" in p:
            items.append(("opencv-doc", "opencv:" + os.path.basename(p), p))
    skdir = "/usr/lib/python3/dist-packages/skimage/data"
    for p in sorted(glob.glob(os.path.join(skdir, "*"))):
        if p.lower().endswith(IMAGE_EXT):
            items.append(("python3-skimage", "skimage:" + os.path.basename(p), p))
    by_dir = {}
    for p in sorted(_dpkg_files("visp-images-data")):
        by_dir.setdefault(os.path.dirname(p), []).append(p)
    for d, files in sorted(by_dir.items()):
        # sequences are near duplicates: keep the first and the middle frame, split by folder
        for p in sorted({files[0], files[len(files) // 2]}):
            items.append(("visp-images-data", "visp:" + d, p))
    for p in sorted(_dpkg_files("lomiri-wallpapers-16.04")):
        items.append(("lomiri-wallpapers-16.04", "lomiri16:" + os.path.basename(p), p))
    return items


def split_of(package):
    """The split ("train", "val" or "test") of every photo of a package; unknown packages are an error."""
    if package not in SPLIT_BY_PACKAGE:
        raise ValueError("package %r has no split; SPLIT_BY_PACKAGE knows %s" % (package, ", ".join(PHOTO_PACKAGES)))
    return SPLIT_BY_PACKAGE[package]


def legacy_is_validation(group):
    """The split the shipped checkpoints were trained with: md5(group) % 100 < 15 is validation (never
    trained on), in every package except lomiri-wallpapers-16.04 (added later, never trained on)."""
    return int(hashlib.md5(group.encode()).hexdigest()[:8], 16) % 100 < VAL_PERCENT


def seen_by_legacy_training(package, group):
    """Whether a checkpoint trained on the legacy split had this photo in its training data."""
    return package != "lomiri-wallpapers-16.04" and not legacy_is_validation(group)


def missing_packages():
    """Photo packages of SPLIT_BY_PACKAGE that are not installed (install: apt-get install NAMES)."""
    return [p for p in PHOTO_PACKAGES
            if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]


def load_gray(path, max_side=MAX_SIDE):
    img = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if img is None:
        return None
    h, w = img.shape
    scale = max_side / max(h, w)
    if scale < 1:
        img = cv2.resize(img, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    return img


def informative(img):
    return img.std() > 8.0


def load_split(split, min_side, items=None, unseen_by_legacy=False):
    """[(package, group, path, uint8 grayscale image)] of one split (SPLIT_BY_PACKAGE), usable photos only
    (at least min_side px on the shorter side, standard deviation above 8 grey levels). unseen_by_legacy:
    keep only the photos that the legacy-split checkpoints never trained on."""
    if split not in SPLITS:
        raise ValueError("split must be one of %s, got %r" % (", ".join(SPLITS), split))
    out = []
    for package, group, path in (photo_sources() if items is None else items):
        if split_of(package) != split or (unseen_by_legacy and seen_by_legacy_training(package, group)):
            continue
        img = load_gray(path)
        if img is None or min(img.shape) < min_side or not informative(img):
            continue
        out.append((package, group, path, img))
    return out


def load_photos(min_side):
    """Returns (train, val, summary): lists of uint8 grayscale arrays of the training and validation splits
    (the test split is never loaded here) and a dict of counts per (package, split)."""
    items = photo_sources()
    train = load_split("train", min_side, items)
    val = load_split("val", min_side, items)
    summary = {}
    for split, rows in (("train", train), ("val", val)):
        for package, _, _, _ in rows:
            summary[(package, split)] = summary.get((package, split), 0) + 1
    return [r[3] for r in train], [r[3] for r in val], summary


def ensure_panels(repo_root, out_dir, count=300, size=256, seed=7, log=print):
    """Renders simulated ACF panel crops with the Java simulator if out_dir has none. Returns the PNG list."""
    files = sorted(glob.glob(os.path.join(out_dir, "*.png")))
    if files:
        return files
    src = os.path.join(repo_root, "plugin/tools/src/main/java/io/aoi/camera/sim/RenderPanels.java")
    if not os.path.isfile(src):
        log("panel simulator not in this checkout; training on photos only")
        return []
    os.makedirs(out_dir, exist_ok=True)
    try:
        # builds the development tools' jar (plugin/tools), which holds the renderer and what it needs
        subprocess.run(["mvn", "-B", "-o", "-q", "-pl", "plugin/tools", "-am", "-DskipTests", "package"],
                       cwd=repo_root, check=True)
        jar = os.path.join(repo_root, "plugin/tools/target/aoi-tools.jar")
        subprocess.run(["java", "-jar", jar, "RenderPanels", "--out", out_dir,
                        "--count", str(count), "--width", str(size), "--height", str(size),
                        "--seed", str(seed)], cwd=repo_root, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        log("panel rendering failed (%s); training on photos only" % e)
        return []
    files = sorted(glob.glob(os.path.join(out_dir, "*.png")))
    log("rendered %d panel crops into %s" % (len(files), out_dir))
    return files


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
    """Random blurred/sharp crop batches. 20% of samples are near-identity (sigma in [0, 0.6]). Read noise is
    drawn per sample, its standard deviation uniform in [read_noise_min, read_noise_max] (fraction of full
    scale)."""

    def __init__(self, images, crop, seed, read_noise_max=READ_NOISE_MAX, panels=(), panel_share=None,
                 read_noise_min=0.0, fixed_illumination=False):
        """images: photos (and panel crops, when panel_share is None) drawn in proportion to the square root
        of their area; with panel_share given, panel crops are drawn that share of the time instead.
        fixed_illumination: panel crops are only flipped top to bottom, never rotated or mirrored left to
        right, so their particles keep the station's illumination direction (bright half towards +x)."""
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
            sigma = self.rng.uniform(0, 0.6) if self.rng.random() < 0.2 else self.rng.uniform(1, 4)
            kernels.append(gaussian_kernel(sigma))
        padded = torch.from_numpy(np.stack(crops)[:, None]).to(device)
        k = torch.from_numpy(np.stack(kernels)[:, None]).to(device)
        sharp = padded[:, :, KERNEL_RADIUS:-KERNEL_RADIUS, KERNEL_RADIUS:-KERNEL_RADIUS].contiguous()
        blurred = blur_valid(padded, k)
        poisson = torch.from_numpy(self.rng.uniform(0, 4e-4, (n, 1, 1, 1)).astype(np.float32)).to(device)
        gauss = torch.from_numpy(self.rng.uniform(self.read_noise_min, self.read_noise_max, (n, 1, 1, 1))
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


def psnr(a, b):
    mse = float(np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
    return 10 * np.log10(1.0 / max(mse, 1e-12))


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
