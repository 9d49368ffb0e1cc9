package io.aoi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the bumps (electrodes) of a frame are. */
public sealed interface BumpLayout {

    /** Bumps found on each frame as bright rectangles of roughly the given size. */
    record Automatic(int minWidthPx, int minHeightPx) implements BumpLayout {
        public Automatic {
            Check.intRange("minWidthPx", minWidthPx, 4, 65536);
            Check.intRange("minHeightPx", minHeightPx, 4, 65536);
        }
    }

    /** Bumps at fixed rectangles in frame coordinates, at least one, each with an id of its own. */
    record Fixed(List<Bump> bumps) implements BumpLayout {
        public Fixed {
            bumps = List.copyOf(Check.present("bumps", bumps));
            if (bumps.isEmpty()) {
                throw new InvalidSettingException("bumps", "[]", "at least one bump rectangle");
            }
            Set<String> ids = new HashSet<>();
            for (Bump b : bumps) {
                if (!ids.add(b.id())) {
                    throw new InvalidSettingException("bumps", b.id(), "distinct rectangle ids; " + b.id()
                            + " is declared twice");
                }
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
