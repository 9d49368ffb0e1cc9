package io.aoi.plugin.pipeline;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every result of a run is stamped with.
 *
 * @param stationId station identifier from the station file
 * @param jobId     this run, unique across restarts
 * @param recipeId  the recipe revision in force now (changes when engineers change the recipe); stamps the frames
 *                  that enter and are never deblurred. A deblurred frame carries the revision of the settings it was
 *                  deblurred with instead ({@link AppliedRecipe}).
 * @param configurationId the station configuration (OPC 40100 InternalConfigurationId), the same for the run
 */
public record PipelineIdentity(String stationId, String jobId, Supplier<String> recipeId, String configurationId) {
    public PipelineIdentity {
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(configurationId, "configurationId");
    }
}
