package io.aoi.plugin.pipeline;

import java.util.function.Supplier;

/**
 * What every result of a run is stamped with.
 *
 * @param stationId station identifier from the station file
 * @param jobId     this run, unique across restarts
 * @param recipeId  the recipe in force when a result is made (changes when engineers change the recipe)
 */
public record PipelineIdentity(String stationId, String jobId, Supplier<String> recipeId) {
}
