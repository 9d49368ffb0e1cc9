"""The refinement network rewritten for inference engines, with the same function and the same weights.

A trained NAFBlock normalises over channels (LayerNorm), then applies a 1x1 convolution; its SimpleGate splits a
tensor's channels in two. On ONNX Runtime's CPU provider the channel LayerNorm (run on a transposed tensor) and
the layout conversions around it cost more than all the convolutions. `fold_for_inference` rewrites each block
without them:

- LayerNorm(x) then conv W, b (per pixel: W (g * (x - mean) / std + beta) + b) equals the convolution with
  weights W_c = W diag(g) (I - 11^T / C) and bias W beta + b applied to x / std: the centring and the norm's
  scale go into the weights (W_c 1 = 0, so the mean drops out), 1/std is a per-pixel scalar, and
  std^2 = mean(x^2) - mean(x)^2 + eps is two channel means, taken by 1x1 convolutions to one channel
  (`ChannelInvStd`).
- The SimpleGate's halves come from two convolutions (the rows of W_c for each half) and two depthwise
  convolutions, so nothing is sliced.
- The layer scales beta and gamma go into the output convolutions' weights.
- Each decoder up-sampling step, a 1x1 convolution and PixelShuffle(2), is one transposed convolution of kernel 2
  and stride 2 (`FoldedUpsample`): output channel c at sub-pixel (a, b) is the convolution's output channel
  4c + 2a + b, so the transposed weights are the 1x1 weights regrouped; the bias differs per sub-pixel, so it rides
  on a channel of ones appended to the input.

The gates and scales are elementwise products, which ONNX Runtime's NCHWc layout does not take, so the runtime
runs these graphs without that layout (OnnxModel: optimisation level EXTENDED). Training keeps model.NAFBlock;
the export (export.py) folds a copy.
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from .model import NAFBlock


def _centred(norm, conv):
    """(W_c [O,C,1,1], bias [O]) of LayerNorm `norm` followed by the 1x1 convolution `conv`."""
    w = conv.weight[:, :, 0, 0] * norm.weight[None, :]
    w_c = w - w.mean(dim=1, keepdim=True)
    bias = conv.bias + conv.weight[:, :, 0, 0] @ norm.bias
    return w_c[:, :, None, None].clone(), bias.clone()


def _conv(weight, bias, groups=1, padding=0):
    out_ch, in_per_group, k, _ = weight.shape
    c = nn.Conv2d(in_per_group * groups, out_ch, k, padding=padding, groups=groups, bias=bias is not None,
                  dtype=weight.dtype)
    c.weight.data.copy_(weight)
    if bias is not None:
        c.bias.data.copy_(bias)
    return c


class FoldedNAFBlock(nn.Module):
    """A NAFBlock's function without LayerNorm, channel split or layer-scale multiplies (see the module doc)."""

    def __init__(self, block):
        super().__init__()
        ch = block.sca.in_channels
        with torch.no_grad():
            w1, b1 = _centred(block.n1, block.pw1)
            self.pw1a = _conv(w1[:ch], b1[:ch])
            self.pw1b = _conv(w1[ch:], b1[ch:])
            self.dwa = _conv(block.dw.weight[:ch], block.dw.bias[:ch], groups=ch, padding=1)
            self.dwb = _conv(block.dw.weight[ch:], block.dw.bias[ch:], groups=ch, padding=1)
            self.sca = copy.deepcopy(block.sca)
            beta = block.beta.reshape(-1)
            self.pw2 = _conv(block.pw2.weight * beta[:, None, None, None], block.pw2.bias * beta)
            w3, b3 = _centred(block.n2, block.ff1)
            self.ff1a = _conv(w3[:ch], b3[:ch])
            self.ff1b = _conv(w3[ch:], b3[ch:])
            gamma = block.gamma.reshape(-1)
            self.ff2 = _conv(block.ff2.weight * gamma[:, None, None, None], block.ff2.bias * gamma)
            self.inv_std1 = ChannelInvStd(ch, block.n1.eps, w1.dtype)
            self.inv_std2 = ChannelInvStd(ch, block.n2.eps, w1.dtype)

    def forward(self, x):
        n = x * self.inv_std1(x)
        y = self.dwa(self.pw1a(n)) * self.dwb(self.pw1b(n))
        y = y * self.sca(y.mean(dim=(2, 3), keepdim=True))
        x = x + self.pw2(y)
        n = x * self.inv_std2(x)
        return x + self.ff2(self.ff1a(n) * self.ff1b(n))


