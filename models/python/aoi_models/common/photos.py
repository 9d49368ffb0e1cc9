"""The photographs both deblurrers learn from and are evaluated on, from Debian packages, and the one split
policy that decides which side of training each one is on.

Catalogue (`photo_sources`): one entry per usable picture, (package, group, path); a group is one scene or
series, so near-duplicates share it. Wallpapers give their largest resolution; visp-images-data sequences are
near duplicates, so each folder gives its first and middle frame, and its blurred and warped copies of other
pictures (Gaussian-filter/, warp/) are left out: they are not sharp, independent sources.

Split policy (SPLIT_BY_PACKAGE, the one place that decides it; UDBD-Net and the motion model, training and
evaluation, all use it): whole Debian packages are assigned to one split, so no photograph, scene or
photographer's set is on two sides.

    train       plasma-workspace-wallpapers, opencv-doc, python3-skimage, visp-images-data
    validation  mate-backgrounds (12 nature photographs)
    test        lomiri-wallpapers-16.04 (15 photographs; held out from training and validation until the end)

Checkpoints trained before this policy: the shipped udbd-net.pt and udbd-net-acf.pt used the legacy split
`legacy_is_validation` (md5(group) within every package), so they saw every package except the test one, and
only the photos with `legacy_is_validation(group)` true were never in their training data. The shipped motion
model was trained on a split by picture family over these packages without lomiri-wallpapers-16.04 (9 of the
12 mate-backgrounds photographs were in its training data), so the test package is the one it never saw.
"""
import glob
import hashlib
import os
import subprocess

import cv2

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
TEST_PACKAGE = "lomiri-wallpapers-16.04"
PHOTO_PACKAGES = tuple(sorted(SPLIT_BY_PACKAGE))
SPLIT_POLICY = "packages-v1"   # recorded in checkpoint states; "legacy" = trained on the md5(group) split
MAX_SIDE = 1280
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pgm", ".ppm")
NOT_SHARP_SOURCES = ("/Gaussian-filter/", "/warp/")   # visp-images-data: blurred and warped copies


def _dpkg_files(package):
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [p for p in out.splitlines() if p.lower().endswith(IMAGE_EXT) and os.path.isfile(p)]


def photo_sources():
    """[(package, group, path)] for every picture of the catalogue, deterministic order."""
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
        if not any(s in p for s in NOT_SHARP_SOURCES):
            by_dir.setdefault(os.path.dirname(p), []).append(p)
    for d, files in sorted(by_dir.items()):
        # sequences are near duplicates: keep the first and the middle frame, split by folder
        for p in sorted({files[0], files[len(files) // 2]}):
            items.append(("visp-images-data", "visp:" + d, p))
    for p in sorted(_dpkg_files(TEST_PACKAGE)):
        items.append((TEST_PACKAGE, "lomiri16:" + os.path.basename(p), p))
    return items


def split_of(package):
    """The split ("train", "val" or "test") of every photo of a package; unknown packages are an error."""
    if package not in SPLIT_BY_PACKAGE:
        raise ValueError("package %r has no split; SPLIT_BY_PACKAGE knows %s" % (package, ", ".join(PHOTO_PACKAGES)))
    return SPLIT_BY_PACKAGE[package]


def check_split(split):
    if split not in SPLITS:
        raise ValueError("split must be one of %s, got %r" % (", ".join(SPLITS), split))


def legacy_is_validation(group):
    """The split the shipped UDBD-Net checkpoints were trained with: md5(group) % 100 < 15 is validation
    (never trained on), in every package except lomiri-wallpapers-16.04 (added later, never trained on)."""
    return int(hashlib.md5(group.encode()).hexdigest()[:8], 16) % 100 < VAL_PERCENT


def seen_by_legacy_training(package, group):
    """Whether a UDBD-Net checkpoint trained on the legacy split had this photo in its training data."""
    return package != TEST_PACKAGE and not legacy_is_validation(group)


def missing_packages():
    """Photo packages of SPLIT_BY_PACKAGE that are not installed (install: apt-get install NAMES)."""
    return [p for p in PHOTO_PACKAGES
            if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]


def load_gray(path, max_side=MAX_SIDE):
    """uint8 grayscale, shrunk (INTER_AREA) so that its longer side is at most max_side; None if unreadable."""
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


def load_split(split, min_side, items=None, unseen_by_legacy=False, max_side=MAX_SIDE):
    """[(package, group, path, uint8 grayscale image)] of one split (SPLIT_BY_PACKAGE), usable photos only
    (at least min_side px on the shorter side after shrinking to max_side, standard deviation above 8 grey
    levels). unseen_by_legacy: keep only the photos that the legacy-split checkpoints never trained on."""
    check_split(split)
    out = []
    for package, group, path in (photo_sources() if items is None else items):
        if split_of(package) != split or (unseen_by_legacy and seen_by_legacy_training(package, group)):
            continue
        img = load_gray(path, max_side)
        if img is None or min(img.shape) < min_side or not informative(img):
            continue
        out.append((package, group, path, img))
    return out


def split_paths(split, min_side, max_side=MAX_SIDE, items=None):
    """The paths of load_split(split, min_side, items, max_side=max_side), in its order."""
    return [row[2] for row in load_split(split, min_side, items, max_side=max_side)]


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
