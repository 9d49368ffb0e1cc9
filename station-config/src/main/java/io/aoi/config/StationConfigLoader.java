package io.aoi.config;

import io.aoi.config.yaml.StationReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads a station's YAML file into a validated {@link StationConfig}.
 *
 * <p>Path rule: every relative path in a station file ({@code camera.folder}, {@code deblur.modelFile},
 * {@code opcua.pkiDir}, {@code outputs.journalDir}, {@code outputs.overlayDir}) resolves against the base folder,
 * which for {@link #load(Path)} is the folder the file is in, and for {@link #parse} is the folder passed in.
 * Paths in the result are absolute and normalised. The working directory never matters.
 *
 * <p>Deblur models: {@code deblur.model} and {@code recipes[].model} must name an installed model. The methods
 * without a set of model names allow the built-in ones ({@link DeblurModel#BUILT_IN}); a host that installs
 * deblurrer providers passes the names of all installed models, so that a station file naming another model fails
 * here with its file, line and the names allowed, not later.
 *
 * <p>Reading is safe: the YAML is composed into nodes and never constructed into arbitrary objects; tags other
 * than the standard scalar ones are rejected. Stateless and thread-safe.
 */
public final class StationConfigLoader {
    /** Classpath resource holding the demo station (a copy of {@code examples/demo-line.yaml}). */
    public static final String DEMO_RESOURCE = "/io/aoi/config/demo-line.yaml";
    /** Largest station file {@link #load(Path)} reads: 1 MiB (a station file is a few KiB). */
    public static final long MAX_FILE_BYTES = StationReader.MAX_TEXT_CHARS;

    private StationConfigLoader() {
    }

    /**
     * Reads {@code file} (UTF-8); relative paths in it resolve against its folder.
     *
     * @throws StationConfigException also for a file over {@link #MAX_FILE_BYTES}, refused from its size alone
     */
    public static StationConfig load(Path file) throws StationConfigException {
        return load(file, DeblurModel.builtInNames());
    }

    /**
     * As {@link #load(Path)}, allowing the deblur models named in {@code deblurModels}.
     *
     * @param deblurModels the installed model names, each a well-formed {@link DeblurModel} name, in the order
     *                     messages list them; at least one
     */
    public static StationConfig load(Path file, Set<String> deblurModels) throws StationConfigException {
        List<String> models = checked(deblurModels);
        String text;
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new StationConfigException(file.toString(), 0, "", "the file is " + bytes
                        + " bytes; allowed: at most " + MAX_FILE_BYTES + " bytes (1 MiB)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            throw new StationConfigException(file.toString(), 0, "", "cannot read: not UTF-8 text", notUtf8);
        } catch (IOException unreadable) {
            throw new StationConfigException(file.toString(), 0, "", "cannot read: "
                    + ReadFailures.of(file, unreadable), unreadable);
        }
        Path folder = file.toAbsolutePath().getParent();
        return StationReader.read(text, file.toString(), folder, models);
    }

    /**
     * Reads station YAML text.
     *
     * @param yaml       the document
     * @param sourceName how error messages name it, usually a file name
     * @param baseDir    folder that relative paths in it resolve against
     */
    public static StationConfig parse(String yaml, String sourceName, Path baseDir) throws StationConfigException {
        return parse(yaml, sourceName, baseDir, DeblurModel.builtInNames());
    }

    /** As {@link #parse(String, String, Path)}, allowing the deblur models named in {@code deblurModels}. */
    public static StationConfig parse(String yaml, String sourceName, Path baseDir, Set<String> deblurModels)
            throws StationConfigException {
        return StationReader.read(yaml, sourceName, baseDir, checked(deblurModels));
    }

    private static List<String> checked(Set<String> deblurModels) {
        if (deblurModels.isEmpty()) {
            throw new IllegalArgumentException("deblurModels is empty; allowed: at least one model name");
        }
        for (String name : deblurModels) {
            new DeblurModel(name); // throws naming the malformed name
        }
        return List.copyOf(deblurModels);
    }

    /**
     * The built-in demo station (simulated camera, Wiener deblurring, OPC UA demo profile on loopback), with its
     * relative runtime folders resolved against {@code baseDir}.
     */
    public static StationConfig demo(Path baseDir) throws StationConfigException {
        try (InputStream in = StationConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new StationConfigException(DEMO_RESOURCE, 0, "", "the built-in demo station is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo-line.yaml", baseDir);
        } catch (IOException unreadable) {
            throw new StationConfigException(DEMO_RESOURCE, 0, "", "cannot read: " + (unreadable.getMessage() != null
                    ? unreadable.getMessage() : "the resource gave no reason"), unreadable);
        }
    }
}
