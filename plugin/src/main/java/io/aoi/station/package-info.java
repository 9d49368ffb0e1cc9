/**
 * The embedding API: what AOI host software (a line's HMI, its sequencer) uses to run the inspection in-process.
 *
 * <ul>
 * <li>{@link io.aoi.station.Station}: a whole station opened from a station file or its config records, with
 * {@link io.aoi.station.StationOptions} (its own source or frames pushed by the host, OPC UA server on or off, a
 * frame limit). Results reach {@link io.aoi.station.ResultListener}s and a blocking queue after the journal has
 * them; recipes and passes, the OPC 40100 state machine, counters and the simulator's truth score are exposed; the
 * {@code run} command and the OPC UA server are clients of the same station.</li>
 * <li>{@link io.aoi.station.Inspector}: one-off {@code inspect(Image)} with a station's deblur and detector settings;
 * the {@code inspect} command is a client of it.</li>
 * </ul>
 *
 * <p>Engine-neutral: no OpenCV, ONNX Runtime, JNA or Milo type appears in a signature. The types it hands out from
 * elsewhere are plain records and enums: {@code io.aoi.image.Image}, {@code io.aoi.results.InspectionResult} and
 * {@code BumpCount}, {@code io.aoi.detect.Detection} and {@code Particle}, {@code io.aoi.opcua.VisionState},
 * {@code VisionStateMachine} and {@code RecipeControl}, {@code io.aoi.plugin.pipeline.PipelineCounters}; failures to
 * open are {@code io.aoi.plugin.runtime.StationException}, with the part and the reason. Threads and ownership are
 * stated on each class.
 */
package io.aoi.station;
