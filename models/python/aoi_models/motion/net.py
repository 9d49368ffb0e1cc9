"""Two-stage, three-frame motion deblurring network (grayscale, dynamic height and width).

Stage 1 restores the centre frame B0 alone with an encoder-decoder (P0). Stage 2 runs two encoders that do
not share weights on (B-1, P0) and (B1, P0); each fuses the stage-1 encoder features of B0 at every level
(concat + 1x1 conv); their codes are concatenated, fused by a 1x1 conv and decoded by one shared decoder
into a residual on P0: E0 = P0 + residual.

Every input is reflect-padded in the graph to a multiple of 4 and the output is cropped back, so any
height and width >= 4 works (also after ONNX export).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv(cin, cout, k=5, stride=1):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2)


def norm(c):
    return nn.InstanceNorm2d(c, affine=True)


class ResBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(conv(c, c), norm(c), nn.ReLU(inplace=True), conv(c, c), norm(c))

    def forward(self, x):
        return x + self.body(x)


def res_blocks(c, n):
    return nn.Sequential(*[ResBlock(c) for _ in range(n)])


class Encoder(nn.Module):
    """Three levels (full, 1/2, 1/4 size; base, 2x, 4x channels): a 5x5 conv (stride 2 below the top),
    optional fusion with stage-1 features of the same level, then ResBlocks. Returns the three levels."""

    def __init__(self, cin, base, n_res, fuse=False):
        super().__init__()
        chans = (base, 2 * base, 4 * base)
        self.heads = nn.ModuleList()
        self.fusers = nn.ModuleList() if fuse else None
        self.blocks = nn.ModuleList()
        prev = cin
        for i, c in enumerate(chans):
            self.heads.append(nn.Sequential(conv(prev, c, 5, 1 if i == 0 else 2), norm(c), nn.ReLU(inplace=True)))
            if fuse:
                self.fusers.append(nn.Sequential(nn.Conv2d(2 * c, c, 1), nn.ReLU(inplace=True)))
            self.blocks.append(res_blocks(c, n_res))
            prev = c

    def forward(self, x, guide=None):
        feats = []
        for i in range(3):
            x = self.heads[i](x)
            if self.fusers is not None:
                x = self.fusers[i](torch.cat([x, guide[i]], dim=1))
            x = self.blocks[i](x)
            feats.append(x)
        return feats


class Decoder(nn.Module):
    """Symmetric decoder: ResBlocks then a stride-2 5x5 transposed conv per level, skip connections added,
    a final 5x5 conv to one channel and tanh (a residual in [-1, 1])."""

    def __init__(self, base, n_res):
        super().__init__()
        self.res3 = res_blocks(4 * base, n_res)
        self.up2 = nn.Sequential(nn.ConvTranspose2d(4 * base, 2 * base, 5, 2, 2, output_padding=1),
                                 norm(2 * base), nn.ReLU(inplace=True))
        self.res2 = res_blocks(2 * base, n_res)
        self.up1 = nn.Sequential(nn.ConvTranspose2d(2 * base, base, 5, 2, 2, output_padding=1),
                                 norm(base), nn.ReLU(inplace=True))
        self.res1 = res_blocks(base, n_res)
        self.out = conv(base, 1, 5)
        # start close to the identity: a small residual instead of a saturated tanh
        with torch.no_grad():
            self.out.weight.mul_(0.01)
            self.out.bias.zero_()

    def forward(self, code, skip2, skip1):
        x = self.up2(self.res3(code)) + skip2
        x = self.up1(self.res2(x)) + skip1
        return torch.tanh(self.out(self.res1(x)))


def pad_to_multiple(x, m=4):
    """Reflect-pads bottom/right to a multiple of m with sizes taken from the tensor (export-safe)."""
    h, w = x.shape[-2], x.shape[-1]
    ph = (m - h % m) % m
    pw = (m - w % m) % m
    return F.pad(x, [0, pw, 0, ph], mode="reflect")


class Stage1(nn.Module):
    def __init__(self, base, n_res):
        super().__init__()
        self.enc = Encoder(1, base, n_res)
        self.dec = Decoder(base, n_res)

    def forward(self, b0):
        feats = self.enc(b0)
        return b0 + self.dec(feats[2], feats[1], feats[0]), feats


class Stage2(nn.Module):
    def __init__(self, base, n_res):
        super().__init__()
        self.enc_prev = Encoder(2, base, n_res, fuse=True)
        self.enc_next = Encoder(2, base, n_res, fuse=True)
        self.fuse_code = nn.Sequential(nn.Conv2d(8 * base, 4 * base, 1), nn.ReLU(inplace=True))
        self.dec = Decoder(base, n_res)

    def forward(self, b_prev, b_next, p0, guide):
        fp = self.enc_prev(torch.cat([b_prev, p0], dim=1), guide)
        fn = self.enc_next(torch.cat([b_next, p0], dim=1), guide)
        code = self.fuse_code(torch.cat([fp[2], fn[2]], dim=1))
        return p0 + self.dec(code, fp[1] + fn[1], fp[0] + fn[0])


class MotionDeblurNet(nn.Module):
    """forward(prev, current, next) -> (E0, P0), all [N, 1, H, W] in [0, 1] (outputs not clipped)."""

    def __init__(self, base=12, n_res=1):
        super().__init__()
        self.base = base
        self.n_res = n_res
        self.stage1 = Stage1(base, n_res)
        self.stage2 = Stage2(base, n_res)

    def forward(self, prev, current, nxt):
        h, w = current.shape[-2], current.shape[-1]
        x = pad_to_multiple(torch.cat([prev, current, nxt], dim=1))
        bp, b0, bn = x[:, 0:1], x[:, 1:2], x[:, 2:3]
        p0, feats = self.stage1(b0)
        e0 = self.stage2(bp, bn, p0, feats)
        return e0[..., :h, :w], p0[..., :h, :w]

    def single(self, current):
        """Stage 1 alone (single-frame restoration), cropped back to the input size."""
        h, w = current.shape[-2], current.shape[-1]
        p0, _ = self.stage1(pad_to_multiple(current))
        return p0[..., :h, :w]


class Discriminator(nn.Module):
    """PatchGAN-style critic for LSGAN: 4x4 convs, LeakyReLU(0.2), LayerNorm over (C, H, W) (GroupNorm
    with one group, which normalises each sample over all its channels and positions)."""

    def __init__(self, base=16):
        super().__init__()
        c = base
        self.net = nn.Sequential(
            nn.Conv2d(1, c, 4, 2, 1), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(c, 2 * c, 4, 2, 1), nn.GroupNorm(1, 2 * c), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(2 * c, 4 * c, 4, 2, 1), nn.GroupNorm(1, 4 * c), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(4 * c, 4 * c, 4, 1, 1), nn.GroupNorm(1, 4 * c), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(4 * c, 1, 4, 1, 1))

    def forward(self, x):
        return self.net(x)
