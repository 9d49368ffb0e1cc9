package io.aoi.camera.sim;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link RenderPanels}, validated.
 *
 * @param out              folder for the PNG crops and truth files (created if missing)
 * @param count            crops to write, 1 or more
 * @param widthPx          crop width, 32 to 8192
 * @param heightPx         crop height, 16 to 8192
 * @param seed             panel seed; the same options write the same files
 * @param defocusSigmaPx   Gaussian defocus sigma, 0 to 8 (default 0: sharp)
 * @param motionBlurPx     motion blur along y, 0 to 64 (default 0)
 * @param noiseSigma       sensor noise sigma as a fraction of full scale, 0 to 0.2 (default 0)
 * @param bitDepth         8 or 16 (default 8)
 * @param particlesPerBump mean particles per bump (default 12)
 */
record RenderPanelsOptions(Path out, int count, int widthPx, int heightPx, long seed, double defocusSigmaPx,
        double motionBlurPx, double noiseSigma, int bitDepth, double particlesPerBump) {

    static final String USAGE = "usage: RenderPanels --out DIR --count N --width W --height H --seed S "
            + "[--defocus SIGMA_PX] [--motion LENGTH_PX] [--noise SIGMA] [--bits 8|16] [--particles-per-bump M]";

    private static final Set<String> REQUIRED = Set.of("--out", "--count", "--width", "--height", "--seed");
    private static final Set<String> OPTIONAL = Set.of("--defocus", "--motion", "--noise", "--bits",
            "--particles-per-bump");

    RenderPanelsOptions {
        check(count >= 1, "--count " + count + ": must be 1 or more");
        check(widthPx >= 32 && widthPx <= 8192, "--width " + widthPx + ": allowed 32 to 8192");
        check(heightPx >= 16 && heightPx <= 8192, "--height " + heightPx + ": allowed 16 to 8192");
        check(defocusSigmaPx >= 0 && defocusSigmaPx <= 8, "--defocus " + defocusSigmaPx + ": allowed 0 to 8");
        check(motionBlurPx >= 0 && motionBlurPx <= 64, "--motion " + motionBlurPx + ": allowed 0 to 64");
        check(noiseSigma >= 0 && noiseSigma <= 0.2, "--noise " + noiseSigma + ": allowed 0 to 0.2");
        check(bitDepth == 8 || bitDepth == 16, "--bits " + bitDepth + ": allowed 8 or 16");
        check(particlesPerBump >= 0 && particlesPerBump <= 500,
                "--particles-per-bump " + particlesPerBump + ": allowed 0 to 500");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @throws IllegalArgumentException naming the bad, missing or unknown option */
    static RenderPanelsOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, args.get(i + 1));
        }
        for (String name : REQUIRED) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("missing " + name);
            }
        }
        return new RenderPanelsOptions(Path.of(values.get("--out")), integer(values, "--count"),
                integer(values, "--width"), integer(values, "--height"), longValue(values, "--seed"),
                number(values, "--defocus", 0), number(values, "--motion", 0), number(values, "--noise", 0),
                values.containsKey("--bits") ? integer(values, "--bits") : 8,
                number(values, "--particles-per-bump", 12));
    }

    private static int integer(Map<String, String> values, String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + values.get(name) + ": not an integer", e);
        }
    }

    private static long longValue(Map<String, String> values, String name) {
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + values.get(name) + ": not an integer", e);
        }
    }

    private static double number(Map<String, String> values, String name, double fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            return Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + values.get(name) + ": not a number", e);
        }
    }
}
