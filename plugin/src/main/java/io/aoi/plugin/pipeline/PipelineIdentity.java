package io.aoi.plugin.pipeline;

import java.util.function.Supplier;

/**
 * What every result of a run is stamped with.
 *
 * @param stationId station identifier from the station file
 * @param jobId     this run, unique across restarts
 * @param recipeId  the recipe revision in force now (changes when engineers change the recipe); stamps the frames
 *                  that enter and are never deblurred. A deblurred frame carries the revision of the settings it was
 *                  deblurred with instead ({@link AppliedRecipe}).
 */
public record PipelineIdentity(String stationId, String jobId, Supplier<String> recipeId) {
}
