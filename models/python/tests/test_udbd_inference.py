"""The inference form of the refinement network (aoi_models/udbd/inference.py) computes what the trained one does.

Run from models/python:  /usr/bin/python3 -m unittest tests.test_udbd_inference -v
"""
import unittest

import torch
import torch.nn as nn

from aoi_models.udbd.inference import FoldedNAFBlock, FoldedUpsample, fold_for_inference
from aoi_models.udbd.model import NAFBlock, UDBDNet


def randomised(module, seed):
    """Every parameter drawn at random (a fresh NAFBlock has zero layer scales and a unit LayerNorm, which would
    hide a wrong fold of the norm's scale and shift, or of beta and gamma)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.5)
    return module.eval()


class FoldedBlockTest(unittest.TestCase):
    def test_a_folded_block_equals_the_block_in_float64(self):
        for ch, seed in [(8, 1), (24, 2)]:
            block = randomised(NAFBlock(ch), seed).double()
            folded = FoldedNAFBlock(block).double()
            x = torch.randn(2, ch, 17, 23, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
            # activations with a channel mean far from zero, as a residual stream may carry
            x = x + 3.0
            with torch.no_grad():
                err = (block(x) - folded(x)).abs().max().item()
            self.assertLess(err, 1e-10, "ch %d" % ch)

    def test_a_folded_upsample_equals_its_conv_and_pixel_shuffle(self):
        for ch, seed in [(16, 5), (48, 6)]:
            up = randomised(nn.Sequential(nn.Conv2d(ch, 2 * ch, 1), nn.PixelShuffle(2)), seed).double()
            folded = FoldedUpsample(*up).double()
            x = torch.randn(2, ch, 9, 13, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
            with torch.no_grad():
                ref = up(x)
                out = folded(x)
            self.assertEqual(ref.shape, out.shape)
            self.assertLess((ref - out).abs().max().item(), 1e-12, "ch %d" % ch)

    def test_the_folded_network_equals_the_network_and_has_no_channel_norm_or_split(self):
        net = randomised(UDBDNet(8, 8, (1, 2, 1)), 3)
        folded = fold_for_inference(net)
        self.assertFalse(any(isinstance(m, NAFBlock) for m in folded.modules()))
        self.assertEqual(6, sum(isinstance(m, FoldedNAFBlock) for m in folded.modules()))
        self.assertFalse(any(isinstance(m, nn.PixelShuffle) for m in folded.modules()))
        self.assertEqual(2, sum(isinstance(m, FoldedUpsample) for m in folded.modules()))
        self.assertTrue(any(isinstance(m, NAFBlock) for m in net.modules()), "the original is left as it was")
        x = torch.rand(1, 1, 40, 44, generator=torch.Generator().manual_seed(4))
        with torch.no_grad():
            ref, k_ref = net(x)
            out, k_out = folded(x)
        self.assertLess((ref - out).abs().max().item(), 1e-5)
        self.assertEqual(0.0, (k_ref - k_out).abs().max().item(), "the kernel net is untouched")


if __name__ == "__main__":
    unittest.main()
