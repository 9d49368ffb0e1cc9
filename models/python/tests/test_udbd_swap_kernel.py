"""swap_kernel: the output has the source's kernel net and the target's deconvolution net, and refuses nets of
another width."""
import unittest

import torch

from aoi_models.udbd.model import build_model
from aoi_models.udbd.swap_kernel import PREFIX, swap


def checkpoint(seed, width=8, kernel_width=8):
    torch.manual_seed(seed)
    state = {"step": seed, "width": width, "kernel_width": kernel_width, "blocks": [1, 1, 1]}
    return {"model": build_model(state).state_dict(), "state": state}


class SwapKernelTest(unittest.TestCase):
    def test_takes_the_kernel_net_and_keeps_the_rest(self):
        into, source = checkpoint(1), checkpoint(2)
        out = swap(into, source)
        self.assertEqual(set(into["model"]), set(out["model"]))
        for name, value in out["model"].items():
            expected = source["model"][name] if name.startswith(PREFIX) else into["model"][name]
            self.assertTrue(torch.equal(expected, value), name)
        self.assertTrue(any(not torch.equal(into["model"][n], source["model"][n]) for n in into["model"]
                            if n.startswith(PREFIX)), "the two kernel nets differ to begin with")
        self.assertTrue(out["state"]["kernel_from"]["swapped"])
        model = build_model(out["state"])
        model.load_state_dict(out["model"])  # loads as a model of the target's architecture

    def test_refuses_kernel_nets_of_another_width(self):
        with self.assertRaisesRegex(ValueError, "kernel net widths differ: 8 in the target, 12 in the source"):
            swap(checkpoint(1), checkpoint(2, kernel_width=12))


if __name__ == "__main__":
    unittest.main()
