package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code malformed/} is a station file with one defect; the loader must name the file, the line,
 * the field, the bad value and what is allowed, exactly as listed here.
 */
class MalformedStationFilesTest {
    private static final String DEMO_BIND =
            "a literal loopback IP address (127.0.0.1 to 127.255.255.254, or ::1) with the demo profile";

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                malformed("rejects deblur iterations above three", "iterations-above-three.yaml", 16,
                        "deblur.iterations", "5 is not allowed; allowed: an integer from 0 to 3"),
                malformed("rejects an unknown camera type and lists the types", "unknown-camera-type.yaml", 3,
                        "camera.type", "gige is not allowed; allowed: simulated, folder, aravis"),
                malformed("rejects a misspelt field and suggests the right one", "misspelt-field.yaml", 16,
                        "deblur.iteratoins", "unknown field (did you mean iterations?); allowed: model, "
                                + "iterations, executionProvider, threads, tileSizePx, tileOverlapPx, modelFile, "
                                + "wienerSigmaPx, wienerNoiseToSignal, region, regionMarginPx, overload, fallbackModel, "
                                + "focusDriftWarnSigmaPx"),
                malformed("rejects a file without the detector section", "missing-detector-section.yaml", 0,
                        "detector", "required section is missing"),
                malformed("rejects a maximum diameter below the minimum", "max-diameter-below-min.yaml", 23,
                        "detector.maxDiameterPx",
                        "3 is not allowed; allowed: a diameter not smaller than minDiameterPx (4)"),
                malformed("rejects a frame overlap of half the frame", "overlap-half-frame.yaml", 13,
                        "assembly.overlapLines", "256 is not allowed; allowed: an integer from 0 to 255 "
                                + "(less than half of frameHeight 512)"),
                malformed("rejects the demo profile on a non-loopback address", "demo-profile-on-any-address.yaml",
                        32, "opcua.bindAddress", "0.0.0.0 is not allowed; allowed: " + DEMO_BIND),
                malformed("rejects a host name that only starts like a loopback address",
                        "demo-profile-on-loopback-look-alike.yaml", 32, "opcua.bindAddress",
                        "127.evil.example is not allowed; allowed: " + DEMO_BIND),
                malformed("rejects localhost with the demo profile: no name service decides the bind address",
                        "demo-profile-on-localhost.yaml", 32, "opcua.bindAddress",
                        "localhost is not allowed; allowed: " + DEMO_BIND),
                malformed("rejects a host name as production bind address", "production-bind-host-name.yaml", 32,
                        "opcua.bindAddress", "aoi.plant.example is not allowed; allowed: a literal IP address such "
                                + "as 127.0.0.1, 0.0.0.0, 192.168.10.20 or ::1 (no host names)"),
                malformed("rejects a wildcard production bind without an advertised host",
                        "production-wildcard-without-advertised-host.yaml", 31, "opcua.advertisedHost",
                        "(missing) is not allowed; allowed: the host name clients connect to (for example "
                                + "aoi-line3.plant.example) when bindAddress 0.0.0.0 is a wildcard"),
                malformed("rejects an advertised wildcard", "advertised-wildcard.yaml", 33, "opcua.advertisedHost",
                        "0.0.0.0 is not allowed; allowed: a host name (letters, digits, '-' and '.') or a literal "
                                + "IP address that is not a wildcard"),
                malformed("rejects an anonymous role with the production profile",
                        "production-with-anonymous-role.yaml", 33, "opcua.anonymousRole",
                        "engineer is not allowed; allowed: no anonymousRole with the production profile (it has no "
                                + "anonymous access)"),
                malformed("rejects an unknown anonymous role", "unknown-anonymous-role.yaml", 36,
                        "opcua.anonymousRole", "root is not allowed; allowed: operator, mes, engineer"),
                malformed("rejects the production profile without users", "production-without-users.yaml", 31,
                        "opcua.users", "[] is not allowed; allowed: at least one user with the production profile"),
                malformed("rejects Mono12Packed with the allowed formats", "pixel-format-mono12packed.yaml", 6,
                        "camera.pixelFormat", "Mono12Packed is not allowed; allowed: Mono8, Mono10, Mono12, Mono16"),
                malformed("rejects a duration in parsecs", "duration-in-parsecs.yaml", 10, "camera.grabTimeout",
                        "5 parsecs is not allowed; allowed: a duration such as 500ms, 2s or 1m "
                                + "(a whole number followed by ms, s, m or h)"),
                malformed("rejects a zero grab timeout", "zero-duration.yaml", 10, "camera.grabTimeout",
                        "0s is not allowed; allowed: a positive duration"),
                malformed("rejects text where an integer belongs", "text-for-integer.yaml", 18, "deblur.threads",
                        "expected an integer, found \"two\""),
                malformed("rejects a fraction where an integer belongs", "fraction-for-integer.yaml", 4,
                        "camera.widthPx", "expected an integer, found 1024.5"),
                malformed("rejects a quoted number where an integer belongs", "quoted-number-for-integer.yaml", 33,
                        "opcua.port", "expected an integer, found \"4840\""),
                malformed("rejects a malformed password hash without echoing it", "bad-password-hash.yaml", 37,
                        "opcua.users[0].passwordHash", "(hidden) is not allowed; allowed: pbkdf2-sha256$<iterations>"
                                + "$<salt base64>$<hash base64>, as printed by the hash-password command"),
                malformed("reports a YAML syntax error at its line", "yaml-syntax-error.yaml", 21, "",
                        "YAML syntax error: mapping values are not allowed here"),
                malformed("reports an unclosed flow mapping at the line where it breaks",
                        "unclosed-flow-mapping.yaml", 32, "", "YAML syntax error: expected ',' or '}', but got {"),
                malformed("rejects a negative port", "negative-port.yaml", 33, "opcua.port",
                        "-1 is not allowed; allowed: an integer from 0 to 65535"),
                malformed("rejects a field given twice and points at the first", "duplicate-field.yaml", 19,
                        "deblur.iterations", "duplicate field; it is already given on line 16"),
                malformed("rejects a bit depth of 12", "bit-depth-12.yaml", 5, "camera.bitDepth",
                        "12 is not allowed; allowed: 8 or 16"),
                malformed("rejects fixed bumps with an empty list", "fixed-bumps-without-rectangles.yaml", 29,
                        "detector.bumps.rectangles", "[] is not allowed; allowed: at least one bump rectangle"),
                malformed("rejects a bump id given twice and names the rectangle that has it",
                        "duplicate-rectangle-id.yaml", 31, "detector.bumps.rectangles[1].id",
                        "B1 is not allowed; allowed: an id no other rectangle has; rectangles[0] is already B1"),
                malformed("rejects an empty recipe list", "empty-recipes.yaml", 39, "recipes",
                        "[] is not allowed; allowed: at least one recipe; leave the list out for one recipe from "
                                + "the deblur section"),
                malformed("rejects a zero-width rectangle and names its index", "rectangle-with-zero-width.yaml", 32,
                        "detector.bumps.rectangles[2].width", "0 is not allowed; allowed: an integer from 1 to 1048576"),
                malformed("rejects a particle bound below the minimum per bump", "max-particles-below-min.yaml", 27,
                        "detector.maxParticlesPerBump",
                        "3 is not allowed; allowed: 0 or a count not below minParticlesPerBump (5)"),
                malformed("rejects zero threads", "threads-zero.yaml", 18, "deblur.threads",
                        "0 is not allowed; allowed: an integer from 1 to 64"),
                malformed("rejects a tile overlap of half the tile", "tile-overlap-half-tile.yaml", 20,
                        "deblur.tileOverlapPx", "128 is not allowed; allowed: an integer from 0 to 127 "
                                + "(less than half of tileSizePx 256)"),
                malformed("rejects a class tag before anything is constructed", "class-tag.yaml", 1, "stationId",
                        "tag !!javax.script.ScriptEngineManager is not allowed; allowed: plain values, or the tags "
                                + "!!str, !!int, !!float, !!bool, !!null"),
                malformed("rejects a missing required field at its section", "missing-required-field.yaml", 21,
                        "detector.micronsPerPixel", "required field is missing; expected a number"),
                malformed("rejects an unknown role and lists the roles", "unknown-role.yaml", 38,
                        "opcua.users[0].role", "admin is not allowed; allowed: operator, mes, engineer"),
                malformed("rejects a GenICam feature name with a space", "feature-name-with-space.yaml", 9,
                        "camera.features[1].name",
                        "Trigger Source is not allowed; allowed: a GenICam feature name (letters, digits, '_')"),
                malformed("rejects a section given as text", "section-as-text.yaml", 14, "deblur",
                        "expected a mapping of fields, found \"wiener\""),
                malformed("rejects a station id with spaces", "bad-station-id.yaml", 1, "stationId",
                        "demo line! is not allowed; allowed: 1 to 64 letters, digits, '_', '.' or '-'"),
                malformed("rejects a folder field on a simulated camera", "folder-field-on-simulated-camera.yaml",
                        10, "camera.folder", "unknown field; allowed: type, widthPx, bitDepth, lineRateHz, "
                                + "defocusSigmaPx, motionBlurPx, noiseSigma, particlesPerBump, micronsPerPixel, seed, ngBandFraction"),
                malformed("rejects a document that is a list", "document-is-a-list.yaml", 1, "",
                        "expected a mapping with stationId, camera, assembly, deblur, detector, opcua and outputs, "
                                + "found a list"),
                malformed("rejects a journal limit below one MiB", "journal-too-small.yaml", 39,
                        "outputs.maxJournalBytes", "1000 is not allowed; allowed: at least 1048576 (1 MiB)"),
                malformed("rejects an empty file", "empty.yaml", 0, "",
                        "the file is empty; expected a mapping with stationId, camera, assembly, deblur, detector, "
                                + "opcua and outputs"));
    }

    private static Arguments malformed(String behaviour, String file, int line, String field, String problem) {
        return Arguments.of(behaviour, file, line, field, problem);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("malformedFiles")
    void reportsFileLineFieldValueAndAllowed(String behaviour, String file, int line, String field, String problem)
            throws IOException {
        String text = resource("malformed/" + file);

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(text, file, Path.of("/stations")));

        String expectedMessage = file + (line > 0 ? ":" + line : "") + ": "
                + (field.isEmpty() ? "" : field + ": ") + problem;
        assertEquals(expectedMessage, error.getMessage());
        assertEquals(file, error.file());
        assertEquals(line, error.line());
        assertEquals(field, error.field());
        assertEquals(problem, error.problem());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MalformedStationFilesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
