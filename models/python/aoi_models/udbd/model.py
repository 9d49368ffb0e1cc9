"""UDBD-Net for grayscale frames: kernel estimation, deep feature-based Wiener deconvolution (DFWD) and a
NAFNet encoder-decoder refinement, residual to the input.

The Wiener step has two interchangeable formulations with no weights of their own:
``fft`` (torch.fft, used for training) and ``matmul`` (DFT matrices built in-graph from torch.arange, used
for ONNX export). Everything that depends on the frame size is computed from tensor shapes so that a
traced graph keeps dynamic height and width.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

KERNEL_SIZE = 21
KERNEL_RADIUS = KERNEL_SIZE // 2
FILTER_SIZES = (11, 7, 5, 1)
WIENER_PAD = 16
ENCODER_STRIDE = 4


class ResBlock(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.c1 = nn.Conv2d(ch, ch, 3, padding=1)
        self.c2 = nn.Conv2d(ch, ch, 3, padding=1)

    def forward(self, x):
        return x + self.c2(F.relu(self.c1(x)))


class LayerNorm2d(nn.LayerNorm):
    """Layer norm over the channel axis of an NCHW tensor."""

    def forward(self, x):
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class NAFBlock(nn.Module):
    """NAFNet block: LN, 1x1 expand, depthwise 3x3, SimpleGate, simplified channel attention; then a gated FFN."""

    def __init__(self, ch):
        super().__init__()
        self.n1 = LayerNorm2d(ch)
        self.pw1 = nn.Conv2d(ch, 2 * ch, 1)
        self.dw = nn.Conv2d(2 * ch, 2 * ch, 3, padding=1, groups=2 * ch)
        self.sca = nn.Conv2d(ch, ch, 1)
        self.pw2 = nn.Conv2d(ch, ch, 1)
        self.n2 = LayerNorm2d(ch)
        self.ff1 = nn.Conv2d(ch, 2 * ch, 1)
        self.ff2 = nn.Conv2d(ch, ch, 1)
        self.beta = nn.Parameter(torch.zeros(1, ch, 1, 1))
        self.gamma = nn.Parameter(torch.zeros(1, ch, 1, 1))

    @staticmethod
    def gate(x):
        a, b = x.chunk(2, dim=1)
        return a * b

    def forward(self, x):
        y = self.gate(self.dw(self.pw1(self.n1(x))))
        y = y * self.sca(y.mean(dim=(2, 3), keepdim=True))
        x = x + self.pw2(y) * self.beta
        y = self.ff2(self.gate(self.ff1(self.n2(x))))
        return x + y * self.gamma


class NoiseLevel(nn.Module):
    """log(sigma + 1e-3) of an image's noise, one value per sample: Immerkaer's fast estimator (J. Immerkaer,
    "Fast noise variance estimation", CVIU 1996), the mean absolute response to the 3x3 difference-of-Laplacians
    mask times sqrt(pi / 2) / 6. The mask cancels planes and is small on smooth structure, and a defocused frame
    is smooth, so on the blurred input it responds mostly to the noise. No weights."""

    MASK = ((1.0, -2.0, 1.0), (-2.0, 4.0, -2.0), (1.0, -2.0, 1.0))

    def __init__(self):
        super().__init__()
        self.register_buffer("mask", torch.tensor(self.MASK).reshape(1, 1, 3, 3), persistent=False)

    @staticmethod
    def sigma(x, mask):
        """The estimator itself: the noise sigma of each image of [N,1,H,W] (H, W >= 3), [N,1,1,1]; `mask` is
        MASK as a [1,1,3,3] tensor of x's dtype and device."""
        return F.conv2d(x, mask).abs().mean(dim=(2, 3), keepdim=True) * (math.sqrt(math.pi / 2) / 6)

    def forward(self, x):
        return torch.log(self.sigma(x, self.mask) + 1e-3)


