package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.AravisCameraSettings.GenicamFeature;

/**
 * Applies {@link AravisCameraSettings} to an open camera, in this order: pixel format, region, continuous
 * acquisition, line rate, exposure, gain, then the free-form features in the order given. Values the camera
 * must hold exactly (pixel format, width, height) are read back and a mismatch is an error.
 */
final class CameraConfigurator {
    static final String LINE_RATE_FEATURE = "AcquisitionLineRate";
    private static final String LINE_RATE_ENABLE_FEATURE = "AcquisitionLineRateEnable";

    private CameraConfigurator() {
    }

    static StripGeometry apply(AravisCamera camera, AravisCameraSettings settings) throws CameraException {
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
        int width = settings.widthPx() > 0 ? settings.widthPx() : current[2];
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

        double lineRateHz = applyLineRate(camera, settings);
        if (settings.exposureMicros() > 0) {
            camera.setExposureMicros(settings.exposureMicros());
        }
        if (settings.gainDb() >= 0) {
            camera.setGainDb(settings.gainDb());
        }
        for (GenicamFeature feature : settings.features()) {
            camera.setFeatureFromString(feature.name(), feature.value());
        }
        if (camera.isGigEVision()) {
            camera.setGigEStreamOptions(settings.packetSocket(), settings.packetSizeBytes());
        }
        return new StripGeometry(width, settings.linesPerBuffer(), format, lineRateHz);
    }

    /** Sets the line rate where asked, and returns the rate the camera reports (0 when it reports none). */
    private static double applyLineRate(AravisCamera camera, AravisCameraSettings settings) throws CameraException {
        boolean lineScan = camera.isFeatureAvailable(LINE_RATE_FEATURE);
        if (settings.lineRateHz() > 0) {
            if (lineScan) {
                if (camera.isFeatureAvailable(LINE_RATE_ENABLE_FEATURE)) {
                    camera.setBooleanFeature(LINE_RATE_ENABLE_FEATURE, true);
                }
                camera.setFloatFeature(LINE_RATE_FEATURE, settings.lineRateHz());
            } else {
                camera.setFrameRate(settings.lineRateHz() / settings.linesPerBuffer());
            }
        }
        try {
            return lineScan ? camera.floatFeature(LINE_RATE_FEATURE)
                    : camera.frameRate() * settings.linesPerBuffer();
        } catch (CameraException unreadable) {
            return 0;
        }
    }
}
