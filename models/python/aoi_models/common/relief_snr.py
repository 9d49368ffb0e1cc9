"""How much of a particle's DIC relief survives defocus: the peak of the blurred relief and the signal-to-noise
ratio of an ideal matched filter (known shape and place) on white read noise, per radius and sigma.

The relief is the simulator's (contrast * dx / r inside a disc of radius r, bright towards +x); the blur is a
Gaussian. The matched filter's SNR is the blurred relief's L2 norm over the noise sigma: an upper bound for any
detector, which also has to tell particles from the bumps' texture.

    /usr/bin/python3 -m aoi_models.common.relief_snr [--contrast 0.2] [--noise 0.01]
"""
import argparse

import cv2
import numpy as np


def blurred_relief(radius, sigma, contrast, size=97):
    c = size // 2
    y, x = np.mgrid[-c:c + 1, -c:c + 1].astype(np.float64)
    relief = np.where(x * x + y * y <= radius * radius, contrast * x / radius, 0.0)
    return cv2.GaussianBlur(relief, (0, 0), sigma) if sigma > 0 else relief


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m " + __spec__.name, description=__doc__.split("\n\n")[0])
    p.add_argument("--contrast", type=float, default=0.2)
    p.add_argument("--noise", type=float, default=0.01)
    p.add_argument("--radii", default="3,3.5,4,5")
    p.add_argument("--sigmas", default="0,2.5,3,4")
    args = p.parse_args(argv)
    sigmas = [float(s) for s in args.sigmas.split(",")]
    print("| radius px | " + " | ".join("sigma %.1f: peak, SNR" % s for s in sigmas) + " |")
    print("|---:|" + "---:|" * len(sigmas))
    for r in (float(v) for v in args.radii.split(",")):
        cells = []
        for s in sigmas:
            b = blurred_relief(r, s, args.contrast)
            cells.append("%.4f, %.1f" % (np.abs(b).max(), np.sqrt((b * b).sum()) / args.noise))
        print("| %.1f | %s |" % (r, " | ".join(cells)))


if __name__ == "__main__":
    main()