class KernelNet(nn.Module):
    """Estimates one 21x21 blur kernel per frame: 11x11 conv + ResBlocks, global average pooling, a 1x1 conv
    to the weights of 11x11, 7x7, 5x5 and 1x1 filters that are convolved together."""

    def __init__(self, ch):
        super().__init__()
        self.head = nn.Conv2d(1, ch, 11, stride=2, padding=5)
        self.body = nn.Sequential(
            ResBlock(ch),
            nn.Conv2d(ch, 2 * ch, 3, stride=2, padding=1), nn.ReLU(),
            ResBlock(2 * ch),
            nn.Conv2d(2 * ch, 2 * ch, 3, stride=2, padding=1), nn.ReLU(),
            ResBlock(2 * ch),
        )
        self.to_filters = nn.Conv2d(2 * ch, sum(s * s for s in FILTER_SIZES), 1)

    def forward(self, x):
        f = self.body(F.relu(self.head(x - 0.5)))
        w = self.to_filters(f.mean(dim=(2, 3), keepdim=True)).flatten(1)  # [N, 196]
        kernel = None
        start = 0
        for s in FILTER_SIZES:
            logits = w[:, start:start + s * s]
            start += s * s
            if s == 1:
                filt = F.softplus(logits).reshape(-1, 1, 1)
            else:
                filt = torch.softmax(logits, dim=1).reshape(-1, s, s)
            kernel = filt if kernel is None else full_conv(kernel, filt)
        kernel = kernel / kernel.sum(dim=(1, 2), keepdim=True)
        return kernel.unsqueeze(1)  # [N, 1, 21, 21]


def full_conv(a, b):
    """Full 2-D convolution of per-sample kernels a [N,p,p] and b [N,q,q] -> [N,p+q-1,p+q-1].

    Traced for export it is a sum of shifted adds (no batch-dependent conv groups, so the batch stays dynamic
    in ONNX); in training the same sum is one grouped convolution, which is much faster on a GPU."""
    p = a.shape[-1]
    q = b.shape[-1]
    if q == 1:
        return a * b
    if not torch.jit.is_tracing():
        n_batch = a.shape[0]
        padded = F.pad(a, (q - 1, q - 1, q - 1, q - 1)).unsqueeze(0)  # [1, N, p+2q-2, p+2q-2]
        return F.conv2d(padded, torch.flip(b, (-2, -1)).unsqueeze(1), groups=n_batch)[0]
    n = p + q - 1
    out = None
    for i in range(q):
        for j in range(q):
            term = F.pad(a, (j, n - p - j, i, n - p - i)) * b[:, i:i + 1, j:j + 1]
            out = term if out is None else out + term
    return out


def _as(like, *mats):
    """DFT matrices in the dtype of `like` (float32 in training and export, float64 in precision tests)."""
    if like.dtype == torch.float32:
        return mats
    return tuple(m.to(like.dtype) for m in mats)


def kernel_spectrum(kernel, height, width):
    """rfft2 of the kernel zero-padded to height x width with its centre moved to (0, 0), computed directly as
    K = E_h k E_w^T with small DFT matrices (exact, and the same in both formulations).

    kernel [N,1,21,21]; height/width: 0-dim tensors or ints. Returns (real, imag) [N,1,H,W//2+1]."""
    device = kernel.device
    taps = torch.arange(KERNEL_SIZE, device=device).float() - KERNEL_RADIUS
    hf = height.float() if torch.is_tensor(height) else float(height)
    wf = width.float() if torch.is_tensor(width) else float(width)
    wr = torch.div(width, 2, rounding_mode="floor") + 1 if torch.is_tensor(width) else width // 2 + 1
    u = torch.arange(height, device=device).float()
    v = torch.arange(wr, device=device).float()
    ang_h = 2 * math.pi * torch.remainder(u[:, None] * taps[None, :], hf) / hf  # [H, 21]
    ang_w = 2 * math.pi * torch.remainder(v[:, None] * taps[None, :], wf) / wf  # [Wr, 21]
    ch, sh, cw, sw = _as(kernel, torch.cos(ang_h), torch.sin(ang_h), torch.cos(ang_w), torch.sin(ang_w))
    # exp(-i a) exp(-i b) k summed: real = (ch k cw^T - sh k sw^T), imag = -(sh k cw^T + ch k sw^T)
    kc = torch.matmul(kernel, cw.t())
    ks = torch.matmul(kernel, sw.t())
    real = torch.matmul(ch, kc) - torch.matmul(sh, ks)
    imag = -(torch.matmul(sh, kc) + torch.matmul(ch, ks))
    return real, imag