class ChannelInvStd(nn.Module):
    """1 / sqrt(var_c(x) + eps) per pixel, as one channel [N, 1, H, W]; its product with x broadcasts over channels.

    The channel means are 1x1 convolutions to one output: ONNX Runtime runs them as small matrix products, where a
    ReduceMean over the channel axis of an NCHW tensor is a strided reduction (measured 27 % of the graph's time).
    Until 2026-12-02 they had 16 identical outputs and a third convolution spread the result back to ch channels;
    one output and a broadcasting product compute the same (max difference 3e-7) and made the refine graph 31 %
    faster at width 8 and 15 % at width 24 (ONNX Runtime 1.29, one thread, a 224 x 192 tile: `udbd_acf_lite`
    18.1-18.8 -> 12.2-13.3 ms, `udbd_acf` 94.8-96.6 -> 80.0-81.8 ms, `udbd` 91.4-93.5 -> 79.7-81.4 ms; ReduceMean
    in their place: 14.9 ms at width 8)."""

    def __init__(self, ch, eps, dtype=torch.float32):
        super().__init__()
        self.eps = eps
        self.mean = _conv(torch.full((1, ch, 1, 1), 1.0 / ch, dtype=dtype), None)

    def forward(self, x):
        mean = self.mean(x)
        return torch.rsqrt(self.mean(x * x) - mean * mean + self.eps)


class FoldedUpsample(nn.Module):
    """A 1x1 convolution followed by PixelShuffle(2), as one transposed convolution (kernel 2, stride 2) of the
    input with a channel of ones appended, whose weights carry the bias of each sub-pixel (see the module doc).
    ONNX Runtime's CPU provider, one thread, 16 -> 8 channels onto 224 x 192: Conv + DepthToSpace 1.9-2.1 ms,
    ConvTranspose 0.68 ms."""

    def __init__(self, conv, shuffle):
        super().__init__()
        r = shuffle.upscale_factor
        out_ch = conv.out_channels // (r * r)
        with torch.no_grad():
            w = conv.weight[:, :, 0, 0]  # [out_ch * r * r, in_ch], row 4c + 2a + b for r = 2
            w = torch.cat([w, conv.bias[:, None]], dim=1)  # the ones channel's weights are the biases
            weight = w.reshape(out_ch, r, r, -1).permute(3, 0, 1, 2).contiguous()  # [in_ch + 1, out_ch, r, r]
        self.weight = nn.Parameter(weight, requires_grad=False)
        self.stride = r

    def forward(self, x):
        ones = torch.ones_like(x[:, :1])
        return F.conv_transpose2d(torch.cat([x, ones], dim=1), self.weight, stride=self.stride)


def _is_upsample(module):
    """A Sequential of exactly a plain 1x1 convolution (stride 1, no padding, one group, a bias) and a
    PixelShuffle: the pair FoldedUpsample reproduces; anything else is left as it is."""
    if not (isinstance(module, nn.Sequential) and len(module) == 2):
        return False
    conv, shuffle = module
    return (isinstance(conv, nn.Conv2d) and conv.kernel_size == (1, 1) and conv.stride == (1, 1)
            and conv.padding == (0, 0) and conv.groups == 1 and conv.bias is not None
            and isinstance(shuffle, nn.PixelShuffle))


def fold_for_inference(model):
    """A copy of `model` (a UDBDNet or any module) with every NAFBlock replaced by its FoldedNAFBlock and every
    1x1 convolution + PixelShuffle by its FoldedUpsample."""
    folded = copy.deepcopy(model)
    for name, module in list(folded.named_modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, NAFBlock):
                setattr(module, child_name, FoldedNAFBlock(child))
            elif _is_upsample(child):
                setattr(module, child_name, FoldedUpsample(*child))
    return folded.eval()
