package io.aoi.config;

/**
 * One inspection station, as loaded from its YAML file. Immutable; every part validated on construction.
 *
 * @param stationId short identifier used in result records and OPC UA browse names
 */
public record StationConfig(
        String stationId,
        CameraSettings camera,
        FrameAssemblySettings assembly,
        DeblurSettings deblur,
        DetectorSettings detector,
        OpcUaSettings opcua,
        OutputSettings outputs) {

    public StationConfig {
        Check.nonBlank("stationId", stationId);
        if (!stationId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidSettingException("stationId", stationId, "1 to 64 letters, digits, '_', '.' or '-'");
        }
        Check.present("camera", camera);
        Check.present("assembly", assembly);
        Check.present("deblur", deblur);
        Check.present("detector", detector);
        Check.present("opcua", opcua);
        Check.present("outputs", outputs);
    }
}
