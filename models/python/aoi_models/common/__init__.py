"""What the UDBD-Net and motion code share: paths, the photo catalogue and its one split policy, metrics,
ONNX export checking, the NumPy ONNX interpreter, the Java Tiler's grid and the Java simulator."""