def wiener_fft(feat, kr, ki, c):
    """Per-channel Wiener filter conj(K) / (|K|^2 + C) applied with torch.fft (training formulation)."""
    spec = torch.fft.rfft2(feat)
    den = kr * kr + ki * ki + c
    gr, gi = kr / den, -ki / den
    out = torch.complex(spec.real * gr - spec.imag * gi, spec.real * gi + spec.imag * gr)
    return torch.fft.irfft2(out, s=feat.shape[-2:])


def wiener_matmul(feat, kr, ki, c):
    """The same filter with real DFT matrices built in-graph from torch.arange (export formulation)."""
    h = feat.shape[-2]
    w = feat.shape[-1]
    device = feat.device
    hf = torch.tensor(h).float() if not torch.is_tensor(h) else h.float()
    wf = torch.tensor(w).float() if not torch.is_tensor(w) else w.float()
    wr = torch.div(w, 2, rounding_mode="floor") + 1 if torch.is_tensor(w) else w // 2 + 1
    y = torch.arange(h, device=device).float()
    x = torch.arange(w, device=device).float()
    v = torch.arange(wr, device=device).float()
    ang_h = 2 * math.pi * torch.remainder(y[:, None] * y[None, :], hf) / hf  # [H, H] symmetric
    ang_w = 2 * math.pi * torch.remainder(x[:, None] * v[None, :], wf) / wf  # [W, Wr]
    ch, sh, cw, sw = _as(feat, torch.cos(ang_h), torch.sin(ang_h), torch.cos(ang_w), torch.sin(ang_w))
    # forward along W (real input): A - iB
    a = torch.matmul(feat, cw)
    b = torch.matmul(feat, sw)
    # forward along H: (ch - i sh)(a - i b) = (ch a - sh b) - i (sh a + ch b)
    sr = torch.matmul(ch, a) - torch.matmul(sh, b)
    si = -(torch.matmul(sh, a) + torch.matmul(ch, b))
    den = kr * kr + ki * ki + c
    gr, gi = kr / den, -ki / den
    zr = sr * gr - si * gi
    zi = sr * gi + si * gr
    # inverse along H: (ch + i sh)(zr + i zi)
    pr = torch.matmul(ch, zr) - torch.matmul(sh, zi)
    pi = torch.matmul(ch, zi) + torch.matmul(sh, zr)
    # inverse along W to real with Hermitian weights: 1 at v=0 and at v=W/2 (even W), else 2
    weight = 2.0 - torch.eq(v, 0).to(feat.dtype) - torch.eq(2 * v, wf).to(feat.dtype)
    out = torch.matmul(pr * weight, cw.t()) - torch.matmul(pi * weight, sw.t())
    return out / (hf * wf)


