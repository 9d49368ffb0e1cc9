package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import io.aoi.detect.DirectionEstimate;
import io.aoi.detect.DirectionPool;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.ImageFiles;
import io.aoi.plugin.deblur.Deblurrers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code calibrate --station FILE [--out FILE.yaml] IMAGE...}: estimates the DIC shear (relief) direction from
 * recorded frames, prints it per frame and overall with its confidence, and with {@code --out} writes the station
 * file with {@code detector.illuminationAngleDeg} set to it ({@code illuminationAngleFallbackDeg} when the station
 * estimates the direction per frame). The frames should show particles on bumps; blurred frames do (the estimate
 * holds to a defocus sigma of about 3 px).
 *
 * <p>Overall: the particle-weighted circular mean of the directions of the frames whose particles agree
 * ({@link DirectionPool}, every frame alike). Its confidence is the agreement of those frames, the mean resultant
 * length of their directions (1 when all agree); when their agreeing particles add up to fewer than
 * {@link DirectionEstimate#MIN_PARTICLES} the command fails and writes nothing.
 */
@Command(name = "calibrate", description = "Estimates the DIC shear direction from recorded frames and, with --out, "
        + "writes it into a copy of the station file.")
final class CalibrateCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    @Option(names = "--station", paramLabel = "FILE", required = true, description = "The station file.")
    Path stationFile;

    @Option(names = "--out", paramLabel = "FILE.yaml",
            description = "Write the station file with the direction set here (may be the station file itself).")
    Path outFile;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Recorded frames that show particles on bumps.")
    List<Path> images;

    CalibrateCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        StationConfig station = StationConfigLoader.load(stationFile, Deblurrers.names());
        DetectorSettings detectorSettings = station.detector();
        Optional<Path> out = Optional.ofNullable(outFile);
        if (out.isPresent()) {
            refuseCopyPointingElsewhere(station, out.get());
        }
        List<Path> inputs = ImageInputs.existing(images);
        ParticleDetector detector = new ParticleDetector(detectorSettings);
        DirectionPool pool = DirectionPool.everyFrame();
        for (Path in : inputs) {
            DirectionEstimate e = detector.estimateDirection(ImageFiles.read(in));
            boolean pooled = pool.add(e);
            io.out().printf(Locale.ROOT, "%s: %s%n", in.getFileName(), describe(e, pooled));
        }
        if (!pool.confident()) {
            throw new IllegalStateException("no confident shear direction: the frames' agreeing particles add up to "
                    + pool.particles() + ", at least " + DirectionEstimate.MIN_PARTICLES + " needed (a frame counts"
                    + " with at least " + DirectionPool.MIN_FRAME_PARTICLES + "); give frames that show particles"
                    + " on bumps");
        }
        double angle = pool.angleDeg().getAsDouble();
        io.out().printf(Locale.ROOT, "shear direction %.1f deg, confidence %.3f (agreement of %d of %d frames,"
                + " %d particles)%n", angle, pool.agreement(), pool.frames(), inputs.size(),
                pool.particles());
        if (out.isPresent()) {
            write(station, out.get(), detectorSettings.illuminationAngleAuto(), angle);
        }
        return 0;
    }

    /**
     * Before any work: refuses an {@code --out} whose folder would resolve the station file's relative paths to
     * other files (the station file as it is, loaded from a temporary copy there, compared section by section).
     */
    private void refuseCopyPointingElsewhere(StationConfig station, Path out) throws Exception {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path probe = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        List<String> moved;
        try {
            Files.copy(stationFile, probe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            moved = pointsElsewhere(station, StationConfigLoader.load(probe, Deblurrers.names()));
        } finally {
            Files.deleteIfExists(probe);
        }
        if (!moved.isEmpty()) {
            throw new UsageException("--out " + out + " is in another folder than the station file, and the copy's "
                    + "relative paths would resolve against " + parent + " instead, so its " + String.join(", ", moved)
                    + " section(s) would point at other files (a new journal, other certificates, a missing frame "
                    + "folder); allowed: a file in " + stationFile.toAbsolutePath().getParent() + ", or make those "
                    + "paths absolute in the station file first");
        }
    }

    /** The sections, besides the detector that calibrate edits, that differ between the original and the copy. */
    private static List<String> pointsElsewhere(StationConfig original, StationConfig copy) {
        List<String> differ = new ArrayList<>();
        if (!original.camera().equals(copy.camera())) {
            differ.add("camera");
        }
        if (!original.deblur().equals(copy.deblur())) {
            differ.add("deblur");
        }
        if (!original.opcua().equals(copy.opcua())) {
            differ.add("opcua");
        }
        if (!original.outputs().equals(copy.outputs())) {
            differ.add("outputs");
        }
        if (!original.recipes().equals(copy.recipes())) {
            differ.add("recipes");
        }
        return differ;
    }

    private static String describe(DirectionEstimate e, boolean pooled) {
        if (Double.isNaN(e.angleDeg())) {
            return "no relief peaks";
        }
        return String.format(Locale.ROOT, "%.1f deg, confidence %.3f, %d particles%s", e.angleDeg(), e.confidence(),
                e.particles(), pooled ? "" : " (too few agreeing particles: left out)");
    }

    private void write(StationConfig station, Path out, boolean auto, double angleDeg) throws Exception {
        String field = auto ? "illuminationAngleFallbackDeg" : "illuminationAngleDeg";
        String text = Files.readString(stationFile, StandardCharsets.UTF_8);
        String edited = StationFileEdit.set(text, "detector", field, String.format(Locale.ROOT, "%.1f", angleDeg));
        Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, edited, StandardCharsets.UTF_8);
            StationConfigLoader.load(temporary, Deblurrers.names());
            Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (StationConfigException e) {
            throw new IllegalStateException("the edited station file does not load, nothing written: "
                    + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        io.out().println("detector." + field + " written to " + out);
    }
}
