package io.aoi.config;

/** Where a station's lines come from. */
public sealed interface CameraSettings
        permits SimulatedCameraSettings, ImageFolderSettings, AravisCameraSettings {
}
