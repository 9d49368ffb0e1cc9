package io.aoi.config;

import java.util.List;

/** Where the bumps (electrodes) of a frame are. */
public sealed interface BumpLayout {

    /** Bumps found on each frame as bright rectangles of roughly the given size. */
    record Automatic(int minWidthPx, int minHeightPx) implements BumpLayout {
        public Automatic {
            Check.intRange("minWidthPx", minWidthPx, 4, 65536);
            Check.intRange("minHeightPx", minHeightPx, 4, 65536);
        }
    }

    /** Bumps at fixed rectangles in frame coordinates. */
    record Fixed(List<Bump> bumps) implements BumpLayout {
        public Fixed {
            bumps = List.copyOf(Check.present("bumps", bumps));
            if (bumps.isEmpty()) {
                throw new InvalidSettingException("bumps", "[]", "at least one bump rectangle");
            }
        }
    }

    /** One bump rectangle in frame pixels: x, y of the top-left corner, width and height. */
    record Bump(String id, int x, int y, int width, int height) {
        public Bump {
            Check.nonBlank("id", id);
            Check.intRange("x", x, 0, 1 << 20);
            Check.intRange("y", y, 0, 1 << 20);
            Check.intRange("width", width, 1, 1 << 20);
            Check.intRange("height", height, 1, 1 << 20);
        }
    }
}
