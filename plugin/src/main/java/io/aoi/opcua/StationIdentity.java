package io.aoi.opcua;

import java.util.Objects;

/**
 * Who the server speaks for; shown in the address space and in every ResultReady event. The configuration
 * (InternalConfigurationId) is not here: every result carries the one it was made with.
 *
 * @param stationId browse name of the VisionSystem object (Objects/&lt;stationId&gt;)
 * @param jobId     the current run of the station (OPC 40100 JobId)
 */
public record StationIdentity(String stationId, String jobId) {
    public StationIdentity {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(jobId, "jobId");
        if (!stationId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("stationId = '" + stationId
                    + "' is not allowed; allowed: 1 to 64 of A-Z a-z 0-9 _ . -");
        }
    }
}
