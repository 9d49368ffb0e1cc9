package io.aoi.camera.aravis;

/**
 * A camera Aravis can see, as listed by {@link AravisCameras#list()}. Any of {@code id}, {@code serial} or
 * {@code address} can be used as {@code cameraId} in the station file.
 *
 * @param id       Aravis device id, usually vendor-model-serial (e.g. {@code Aravis-Fake-GV01})
 * @param vendor   manufacturer name
 * @param model    model name
 * @param serial   serial number
 * @param address  IP address for GigE Vision, bus address for USB3 Vision, empty when none
 * @param protocol transport: {@code GigEVision}, {@code USB3Vision} or {@code Fake}
 */
public record CameraInfo(String id, String vendor, String model, String serial, String address, String protocol) {
}