class DeconvNet(nn.Module):
    """Feature extraction, DFWD with a per-channel regulariser C_i, NAFNet encoder-decoder refinement."""

    def __init__(self, ch, blocks=(1, 1, 1), noise_input=False):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, ch, 3, padding=1), ResBlock(ch))
        self.c_head = nn.Conv2d(ch, ch, 1)
        nn.init.zeros_(self.c_head.weight)
        nn.init.constant_(self.c_head.bias, math.log(math.expm1(0.01)))
        self.noise_input = noise_input
        if noise_input:
            # the input's noise level steers the regulariser C_i and the refinement; zero at first, so a
            # fine-tune from a model without it starts from that model's function
            self.noise = NoiseLevel()
            self.c_noise = nn.Conv2d(1, ch, 1)
            self.intro_noise = nn.Conv2d(1, ch, 1)
            for conv in (self.c_noise, self.intro_noise):
                nn.init.zeros_(conv.weight)
                nn.init.zeros_(conv.bias)
        self.intro = nn.Conv2d(ch + 1, ch, 3, padding=1)
        self.enc1 = nn.Sequential(*[NAFBlock(ch) for _ in range(blocks[0])])
        self.down1 = nn.Conv2d(ch, 2 * ch, 2, stride=2)
        self.enc2 = nn.Sequential(*[NAFBlock(2 * ch) for _ in range(blocks[1])])
        self.down2 = nn.Conv2d(2 * ch, 4 * ch, 2, stride=2)
        self.mid = nn.Sequential(*[NAFBlock(4 * ch) for _ in range(blocks[2])])
        self.up2 = nn.Sequential(nn.Conv2d(4 * ch, 8 * ch, 1), nn.PixelShuffle(2))
        self.dec2 = nn.Sequential(*[NAFBlock(2 * ch) for _ in range(blocks[1])])
        self.up1 = nn.Sequential(nn.Conv2d(2 * ch, 4 * ch, 1), nn.PixelShuffle(2))
        self.outro = nn.Conv2d(ch, 1, 3, padding=1)
        self.dft = "fft"

    def extract(self, x):
        """Graph A of the split network: blurred [N,1,H,W] -> (features [N,C,H,W], regulariser C_i [N,C,1,1])."""
        feat = self.features(x - 0.5)
        c = self.c_head(feat.mean(dim=(2, 3), keepdim=True))
        if self.noise_input:
            c = c + self.c_noise(self.noise(x))
        return feat, F.softplus(c) + 1e-4  # C_i [N, C, 1, 1]

    def deconvolve(self, feat, kernel, c):
        """The DFWD step: replicate pad by WIENER_PAD, conj(K)/(|K|^2 + C_i) per channel, crop back."""
        h = feat.shape[-2]
        w = feat.shape[-1]
        padded = F.pad(feat, (WIENER_PAD, WIENER_PAD, WIENER_PAD, WIENER_PAD), mode="replicate")
        kr, ki = kernel_spectrum(kernel, padded.shape[-2], padded.shape[-1])
        wiener = wiener_fft if self.dft == "fft" else wiener_matmul
        return wiener(padded, kr, ki, c)[:, :, WIENER_PAD:WIENER_PAD + h, WIENER_PAD:WIENER_PAD + w]

    def refine(self, deconv, x):
        """Graph B of the split network: deconvolved features and the blurred frame -> restored [N,1,H,W]."""
        h = x.shape[-2]
        w = x.shape[-1]
        z = torch.cat([deconv, x - 0.5], dim=1)
        # reflect pad to a multiple of the encoder stride, sizes computed from the tensor
        ph = torch.remainder(-h, ENCODER_STRIDE) if torch.is_tensor(h) else (-h) % ENCODER_STRIDE
        pw = torch.remainder(-w, ENCODER_STRIDE) if torch.is_tensor(w) else (-w) % ENCODER_STRIDE
        z = F.pad(z, (0, pw, 0, ph), mode="reflect")
        intro = self.intro(z)
        if self.noise_input:
            intro = intro + self.intro_noise(self.noise(x))
        e1 = self.enc1(intro)
        e2 = self.enc2(self.down1(e1))
        m = self.mid(self.down2(e2))
        d2 = self.dec2(self.up2(m) + e2)
        d1 = self.up1(d2) + e1
        out = self.outro(d1)[:, :, :h, :w]
        return torch.clamp(x + out, 0.0, 1.0)

    def forward(self, x, kernel):
        feat, c = self.extract(x)
        return self.refine(self.deconvolve(feat, kernel, c), x)


class UDBDNet(nn.Module):
    def __init__(self, ch=16, kernel_ch=16, blocks=(1, 1, 1), noise_input=False):
        super().__init__()
        self.kernel_net = KernelNet(kernel_ch)
        self.deconv_net = DeconvNet(ch, tuple(blocks), noise_input)

    def set_dft(self, mode):
        assert mode in ("fft", "matmul")
        self.deconv_net.dft = mode

    def forward(self, blurred, kernel=None):
        """blurred [N,1,H,W] in [0,1]. With kernel given (stage 1) the deconvolution uses it; otherwise the
        estimated kernel. Returns (restored, estimated_kernel)."""
        est = self.kernel_net(blurred)
        restored = self.deconv_net(blurred, est if kernel is None else kernel)
        return restored, est


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def build_model(state):
    """The network a checkpoint's state describes: width (deconvolution net), kernel_width (kernel net,
    defaults to width), blocks (NAFNet blocks per encoder level, defaults to one each) and noise_input (the
    deconvolution net is given the input's noise level, NoiseLevel; off by default)."""
    width = state["width"]
    return UDBDNet(width, state.get("kernel_width", width), tuple(state.get("blocks", (1, 1, 1))),
                   state.get("noise_input", False))
