package io.aoi.deblur.onnx;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.BlurKernel;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.KernelSmoothing;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.PlaneDeblurrer;
import io.aoi.deblur.RestoredPlane;
import io.aoi.deblur.tiling.Tiler;
import io.aoi.deblur.wiener.FeatureWiener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * UDBD-Net, the blind uniform-defocus deblurrer, run with ONNX Runtime as three graphs ({@link UdbdGraphs})
 * with the Wiener step between them done by OpenCV's DFT ({@link FeatureWiener}).
 *
 * <p>Each pass: one blur kernel for the whole frame ({@link FrameKernelEstimator}: the kernel graph on the
 * frame's most textured crops, averaged; 4 of 256 px for the general model, 8 of 128 px for the ACF models, at the
 * size their kernel nets were trained on), then the frame in overlapping tiles ({@link Tiler}, tile size and
 * overlap from the settings), all with that kernel: one tile per ONNX Runtime call on the CPU
 * ({@link #CPU_TILES_PER_RUN}), {@link #CUDA_TILES_PER_RUN} on CUDA. On the CPU, {@code threads} tiles run at
 * once, each with one ONNX Runtime thread, sharing the sessions (the kernel graph, which runs alone, gets all
 * {@code threads}): the width-8 model's small convolutions hardly scale within one call (one 1024 x 512 frame
 * took 448 ms on one thread, 410 ms on two, 319 ms as two tiles at once), and the width-24 model loses nothing
 * by it. The result does not depend on how the tiles were shared out ({@link Tiler}).
 * The first pass's estimate is made on crops whose noise is topped up to a floor ({@link KernelNoiseFloor}: the
 * kernel net reads the contour steps of a clean 8-bit frame as sharp edges); the frame itself is restored as it is.
 * Passes 2 and 3 estimate the kernel again on the restored frame: the network was trained to find the identity
 * kernel on its own output, which is what keeps further passes safe. A further pass whose kernel is below
 * {@link #FURTHER_PASS_MIN_SIGMA_PX} does not run, nor do the passes after it: the frame is already sharp, and the
 * network is close to, not exactly, the identity on a sharp frame (each such pass cost about 0.2 dB on clean
 * photos). {@code iterations} is therefore the most passes a frame gets. The defocus estimate of a restoration is
 * the first pass's kernel as a Gaussian sigma ({@link BlurKernel#defocusSigmaPx()}); optionally that kernel is
 * smoothed over consecutive frames ({@link KernelSmoothing}).
 *
 * <p>The model is grayscale: colour frames are restored channel by channel. 8- and 16-bit samples are scaled
 * to [0, 1] and back. {@link #deblurRegions} restores only the given rectangles (each with
 * {@link #contextMarginPx()} of context), with one kernel estimated from those windows.
 *
 * <p>Owns the graphs, the Wiener workspaces and the tile threads (daemon threads named {@code udbd-tiles},
 * stopped by {@link #close()}); not thread-safe (callers serialise frames); {@link #close()} is idempotent.
 */
public final class UdbdDeblurrer extends PlaneDeblurrer {
    /** The general model shipped in this module ({@code model: udbd}): the stem of its three graph files. */
    public static final String SHIPPED_MODEL = "/io/aoi/models/udbd/udbd-net";
    /** The model fine-tuned for ACF bonding panels ({@code model: udbd_acf}); same graphs and signatures. */
    public static final String SHIPPED_ACF_MODEL = "/io/aoi/models/udbd/udbd-net-acf";
    /**
     * The line-rate ACF model ({@code model: udbd_acf_lite}): the ACF model's kernel graph, a width-8
     * deconvolution net; same graph signatures with 8 feature channels instead of 24.
     */
    public static final String SHIPPED_ACF_LITE_MODEL = "/io/aoi/models/udbd/udbd-net-acf-lite";
    /** The shipped graphs of each built-in UDBD-Net model. */
    private static final Map<DeblurModel, String> SHIPPED = Map.of(DeblurModel.UDBD, SHIPPED_MODEL,
            DeblurModel.UDBD_ACF, SHIPPED_ACF_MODEL, DeblurModel.UDBD_ACF_LITE, SHIPPED_ACF_LITE_MODEL);
    /** The kernel crops of each model's kernel net ({@link FrameKernelEstimator.Crops}); the general model's else. */
    private static final Map<DeblurModel, FrameKernelEstimator.Crops> KERNEL_CROPS = Map.of(
            DeblurModel.UDBD_ACF, FrameKernelEstimator.Crops.ACF, DeblurModel.UDBD_ACF_LITE,
            FrameKernelEstimator.Crops.ACF);
    /**
     * Tiles per ONNX Runtime call on the CPU: one. A batch makes every activation tensor that many times larger
     * (24 channels of a 256 x 256 tile are 6.3 MB) and pushes it out of the caches: on one thread the refine
     * graph took 128 ms per 256 px tile alone, 160 ms in batches of 2 and 232 ms in batches of 4.
     */
    public static final int CPU_TILES_PER_RUN = 1;
    /** Tiles per call on CUDA, where a batch fills the device and each call has a launch cost. */
    public static final int CUDA_TILES_PER_RUN = 16;
    /**
     * A further pass runs only when the restored frame's kernel is at least this blur (equivalent-Gaussian sigma),
     * in px; chosen on the validation photos (model card, "Pass policy").
     */
    public static final double FURTHER_PASS_MIN_SIGMA_PX = 1.0;

    private final String name;
    private final UdbdGraphs graphs;
    private final FrameKernelEstimator kernels;
    private final List<UdbdTileRunner> runners = new ArrayList<>();
    private final ExecutorService tilePool;
    private final Tiler tiler;
    private final KernelSmoothing smoothing;
    private final int tilesPerRun;
    private BlurKernel previousFrameKernel;

    /**
     * Opens {@code settings.modelFile()} when present (see {@link UdbdGraphs#partFiles}), else the shipped
     * model of {@code settings.model()} ({@link #SHIPPED_ACF_MODEL} for {@code UDBD_ACF},
     * {@link #SHIPPED_ACF_LITE_MODEL} for {@code UDBD_ACF_LITE}, otherwise {@link #SHIPPED_MODEL}), on the
     * configured execution provider and thread count.
     *
     * @throws DeblurException when the model cannot be opened, does not match, or the provider is unavailable
     */
    public UdbdDeblurrer(DeblurSettings settings) throws DeblurException {
        this(settings, KernelSmoothing.NONE);
    }

    /**
     * Like {@link #UdbdDeblurrer(DeblurSettings)}, smoothing the first pass's kernel over consecutive frames
     * (mono line frames in capture order; a colour frame's channels would be smoothed into each other).
     * {@link #resetSmoothing()} starts a new line.
     */
    public UdbdDeblurrer(DeblurSettings settings, KernelSmoothing smoothing) throws DeblurException {
        this.smoothing = java.util.Objects.requireNonNull(smoothing, "smoothing");
        this.name = settings.model().name();
        this.tiler = new Tiler(settings.tileSizePx(), settings.tileOverlapPx()); // checks before anything native opens
        Optional<Path> file = settings.modelFile();
        boolean cpu = settings.executionProvider() == ExecutionProvider.CPU;
        int workers = cpu ? settings.threads() : 1;
        UdbdGraphs.Threads sessionThreads = new UdbdGraphs.Threads(settings.threads(), cpu ? 1 : settings.threads());
        this.graphs = file.isPresent()
                ? UdbdGraphs.open(file.get(), settings.executionProvider(), sessionThreads)
                : UdbdGraphs.openResource(SHIPPED.getOrDefault(settings.model(), SHIPPED_MODEL),
                        settings.executionProvider(), sessionThreads);
        this.kernels = new FrameKernelEstimator(graphs.kernel(),
                KERNEL_CROPS.getOrDefault(settings.model(), FrameKernelEstimator.Crops.GENERAL));
        for (int i = 0; i < workers; i++) {
            runners.add(new UdbdTileRunner(graphs));
        }
        this.tilePool = workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "udbd-tiles");
            t.setDaemon(true);
            return t;
        }) : null;
        this.tilesPerRun = settings.executionProvider() == ExecutionProvider.CUDA ? CUDA_TILES_PER_RUN
                : CPU_TILES_PER_RUN;
    }

    @Override
    public String name() {
        return name;
    }

    /** The tile overlap plus the Wiener step's padding: what a region reads around itself per pass. */
    @Override
    public int contextMarginPx() {
        return tiler.overlapPx() + FeatureWiener.PAD_PX;
    }

    /** Forgets the previous frame's kernel, so that the next frame starts a new smoothing run. */
    public void resetSmoothing() {
        previousFrameKernel = null;
    }

    /** The first pass's kernel: the estimate, smoothed with the previous frame's when smoothing is on. */
    private BlurKernel firstPassKernel(BlurKernel estimate) {
        previousFrameKernel = smoothing.apply(previousFrameKernel, estimate);
        return previousFrameKernel;
    }

    /** The kernel this model estimates for a plane in [0, 1] (the one its first pass would use, unsmoothed). */
    public BlurKernel estimateKernel(float[] plane, int width, int height) throws DeblurException {
        return kernels.estimate(plane, width, height, FrameKernelEstimator.CropInput.NOISE_FLOOR);
    }

    /** What the kernel graph is given in pass {@code p} (0-based): only the camera frame gets the noise floor. */
    private static FrameKernelEstimator.CropInput kernelInput(int p) {
        return p == 0 ? FrameKernelEstimator.CropInput.NOISE_FLOOR : FrameKernelEstimator.CropInput.AS_IS;
    }

    /** Whether a further pass with this kernel runs (passes 2 and 3 run only on blur). */
    private static boolean furtherPassRuns(BlurKernel kernel) {
        return kernel.defocusSigmaPx() >= FURTHER_PASS_MIN_SIGMA_PX;
    }

    /** The whole plane as one window: {@link #restoreWindows} holds the one pass loop. */
    @Override
    protected RestoredPlane restorePlane(float[] plane, int width, int height, int passes) throws DeblurException {
        WindowsRestored done = restoreWindows(plane, width, height, List.of(new PixelRegion(0, 0, width, height)),
                passes);
        return new RestoredPlane(done.windows().get(0), done.defocusSigmaPx());
    }

    @Override
    protected WindowsRestored restoreWindows(float[] plane, int width, int height, List<PixelRegion> windows,
                                             int passes) throws DeblurException {
        List<float[]> current = new ArrayList<>();
        for (PixelRegion w : windows) {
            current.add(w.cut(plane, width));
        }
        OptionalDouble sigma = OptionalDouble.empty();
        for (int p = 0; p < passes; p++) {
            List<FrameKernelEstimator.View> views = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                views.add(new FrameKernelEstimator.View(current.get(i), windows.get(i).width(),
                        windows.get(i).height()));
            }
            BlurKernel kernel = kernels.estimate(views, kernelInput(p));
            if (p == 0) {
                kernel = firstPassKernel(kernel);
                sigma = OptionalDouble.of(kernel.defocusSigmaPx());
            } else if (!furtherPassRuns(kernel)) {
                break;
            }
            setKernel(kernel);
            for (int i = 0; i < windows.size(); i++) {
                PixelRegion w = windows.get(i);
                current.set(i, tiler.apply(current.get(i), w.width(), w.height(), runners, tilesPerRun, tilePool));
            }
        }
        return new WindowsRestored(current, sigma);
    }

    private void setKernel(BlurKernel kernel) {
        runners.forEach(r -> r.setKernel(kernel));
    }

    /** Ends the model run in progress on another thread (ONNX Runtime's terminate flag). */
    @Override
    public void abort() {
        graphs.abortRuns();
    }

    @Override
    protected void release() {
        try {
            runners.forEach(UdbdTileRunner::close);
            if (tilePool != null) {
                tilePool.shutdownNow();
            }
        } finally {
            graphs.close();
        }
    }
}
