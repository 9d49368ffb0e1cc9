"""Image quality metrics shared by the UDBD-Net and motion code: PSNR (data range 1) with an optional border
left out, and SSIM as the motion evaluation reports it."""
import numpy as np

BORDER_PX = 8          # the evaluations leave this many px out on every side
MIN_MSE = 1e-12        # an exact match scores 120 dB, not infinity


def psnr(out, ref, border=0, clip=False):
    """PSNR in dB (data range 1) of two arrays of the same shape. border > 0 leaves that many px out on every
    side of an [H, W] or [H, W, C] image (rows and columns are the first two axes); with border 0 any shape
    works (a whole batch gives the PSNR of its mean squared error). clip: clip `out` to [0, 1] first."""
    a = np.asarray(out, np.float64)
    b = np.asarray(ref, np.float64)
    if a.shape != b.shape:
        raise ValueError("PSNR of arrays of different shapes %s and %s" % (a.shape, b.shape))
    if clip:
        a = np.clip(a, 0, 1)
    if border:
        if a.ndim not in (2, 3) or min(a.shape[:2]) <= 2 * border:
            raise ValueError("a border of %d px needs an [H, W] or [H, W, C] image larger than %d px, got %s"
                             % (border, 2 * border, a.shape))
        a, b = a[border:-border, border:-border], b[border:-border, border:-border]
    return 10 * np.log10(1.0 / max(float(np.mean((a - b) ** 2)), MIN_MSE))


def ssim(out, ref):
    """SSIM of two grey [H, W] images in [0, 1] (out clipped first): scikit-image, Gaussian window sigma 1.5,
    no sample covariance, data range 1."""
    from skimage.metrics import structural_similarity
    return structural_similarity(np.asarray(ref, np.float64), np.clip(np.asarray(out, np.float64), 0, 1),
                                 data_range=1.0, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
