package io.aoi.deblur.onnx;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.PlaneDeblurrer;
import io.aoi.deblur.tiling.Planes;
import io.aoi.deblur.tiling.Tiler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * UDBD-Net, the blind uniform-defocus deblurrer, run with ONNX Runtime.
 *
 * <p>The model is grayscale: colour frames are restored channel by channel. Each pass runs the model over the
 * whole frame in overlapping tiles ({@link Tiler}, tile size and overlap from the settings); the kernel is
 * estimated per tile. 8- and 16-bit samples are scaled to [0, 1] and back.
 *
 * <p>Owns one {@link OnnxModel}; not thread-safe (callers serialise frames); {@link #close()} is idempotent.
 */
public final class UdbdDeblurrer extends PlaneDeblurrer {
    /** The general model shipped in this module ({@code model: udbd}). */
    public static final String SHIPPED_MODEL = "/io/aoi/models/udbd/udbd-net.onnx";
    /** The model fine-tuned for ACF bonding panels ({@code model: udbd_acf}); same graph and signature. */
    public static final String SHIPPED_ACF_MODEL = "/io/aoi/models/udbd/udbd-net-acf.onnx";
    public static final String INPUT = "blurred";
    public static final String OUTPUT = "restored";
    public static final String KERNEL_OUTPUT = "kernel";
    /** Inputs and outputs a UDBD-Net file must declare. */
    public static final ModelSignature SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(INPUT, 4)),
            List.of(TensorSpec.float32(OUTPUT, 4), TensorSpec.float32(KERNEL_OUTPUT, 4)));
    /** Tiles smaller than this are mirrored up to it before they reach the model. */
    static final int MIN_MODEL_SIDE = 16;

    private final String name;
    private final OnnxModel model;
    private final Tiler tiler;

    /**
     * Opens {@code settings.modelFile()} when present, else the shipped model of {@code settings.model()}
     * ({@link #SHIPPED_ACF_MODEL} for {@code UDBD_ACF}, otherwise {@link #SHIPPED_MODEL}), on the configured
     * execution provider and thread count.
     *
     * @throws DeblurException when the model cannot be opened, does not match, or the provider is unavailable
     */
    public UdbdDeblurrer(DeblurSettings settings) throws DeblurException {
        this.name = settings.model().name().toLowerCase(Locale.ROOT);
        Optional<java.nio.file.Path> file = settings.modelFile();
        this.model = file.isPresent()
                ? OnnxModel.open(file.get(), SIGNATURE, settings.executionProvider(), settings.threads())
                : OnnxModel.openResource(settings.model() == DeblurModel.UDBD_ACF ? SHIPPED_ACF_MODEL : SHIPPED_MODEL,
                        SIGNATURE, settings.executionProvider(), settings.threads());
        this.tiler = new Tiler(settings.tileSizePx(), settings.tileOverlapPx());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected float[] restore(float[] plane, int width, int height, int passes) throws DeblurException {
        float[] restored = plane;
        for (int p = 0; p < passes; p++) {
            restored = tiler.apply(restored, width, height, this::runTile);
        }
        return restored;
    }

    /** One model run on one tile; tiles below {@link #MIN_MODEL_SIDE} are mirrored up and cropped back. */
    private float[] runTile(float[] tile, int width, int height) throws DeblurException {
        int mw = Math.max(width, MIN_MODEL_SIDE);
        int mh = Math.max(height, MIN_MODEL_SIDE);
        boolean grow = mw != width || mh != height;
        float[] out = model.runPlanes(Map.of(INPUT, grow ? Planes.mirrorUp(tile, width, height, mw, mh) : tile),
                OUTPUT, mw, mh);
        return grow ? Planes.crop(out, mw, width, height) : out;
    }

    /** Ends the model run in progress on another thread (ONNX Runtime's terminate flag). */
    @Override
    public void abort() {
        model.abortRuns();
    }

    @Override
    protected void release() {
        model.close();
    }
}
