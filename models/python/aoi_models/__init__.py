"""The project's model code in one package: UDBD-Net (``aoi_models.udbd``), the three-frame motion deblurrer
(``aoi_models.motion``) and what both use (``aoi_models.common``: the photo catalogue and its split, metrics,
ONNX export checking, the NumPy ONNX interpreter, the Java tiling grid, the Java simulator).

Run the tools as modules from ``models/python``, for example
``/usr/bin/python3 -m aoi_models.udbd.train --help``; see models/python/README.md.
"""
