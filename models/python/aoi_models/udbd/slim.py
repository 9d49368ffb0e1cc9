"""Initialise a narrower UDBD-Net from a trained one by keeping the leading channels of every layer.

Each layer of the narrow deconvolution net takes the first channels of the same layer of the wide one: the first
`width` feature channels, 2x and 4x that at the lower encoder levels, the first blocks of each level. Where a layer's
channels come in two halves (the SimpleGate's `a * b`, the NAFNet's `pw1`, `ff1` and depthwise convolutions), the
leading channels of each half are kept, so the gate still pairs the same channels; the refine input keeps the
blurred frame's channel (the last). PixelShuffle takes output channels in groups of four, so leading channels stay
leading. The kernel net is copied whole. The result is a start for training, not a finished model: it lost two
thirds of its channels and must be trained on (`train.py --init-slim`).
"""
import torch

GATED = ("pw1", "ff1", "dw")


def _index(name, dim, wide, narrow):
    """The wide tensor's indices along `dim` that the narrow tensor keeps."""
    leaf = name.rsplit(".", 2)[-2]
    if dim == 0 and leaf in GATED:
        half_wide, half_narrow = wide // 2, narrow // 2
        return list(range(half_narrow)) + list(range(half_wide, half_wide + half_narrow))
    if dim == 1 and name == "deconv_net.intro.weight":
        return list(range(narrow - 1)) + [wide - 1]
    return list(range(narrow))


def slim_state(wide_state, narrow_model):
    """The narrow model's state dict, filled from `wide_state` (a wide model's state dict)."""
    out = {}
    for name, target in narrow_model.state_dict().items():
        source = wide_state[name]
        if source.dim() != target.dim() or any(n > w for w, n in zip(source.shape, target.shape)):
            raise ValueError("%s: %s cannot be cut to %s" % (name, tuple(source.shape), tuple(target.shape)))
        for dim, (w, n) in enumerate(zip(source.shape, target.shape)):
            if w != n:
                source = source.index_select(dim, torch.tensor(_index(name, dim, w, n)))
        if source.shape != target.shape:
            raise ValueError("%s: %s cannot be cut to %s" % (name, tuple(wide_state[name].shape), tuple(target.shape)))
        out[name] = source.clone()
    return out
