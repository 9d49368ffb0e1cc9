package io.aoi.config.yaml;

import io.aoi.config.AravisCameraSettings;
import io.aoi.config.AravisCameraSettings.GenicamFeature;
import io.aoi.config.CameraSettings;
import io.aoi.config.ImageFolderSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the {@code camera} section; {@code type} picks the source and which fields are allowed. */
final class CameraReader {
    static final List<String> TYPES = List.of("simulated", "folder", "aravis");

    private CameraReader() {
    }

    static CameraSettings read(YamlMap map) throws StationConfigException {
        return switch (map.oneOf("type", TYPES)) {
            case "simulated" -> simulated(map);
            case "folder" -> folder(map);
            default -> aravis(map);
        };
    }

    /** Defaults: {@link SimulatedCameraSettings#DEFAULTS}. */
    private static SimulatedCameraSettings simulated(YamlMap map) throws StationConfigException {
        map.allow("type", "widthPx", "bitDepth", "lineRateHz", "defocusSigmaPx", "motionBlurPx", "noiseSigma",
                "particlesPerBump", "micronsPerPixel", "seed", "ngBandFraction");
        SimulatedCameraSettings d = SimulatedCameraSettings.DEFAULTS;
        int widthPx = map.integer("widthPx", d.widthPx());
        int bitDepth = map.integer("bitDepth", d.bitDepth());
        double lineRateHz = map.number("lineRateHz", d.lineRateHz());
        double defocusSigmaPx = map.number("defocusSigmaPx", d.defocusSigmaPx());
        double motionBlurPx = map.number("motionBlurPx", d.motionBlurPx());
        double noiseSigma = map.number("noiseSigma", d.noiseSigma());
        double particlesPerBump = map.number("particlesPerBump", d.particlesPerBump());
        double micronsPerPixel = map.number("micronsPerPixel", d.micronsPerPixel());
        long seed = map.longInteger("seed", d.seed());
        OptionalDouble ngBandFraction = map.optionalNumber("ngBandFraction");
        return map.build(() -> d.withWidthPx(widthPx).withBitDepth(bitDepth).withLineRateHz(lineRateHz)
                .withDefocusSigmaPx(defocusSigmaPx).withMotionBlurPx(motionBlurPx).withNoiseSigma(noiseSigma)
                .withParticlesPerBump(particlesPerBump).withMicronsPerPixel(micronsPerPixel).withSeed(seed)
                .withNgBandFraction(ngBandFraction));
    }

    /** folder is required; loop defaults to false, maxMegapixels to 64. */
    private static ImageFolderSettings folder(YamlMap map) throws StationConfigException {
        map.allow("type", "folder", "loop", "maxMegapixels");
        Path folder = map.path("folder");
        boolean loop = map.flag("loop", false);
        double maxMegapixels = map.number("maxMegapixels", ImageFolderSettings.DEFAULT_MAX_MEGAPIXELS);
        return map.build(() -> new ImageFolderSettings(folder, loop, maxMegapixels));
    }

    /** Defaults: {@link AravisCameraSettings#DEFAULTS}. */
    private static AravisCameraSettings aravis(YamlMap map) throws StationConfigException {
        map.allow("type", "cameraId", "widthPx", "offsetXPx", "linesPerBuffer", "lineRateHz", "exposureMicros",
                "gainDb", "pixelFormat", "features", "packetSizeBytes", "packetSocket", "bufferCount", "grabTimeout",
                "reconnectBackoffMax");
        AravisCameraSettings d = AravisCameraSettings.DEFAULTS;
        Optional<String> cameraId = map.optionalText("cameraId");
        int widthPx = map.integer("widthPx", d.widthPx());
        int offsetXPx = map.integer("offsetXPx", d.offsetXPx());
        int linesPerBuffer = map.integer("linesPerBuffer", d.linesPerBuffer());
        double lineRateHz = map.number("lineRateHz", d.lineRateHz());
        double exposureMicros = map.number("exposureMicros", d.exposureMicros());
        double gainDb = map.number("gainDb", d.gainDb());
        String pixelFormat = map.text("pixelFormat", d.pixelFormat());
        List<GenicamFeature> features = new ArrayList<>();
        for (YamlMap item : map.mappings("features", false, "a mapping with name and value")) {
            item.allow("name", "value");
            String name = item.text("name");
            String value = item.text("value");
            features.add(item.build(() -> new GenicamFeature(name, value)));
        }
        int packetSizeBytes = map.integer("packetSizeBytes", d.packetSizeBytes());
        boolean packetSocket = map.flag("packetSocket", d.packetSocket());
        int bufferCount = map.integer("bufferCount", d.bufferCount());
        Duration grabTimeout = map.duration("grabTimeout", d.grabTimeout());
        Duration reconnectBackoffMax = map.duration("reconnectBackoffMax", d.reconnectBackoffMax());
        return map.build(() -> d.withCameraId(cameraId).withWidthPx(widthPx).withOffsetXPx(offsetXPx)
                .withLinesPerBuffer(linesPerBuffer).withLineRateHz(lineRateHz).withExposureMicros(exposureMicros)
                .withGainDb(gainDb).withPixelFormat(pixelFormat).withFeatures(features)
                .withPacketSizeBytes(packetSizeBytes).withPacketSocket(packetSocket).withBufferCount(bufferCount)
                .withGrabTimeout(grabTimeout).withReconnectBackoffMax(reconnectBackoffMax));
    }
}
