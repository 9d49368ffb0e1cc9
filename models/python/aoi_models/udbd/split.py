"""The split formulation of UDBD-Net that the Java runtime executes, written in NumPy as its reference.

The network is exported as three graphs with no Wiener step inside them:
  kernel   : blurred [N,1,H,W] -> kernel [N,1,21,21]              (KernelNet)
  features : blurred [N,1,H,W] -> features [N,C,H,W], regulariser [N,C,1,1]   (DeconvNet.extract)
  refine   : deconvolved [N,C,H,W], blurred [N,1,H,W] -> restored [N,1,H,W]   (DeconvNet.refine)
Between features and refine the caller computes the DFWD step itself with an FFT: every channel is padded by
replicating its edge WIENER_PAD samples on each side, transformed, multiplied by conj(K) / (|K|^2 + C_i), where
K is the spectrum of the 21x21 kernel zero-padded to the padded size with its centre moved to (0, 0),
transformed back and cropped. `wiener_numpy` below is that step; the Java FeatureWiener does the same with
OpenCV's DFT.
"""
import numpy as np

from .model import KERNEL_RADIUS, KERNEL_SIZE, WIENER_PAD


def wrapped_kernel(kernel, height, width):
    """The 21x21 kernel in a height x width array with its centre at (0, 0), wrapping around."""
    out = np.zeros((height, width), dtype=np.float64)
    for y in range(KERNEL_SIZE):
        for x in range(KERNEL_SIZE):
            out[(y - KERNEL_RADIUS) % height, (x - KERNEL_RADIUS) % width] += kernel[y, x]
    return out


def wiener_numpy(features, kernel, regulariser):
    """features [C,H,W], kernel [21,21], regulariser [C] -> deconvolved features [C,H,W] (float64)."""
    c, h, w = features.shape
    padded = np.pad(features.astype(np.float64), ((0, 0), (WIENER_PAD,) * 2, (WIENER_PAD,) * 2), mode="edge")
    ph, pw = padded.shape[-2:]
    k = np.fft.rfft2(wrapped_kernel(kernel.astype(np.float64), ph, pw))
    out = np.empty((c, h, w), dtype=np.float64)
    for i in range(c):
        g = np.conj(k) / (np.abs(k) ** 2 + float(regulariser[i]))
        full = np.fft.irfft2(np.fft.rfft2(padded[i]) * g, s=(ph, pw))
        out[i] = full[WIENER_PAD:WIENER_PAD + h, WIENER_PAD:WIENER_PAD + w]
    return out


def defocus_sigma_px(kernel):
    """The sigma of the Gaussian with the kernel's second moment: sqrt((var_x + var_y) / 2), in px."""
    k = np.asarray(kernel, dtype=np.float64)
    k = k / k.sum()
    ys, xs = np.mgrid[0:k.shape[0], 0:k.shape[1]]
    my, mx = (k * ys).sum(), (k * xs).sum()
    var = (k * ((ys - my) ** 2 + (xs - mx) ** 2)).sum() / 2
    return float(np.sqrt(var))


def split_forward(model, blurred, kernel=None):
    """One pass of the split formulation in PyTorch + NumPy: kernel net (unless `kernel` is given), features,
    `wiener_numpy`, refine. blurred: torch [N,1,H,W]. Returns (restored, kernel) as torch tensors, like
    UDBDNet.forward."""
    import torch
    with torch.no_grad():
        if kernel is None:
            kernel = model.kernel_net(blurred)
        features, regulariser = model.deconv_net.extract(blurred)
        deconv = np.stack([wiener_numpy(features[n].numpy(), kernel[n, 0].numpy(), regulariser[n, :, 0, 0].numpy())
                           for n in range(blurred.shape[0])]).astype(np.float32)
        restored = model.deconv_net.refine(torch.from_numpy(deconv), blurred)
    return restored, kernel
