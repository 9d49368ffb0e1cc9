package io.aoi.deblur.spi;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.SingleFrameStage;
import java.util.function.IntSupplier;

/**
 * A deblurring model that station files name in {@code deblur.model}, found with {@link java.util.ServiceLoader}:
 * the service interface of {@link DeblurrerRegistry}. The built-in models (none, wiener, udbd, udbd_acf,
 * udbd_acf_lite, motion) are providers too.
 *
 * <p>To add a model without changing this project: implement this interface in a public class with a public
 * no-argument constructor, list the class's binary name in a resource {@value #SERVICE_FILE} of its jar, and put
 * the jar on the plugin's class path. Engine-neutral: the interface knows no inference engine.
 *
 * <p>Threads: the registry makes one instance and may call it from any thread, so implementations are stateless
 * (everything a model holds belongs to the deblurrer or stage it opens). The caller owns what {@link #open} and
 * {@link #openStage} return and closes it.
 */
public interface DeblurrerProvider {
    /** Where a jar lists its providers, one binary class name a line. */
    String SERVICE_FILE = "META-INF/services/io.aoi.deblur.spi.DeblurrerProvider";

    /**
     * The name station files, command lines and OPC UA clients write, unique among installed providers: a
     * well-formed {@link io.aoi.config.DeblurModel} name, for example {@code udbd_acf}.
     */
    String name();

    /** What the model needs from the pipeline; the same value on every call. */
    ModelNeeds needs();

    /**
     * Whether {@link #open} and {@link #openStage} read {@code settings.modelFile()}. The pipeline refuses a model
     * file for a model that reads none, so that a file given for it is never ignored without a word.
     */
    default boolean readsModelFile() {
        return false;
    }

    /**
     * Opens the model to restore single frames; called only when {@link ModelNeeds#frameWindow()} is 1.
     *
     * @param settings the station's deblur section, {@code settings.model()} naming this provider: its model file,
     *                 execution provider, threads, tiles and Wiener settings, as far as the model uses them
     * @throws DeblurException when the model cannot be opened, naming the model file (or resource) and why;
     *                         a multi-frame model throws it too, saying that it runs only as a stage
     */
    Deblurrer open(DeblurSettings settings) throws DeblurException;

    /**
     * Opens the model as a stream stage over the frames of a line, in capture order. The default runs
     * {@link #open} frame by frame ({@link SingleFrameStage}); a multi-frame model overrides it.
     *
     * @param passes read for every frame, so that a changed pass count applies from the next frame on
     * @throws DeblurException as {@link #open}
     */
    default <T> DeblurStage<T> openStage(DeblurSettings settings, IntSupplier passes) throws DeblurException {
        return new SingleFrameStage<>(open(settings), passes);
    }
}
