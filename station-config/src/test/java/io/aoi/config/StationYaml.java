package io.aoi.config;

/** The smallest valid station file the loader tests start from: a simulated camera, the demo OPC UA profile. */
final class StationYaml {
    private StationYaml() {
    }

    /**
     * The station file {@code stationId} with {@code deblurLines} as the body of its {@code deblur:} section
     * (each line without indentation, separated by newlines); the deblur section's first line is line 7.
     */
    static String minimal(String stationId, String deblurLines) {
        return """
                stationId: %s
                camera:
                  type: simulated
                assembly: {}
                deblur:
                %s
                detector:
                  minDiameterPx: 4
                  maxDiameterPx: 16
                  micronsPerPixel: 0.5
                  minParticlesPerBump: 5
                  bumps: {mode: automatic, minWidthPx: 40, minHeightPx: 20}
                opcua:
                  profile: demo
                  pkiDir: pki
                outputs:
                  journalDir: journal
                """.formatted(stationId, ("  " + deblurLines).replace("\n", "\n  "));
    }
}
