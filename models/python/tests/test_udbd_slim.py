"""Slicing a wide UDBD-Net into a narrow one (aoi_models/udbd/slim.py) keeps channels that still belong together.

Run from models/python:  /usr/bin/python3 -m unittest tests.test_udbd_slim -v

Where the wide layer's extra input channels carry zeros, a narrow layer must compute exactly the wide layer's
leading output channels: that holds only if the gate halves, the refine input's blurred channel and PixelShuffle's
groups of four were cut consistently.
"""
import unittest

import torch

from aoi_models.udbd.model import UDBDNet
from aoi_models.udbd.slim import slim_state


def random_wide(seed):
    g = torch.Generator().manual_seed(seed)
    wide = UDBDNet(24, 24, (1, 2, 4))
    with torch.no_grad():
        for p in wide.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.3)
    return wide.eval()


def leading(x, narrow, wide_channels):
    """x [N, narrow, H, W] padded with zero channels to wide_channels."""
    pad = torch.zeros(x.shape[0], wide_channels - narrow, *x.shape[2:], dtype=x.dtype)
    return torch.cat([x, pad], dim=1)


class SlimTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.wide = random_wide(5)
        cls.narrow = UDBDNet(8, 24, (1, 1, 2)).eval()
        cls.narrow.load_state_dict(slim_state(cls.wide.state_dict(), cls.narrow))

    def test_the_kernel_net_is_copied_whole(self):
        for (name, a), b in zip(self.wide.kernel_net.state_dict().items(), self.narrow.kernel_net.state_dict().values()):
            self.assertTrue(torch.equal(a, b), name)

    def test_the_gate_still_pairs_the_same_channels(self):
        g = torch.Generator().manual_seed(1)
        for level, (c, wide_c) in {"enc1": (8, 24), "enc2": (16, 48), "mid": (32, 96)}.items():
            w = getattr(self.wide.deconv_net, level)[0]
            n = getattr(self.narrow.deconv_net, level)[0]
            z = torch.randn(2, c, 9, 11, generator=g)
            with torch.no_grad():
                want = w.gate(w.dw(w.pw1(leading(z, c, wide_c))))[:, :c]
                got = n.gate(n.dw(n.pw1(z)))
                want_ff = w.gate(w.ff1(leading(z, c, wide_c)))[:, :c]
                got_ff = n.gate(n.ff1(z))
            self.assertLess((want - got).abs().max().item(), 1e-5, level)
            self.assertLess((want_ff - got_ff).abs().max().item(), 1e-5, level)

    def test_the_refine_input_keeps_the_blurred_frame_channel(self):
        g = torch.Generator().manual_seed(2)
        deconv = torch.randn(1, 8, 12, 12, generator=g)
        blurred = torch.randn(1, 1, 12, 12, generator=g)
        with torch.no_grad():
            want = self.wide.deconv_net.intro(torch.cat([leading(deconv, 8, 24), blurred], 1))[:, :8]
            got = self.narrow.deconv_net.intro(torch.cat([deconv, blurred], 1))
        self.assertLess((want - got).abs().max().item(), 1e-5)

    def test_pixel_shuffle_keeps_its_groups_of_four(self):
        g = torch.Generator().manual_seed(3)
        m = torch.randn(1, 32, 5, 6, generator=g)
        d = torch.randn(1, 16, 10, 12, generator=g)
        with torch.no_grad():
            want_up2 = self.wide.deconv_net.up2(leading(m, 32, 96))[:, :16]
            got_up2 = self.narrow.deconv_net.up2(m)
            want_up1 = self.wide.deconv_net.up1(leading(d, 16, 48))[:, :8]
            got_up1 = self.narrow.deconv_net.up1(d)
        self.assertLess((want_up2 - got_up2).abs().max().item(), 1e-5)
        self.assertLess((want_up1 - got_up1).abs().max().item(), 1e-5)

    def test_a_shape_that_cannot_be_cut_is_refused_by_name(self):
        wider = UDBDNet(32, 24, (1, 1, 2))
        with self.assertRaises(ValueError) as e:
            slim_state(self.narrow.state_dict(), wider)
        self.assertIn("deconv_net.features.0.weight", str(e.exception))


if __name__ == "__main__":
    unittest.main()
