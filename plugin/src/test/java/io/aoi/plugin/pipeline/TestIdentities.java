package io.aoi.plugin.pipeline;

/** The identity the pipeline tests run under: station st1, recipe recipe-1, configuration {@value #CONFIGURATION}. */
final class TestIdentities {
    static final String CONFIGURATION = "st1-config";

    private TestIdentities() {
    }

    /** Job {@code jobId} of station st1 with recipe-1 in force. */
    static PipelineIdentity job(String jobId) {
        return new PipelineIdentity("st1", jobId, () -> "recipe-1", CONFIGURATION);
    }
}
