package io.aoi.config.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Suggests the allowed field name a misspelt one was probably meant to be. */
final class FieldNames {
    private FieldNames() {
    }

    /**
     * The allowed name closest to {@code typed} by edit distance (ignoring case), if it is close enough to be a
     * typo: at most 2 edits, and fewer edits than a third of the name's length plus one.
     */
    static Optional<String> nearest(String typed, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : allowed) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        boolean typo = best != null && bestDistance <= 2 && bestDistance <= best.length() / 3 + 1;
        return typo ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
