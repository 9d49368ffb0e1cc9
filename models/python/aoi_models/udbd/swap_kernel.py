"""Gives a checkpoint another checkpoint's kernel net: the two ACF models share one kernel net, so a kernel net
retrained on its own (train.py --kernel-identity) goes into both without retraining their deconvolution nets.

Usage (from models/python):
    /usr/bin/python3 -m aoi_models.udbd.swap_kernel --into checkpoints/udbd-net-acf-lite.pt \\
        --kernel-from work/udbd-kid5/ckpt.pt --out work/udbd-acf-lite-k5.pt

The kernel nets must have the same width. The output keeps everything of --into but the kernel net's weights, and
records where they came from in its state (kernel_from, with swapped: true); no optimiser state is written.
"""
import argparse

import torch

PREFIX = "kernel_net."


def swap(into, kernel_from, source_path="?"):
    """The checkpoint dict `into` with the kernel net of `kernel_from` (both checkpoint dicts; source_path names
    the latter in the provenance), a new dict."""
    ki, kf = into["state"], kernel_from["state"]
    width_i, width_f = ki.get("kernel_width", ki["width"]), kf.get("kernel_width", kf["width"])
    if width_i != width_f:
        raise ValueError("kernel net widths differ: %d in the target, %d in the source; allowed: the same width"
                         % (width_i, width_f))
    model = {k: v for k, v in into["model"].items() if not k.startswith(PREFIX)}
    kernel = {k: v for k, v in kernel_from["model"].items() if k.startswith(PREFIX)}
    if set(kernel) != {k for k in into["model"] if k.startswith(PREFIX)}:
        raise ValueError("the kernel nets' parameters differ in name; allowed: two UDBD-Net checkpoints")
    model.update(kernel)
    state = dict(ki)
    state["kernel_from"] = {"checkpoint": source_path, "step": kf["step"],
                            "sigma_max": kf.get("sigma_max"), "swapped": True, "before": ki.get("kernel_from")}
    return {"model": model, "state": state}


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m aoi_models.udbd.swap_kernel", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--into", required=True, help="the checkpoint whose deconvolution net is kept")
    p.add_argument("--kernel-from", required=True, help="the checkpoint whose kernel net is taken")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    source = torch.load(args.kernel_from, map_location="cpu")
    out = swap(torch.load(args.into, map_location="cpu"), source, args.kernel_from)
    torch.save(out, args.out)
    print("wrote %s: %s with the kernel net of %s (step %d)" % (args.out, args.into, args.kernel_from,
                                                               source["state"]["step"]))


if __name__ == "__main__":
    main()
