"""The tile grid of the Java runtime (models/src/main/java/io/aoi/deblur/tiling/Tiler.java), reproduced
exactly so that Python measures the tiles Java runs.

Contract (Tiler's javadoc): the plane is first mirrored outwards by the overlap on every side (reflect without
repeating the edge sample); per axis, the tile count is the fewest tiles of `tile` px that cover the padded
plane with `overlap` between neighbours, and the tiles are shrunk evenly to the smallest edge with which that
many still cover it (never below 2 * overlap + 1, never above `tile`, the padded plane when that is smaller);
they start every edge - overlap px of the padded plane, the last one aligned to its far edge.
"""
import numpy as np


def check(tile, overlap):
    """The Tiler constructor's checks: tile at least 8, overlap 0 to less than half the tile."""
    if tile < 8:
        raise ValueError("tile = %d; must be at least 8" % tile)
    if overlap < 0 or overlap >= (tile + 1) // 2:
        raise ValueError("overlap = %d; allowed: 0 to %d for tile %d" % (overlap, (tile + 1) // 2 - 1, tile))


def starts(size, tile, overlap):
    """Tile start offsets covering [0, size) every tile - overlap samples, the last aligned to the end
    (Tiler.starts)."""
    if tile >= size:
        return [0]
    step = tile - overlap
    n = (size - tile + step - 1) // step + 1
    return [min(i * step, size - tile) for i in range(n)]


def balanced(size, tile, overlap):
    """The smallest edge with which as many tiles as `tile` needs still cover `size` (Tiler.balanced)."""
    if tile >= size:
        return size
    n = len(starts(size, tile, overlap))
    even = (size + (n - 1) * overlap + n - 1) // n
    return min(tile, max(even, 2 * overlap + 1))


def grid(width, height, tile, overlap):
    """(tile width, tile height, x starts, y starts) of a width x height plane, starts in the padded plane
    (frame coordinate = start - overlap); tiles run row by row, x fastest, like Tiler.apply."""
    check(tile, overlap)
    if width <= 0 or height <= 0:
        raise ValueError("plane %dx%d; both sides must be at least 1" % (width, height))
    pw, ph = width + 2 * overlap, height + 2 * overlap
    tw, th = balanced(pw, min(tile, pw), overlap), balanced(ph, min(tile, ph), overlap)
    return tw, th, starts(pw, tw, overlap), starts(ph, th, overlap)


def mirror(i, n):
    """Planes.mirror: index i reflected into [0, n) without repeating the edge sample (n == 1: always 0)."""
    if n == 1:
        return 0
    period = 2 * (n - 1)
    m = i % period    # Python's % is Math.floorMod
    return m if m < n else period - m


def tiles(frame, tile, overlap):
    """The tiles Tiler.apply hands its processor for an [H, W] frame: [count, 1, th, tw] float32, row by row."""
    h, w = frame.shape
    tw, th, xs, ys = grid(w, h, tile, overlap)
    rows = np.array([mirror(i - overlap, h) for i in range(h + 2 * overlap)])
    cols = np.array([mirror(i - overlap, w) for i in range(w + 2 * overlap)])
    padded = np.asarray(frame, np.float32)[rows[:, None], cols[None, :]]
    return np.stack([padded[y:y + th, x:x + tw] for y in ys for x in xs])[:, None]
