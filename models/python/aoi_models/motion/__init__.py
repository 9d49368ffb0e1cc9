"""The three-frame motion deblurrer: blur synthesis, training data, training, export and evaluation (see
README.md in this folder)."""
