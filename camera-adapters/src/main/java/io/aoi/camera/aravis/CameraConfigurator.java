package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.AravisCameraSettings.GenicamFeature;

/**
 * Applies {@link AravisCameraSettings} to an open camera, in this order: pixel format, region, continuous
 * acquisition, line rate, exposure, gain, then the free-form features in the order given. Values the camera
 * must hold exactly (pixel format, width, height) are read back and a mismatch is an error.
 *
 * <p>On a reconnection the {@link CameraSnapshot} of the first connection stands in for every value the settings
 * leave to the camera (width, line rate, exposure, gain), so that a camera that came back at its power-on values
 * is put back to the ones the station ran with.
 */
final class CameraConfigurator {
    static final String LINE_RATE_FEATURE = "AcquisitionLineRate";
    /** Relative difference between the asked and the read-back line rate that still counts as accepted. */
    static final double LINE_RATE_TOLERANCE = 0.01;
    private static final String LINE_RATE_ENABLE_FEATURE = "AcquisitionLineRateEnable";

    private CameraConfigurator() {
    }

    /** First connection: values the settings leave to the camera stay as the camera has them. */
    static StripGeometry apply(AravisCamera camera, AravisCameraSettings settings) throws CameraException {
        return apply(camera, settings, null);
    }

    /**
     * @param recorded the first connection's settings in effect, written where {@code settings} keep the camera's
     *                 value; null at the first connection
     */
    static StripGeometry apply(AravisCamera camera, AravisCameraSettings settings, CameraSnapshot recorded)
            throws CameraException {
        MonoFormat format = MonoFormat.fromGenicamName(settings.pixelFormat());
        camera.setPixelFormat(format.genicamName());
        String accepted = camera.pixelFormat();
        if (!accepted.equals(format.genicamName())) {
            throw new CameraException(camera.label() + ": PixelFormat " + format.genicamName()
                    + " was not accepted (the camera reports " + accepted + "); allowed here: "
                    + MonoFormat.allowedNames() + ", as far as the camera supports them");
        }

        int[] sensor = camera.sensorSize();
        int[] current = camera.region();
        int width = settings.widthPx() > 0 ? settings.widthPx() : recorded != null ? recorded.widthPx() : current[2];
        if (settings.offsetXPx() + width > sensor[0]) {
            throw new CameraException(camera.label() + ": offsetXPx " + settings.offsetXPx() + " + widthPx " + width
                    + " exceeds the sensor width " + sensor[0]);
        }
        camera.setRegion(settings.offsetXPx(), 0, width, settings.linesPerBuffer());
        int[] region = camera.region();
        if (region[2] != width || region[3] != settings.linesPerBuffer()) {
            throw new CameraException(camera.label() + ": region Width=" + width + " Height="
                    + settings.linesPerBuffer() + " was adjusted by the camera to Width=" + region[2] + " Height="
                    + region[3] + "; choose values the camera supports (see its increments)");
        }
        camera.setContinuousAcquisition();

        double askedLineRateHz = settings.lineRateHz() > 0 ? settings.lineRateHz()
                : recorded != null ? recorded.lineRateHz() : 0;
        double lineRateHz = applyLineRate(camera, settings, askedLineRateHz);
        double exposureMicros = settings.exposureMicros() > 0 ? settings.exposureMicros()
                : recorded != null && recorded.exposureMicros() > 0 ? recorded.exposureMicros() : 0;
        if (exposureMicros > 0) {
            camera.setExposureMicros(exposureMicros);
        }
        double gainDb = settings.gainDb() >= 0 ? settings.gainDb()
                : recorded != null && recorded.gainDb() >= 0 ? recorded.gainDb() : -1;
        if (gainDb >= 0) {
            camera.setGainDb(gainDb);
        }
        for (GenicamFeature feature : settings.features()) {
            camera.setFeatureFromString(feature.name(), feature.value());
        }
        if (camera.isGigEVision()) {
            camera.setGigEStreamOptions(settings.packetSocket(), settings.packetSizeBytes());
        }
        return new StripGeometry(width, settings.linesPerBuffer(), format, lineRateHz);
    }

    /** What the camera holds now, to be written back on reconnections. */
    static CameraSnapshot snapshot(AravisCamera camera, AravisCameraSettings settings, StripGeometry geometry) {
        return new CameraSnapshot(geometry.widthPx(), settings.offsetXPx(), geometry.format().genicamName(),
                geometry.configuredLineRateHz(), readOrNaN(camera::exposureMicros), readOrNaN(camera::gainDb));
    }

    private interface Reading {
        double read() throws CameraException;
    }

    private static double readOrNaN(Reading reading) {
        try {
            return reading.read();
        } catch (CameraException notReadable) {
            return Double.NaN;
        }
    }

    /**
     * Sets the line rate where asked ({@code askedHz} > 0), and returns the rate the camera reports (0 when it
     * reports none).
     */
    private static double applyLineRate(AravisCamera camera, AravisCameraSettings settings, double askedHz)
            throws CameraException {
        boolean lineScan = camera.isFeatureAvailable(LINE_RATE_FEATURE);
        if (askedHz > 0) {
            if (lineScan) {
                if (camera.isFeatureAvailable(LINE_RATE_ENABLE_FEATURE)) {
                    camera.setBooleanFeature(LINE_RATE_ENABLE_FEATURE, true);
                }
                camera.setFloatFeature(LINE_RATE_FEATURE, askedHz);
            } else {
                camera.setFrameRate(askedHz / settings.linesPerBuffer());
            }
        }
        double actualHz;
        try {
            actualHz = lineScan ? camera.floatFeature(LINE_RATE_FEATURE)
                    : camera.frameRate() * settings.linesPerBuffer();
        } catch (CameraException unreadable) {
            if (askedHz > 0) {
                throw unreadable;
            }
            return 0;
        }
        if (askedHz > 0
                && Math.abs(actualHz - askedHz) > LINE_RATE_TOLERANCE * askedHz) {
            String how = lineScan ? LINE_RATE_FEATURE
                    : "AcquisitionFrameRate " + AravisCamera.plain(actualHz / settings.linesPerBuffer()) + " Hz x "
                            + settings.linesPerBuffer() + " lines per buffer";
            throw new CameraException(camera.label() + ": lineRateHz " + AravisCamera.plain(askedHz)
                    + " was not accepted; the camera runs at " + AravisCamera.plain(actualHz) + " lines/s (" + how
                    + "); choose a rate within its range");
        }
        return actualHz;
    }
}
