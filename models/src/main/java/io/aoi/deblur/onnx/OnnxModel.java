package io.aoi.deblur.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX Runtime session for one model file, checked against the {@link ModelSignature} the caller expects.
 * Model-agnostic: callers in this package build input tensors with {@link #environment()} and read the outputs
 * they asked for; callers elsewhere use {@link #runPlanes}, whose signature holds only Java types, so no ONNX
 * Runtime type leaves this package.
 *
 * <p>Session options, the same for every model of this project:
 * <ul>
 *   <li>graph optimisation level {@code EXTENDED} (constant folding and node fusions), not {@code ALL}, whose
 *       extra step on x86 is the NCHWc (channel-blocked) layout: it takes convolutions and additions but not
 *       the elementwise products of NAFNet's gates and of the motion model, so it wraps each such product in
 *       two layout conversions, which run on one thread. Measured on a 320 x 320 tile with 2 threads: UDBD-Net's
 *       refine graph (as exported, LayerNorms folded) and the motion model run about twice as fast at
 *       {@code EXTENDED}; the small features and kernel graphs lose about 10 %;</li>
 *   <li>{@code threads} intra-op threads, one inter-op thread and sequential execution: the graphs are chains,
 *       so parallel branches gain nothing, and the caller runs one model at a time;</li>
 *   <li>intra-op spinning off ({@code session.intra_op.allow_spinning = 0}): worker threads sleep between runs
 *       instead of busy-waiting, which on a shared station would take cores from the detector and the camera;</li>
 *   <li>memory pattern planning on (the default): repeated runs with the same shapes reuse one arena.</li>
 * </ul>
 *
 * <p>ONNX Runtime is loaded and its sessions are created on a thread of their own with a
 * {@link #SESSION_OPEN_STACK_BYTES} stack, whatever thread opens the model. A station launched by another JVM
 * (the kill tests' child process, on one machine) died of SIGSEGV, exit code 139 and no crash log, while it opened
 * {@code udbd_acf} on its main thread: the native backtrace was a recursion of three functions inside
 * libonnxruntime, hundreds of frames deep, off the end of the 1 MB main-thread stack; with {@code -Xss2m} it ran.
 * Started from a shell the same station did not need that much, so the depth depends on the process; a large stack
 * of its own takes it out of every caller's hands ({@code StationKillTest} in the plugin crashed that way).
 *
 * <p>Owns the native session; {@link #close()} frees it and is idempotent. {@link #run} may be called from
 * one thread at a time (callers serialise), and throws {@link IllegalStateException} after close.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);
    /** The stack of the thread that creates a session: 32 times the 2 MB that let the crashed station run. */
    static final long SESSION_OPEN_STACK_BYTES = 64L << 20;
    private final String source;
    private final OrtSession session;
    /** Runs in progress; guarded by itself, so that a run's options are never terminated after they are freed. */
    private final Set<OrtSession.RunOptions> activeRuns = new HashSet<>();
    private volatile boolean aborted;
    private boolean closed;

    private OnnxModel(String source, OrtSession session) {
        this.source = source;
        this.session = session;
    }

    /**
     * Opens a model file.
     *
     * @param file     the .onnx file
     * @param expected inputs and outputs the caller relies on
     * @param provider CPU, or CUDA (fails with a clear message when this build or host has no CUDA provider)
     * @param threads  intra-op threads, at least 1
     * @throws DeblurException naming the file when it is missing, unreadable, corrupt, or does not match
     */
    public static OnnxModel open(Path file, ModelSignature expected, ExecutionProvider provider, int threads)
            throws DeblurException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new DeblurException("model file " + file + " does not exist or is not a regular file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DeblurException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        return create(file.toString(), bytes, expected, provider, threads);
    }

    /**
     * Opens a model shipped on the classpath, for example {@code /io/aoi/models/udbd/udbd-net.onnx}.
     *
     * @throws DeblurException naming the resource when it is missing, corrupt or does not match
     */
    public static OnnxModel openResource(String resource, ModelSignature expected, ExecutionProvider provider,
                                         int threads) throws DeblurException {
        Objects.requireNonNull(resource, "resource");
        byte[] bytes;
        try (InputStream in = OnnxModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DeblurException("model resource " + resource + " is not on the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DeblurException("cannot read model resource " + resource + ": " + e.getMessage(), e);
        }
        return create("classpath:" + resource, bytes, expected, provider, threads);
    }

    private static OnnxModel create(String source, byte[] bytes, ModelSignature expected,
                                    ExecutionProvider provider, int threads) throws DeblurException {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(provider, "provider");
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + "; must be at least 1");
        }
        OrtSession session = onOpenerThread(() -> newSession(source, bytes, provider, threads));
        try {
            checkSignature(source, session, expected);
        } catch (DeblurException | RuntimeException e) {
            closeQuietly(session, e);
            throw e;
        }
        return new OnnxModel(source, session);
    }

    /** A session with the options of the class comment. */
    private static OrtSession newSession(String source, byte[] bytes, ExecutionProvider provider, int threads)
            throws DeblurException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (provider == ExecutionProvider.CUDA) {
                addCuda(options);
            }
            return env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new DeblurException("model " + source + " could not be loaded (corrupt or not an ONNX model?): "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code open} run on a thread with a {@link #SESSION_OPEN_STACK_BYTES} stack (the native library is loaded
     * and its environment made there too, on first use), waited for to the end: a session being created cannot be
     * abandoned; an interrupt is kept for the caller.
     */
    private static OrtSession onOpenerThread(Callable<OrtSession> open) throws DeblurException {
        FutureTask<OrtSession> task = new FutureTask<>(open);
        Thread opener = new Thread(null, task, "onnx-session-open", SESSION_OPEN_STACK_BYTES);
        opener.setDaemon(true);
        opener.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            DeblurException.rethrow(e.getCause(), "creating an ONNX Runtime session");
            throw new IllegalStateException("creating an ONNX Runtime session failed without a cause", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void addCuda(OrtSession.SessionOptions options) throws DeblurException {
        try {
            options.addCUDA(0);
        } catch (OrtException | UnsatisfiedLinkError | IllegalArgumentException e) {
            throw new DeblurException("CUDA execution provider requested but not available in this build/host: "
                    + e.getMessage() + "; use executionProvider: cpu or install the GPU runtime", e);
        }
    }

    private static void checkSignature(String source, OrtSession session, ModelSignature expected)
            throws DeblurException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            List<String> problems = new ArrayList<>();
            compare("input", expected.inputs(), inputs, problems);
            compare("output", expected.outputs(), outputs, problems);
            if (inputs.size() != expected.inputs().size()) {
                problems.add("model has " + inputs.size() + " inputs, expected " + expected.inputs().size());
            }
            if (!problems.isEmpty()) {
                throw new DeblurException("model " + source + " does not match: " + String.join("; ", problems)
                        + ". Found inputs " + describe(inputs) + ", outputs " + describe(outputs)
                        + "; expected inputs " + expected.inputs() + ", outputs " + expected.outputs());
            }
        } catch (OrtException e) {
            throw new DeblurException("cannot read the inputs and outputs of model " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private static void compare(String kind, List<TensorSpec> wanted, Map<String, NodeInfo> found,
                                List<String> problems) {
        for (TensorSpec spec : wanted) {
            NodeInfo node = found.get(spec.name());
            if (node == null) {
                problems.add("no " + kind + " named '" + spec.name() + "'");
                continue;
            }
            ValueInfo info = node.getInfo();
            if (!(info instanceof TensorInfo tensor)) {
                problems.add(kind + " '" + spec.name() + "' is not a tensor");
                continue;
            }
            if (tensor.getShape().length != spec.rank()) {
                problems.add(kind + " '" + spec.name() + "' has rank " + tensor.getShape().length + ", expected "
                        + spec.rank());
            }
            if (tensor.type != onnxType(spec.type())) {
                problems.add(kind + " '" + spec.name() + "' has type " + tensor.type + ", expected " + spec.type());
            }
        }
    }

    private static OnnxJavaType onnxType(TensorSpec.ElementType type) {
        return switch (type) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
        };
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> out = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof TensorInfo tensor) {
                out.add(node.getName() + ": " + tensor.type + " rank " + tensor.getShape().length);
            } else {
                out.add(node.getName() + ": " + info);
            }
        }
        return out.toString();
    }

    private static void closeQuietly(OrtSession session, Exception primary) {
        try {
            session.close();
        } catch (OrtException e) {
            primary.addSuppressed(e);
        }
    }

    /** The shared ONNX Runtime environment, for creating input tensors (this package only). */
    OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** Where the model came from (file path or classpath:resource), for messages. */
    public String source() {
        return source;
    }

    /**
     * Runs the model. The caller owns the inputs and the returned result, and closes both (this package only).
     *
     * @throws DeblurException naming the model when ONNX Runtime fails, or when the run was aborted
     */
    OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs) throws DeblurException {
        return abortable(options -> session.run(inputs, options));
    }

    /** One call into the session with run options that {@link #abortRuns} can terminate. */
    @FunctionalInterface
    private interface SessionCall<R> {
        R call(OrtSession.RunOptions options) throws OrtException;
    }

    private <R> R abortable(SessionCall<R> call) throws DeblurException {
        if (closed) {
            throw new IllegalStateException("model " + source + " is closed");
        }
        OrtSession.RunOptions options = null;
        try {
            synchronized (activeRuns) {
                if (aborted) {
                    throw new DeblurException("model " + source + " run aborted: the station is stopping");
                }
                options = new OrtSession.RunOptions();
                activeRuns.add(options);
            }
            return call.call(options);
        } catch (OrtException e) {
            if (aborted) {
                throw new DeblurException("model " + source + " run aborted: the station is stopping", e);
            }
            throw new DeblurException("model " + source + " failed to run: " + e.getMessage(), e);
        } finally {
            if (options != null) {
                synchronized (activeRuns) {
                    activeRuns.remove(options);
                    options.close();
                }
            }
        }
    }

    /** Runs in progress now, for tests. */
    int activeRuns() {
        synchronized (activeRuns) {
            return activeRuns.size();
        }
    }

    /**
     * Makes the runs in progress end soon (ONNX Runtime's terminate flag, checked between operators) and every
     * later run fail, each with a {@link DeblurException}; for a station that is stopping and must not wait for a
     * frame, nor free a session under a running call. Any thread; idempotent.
     */
    public void abortRuns() {
        synchronized (activeRuns) {
            aborted = true;
            for (OrtSession.RunOptions options : activeRuns) {
                try {
                    options.setTerminate(true);
                } catch (OrtException e) {
                    LOG.warn("cannot terminate a run of model {}: {}", source, e.getMessage());
                }
            }
        }
    }

    /**
     * Runs the model writing its outputs into tensors the caller made (for example over direct buffers it
     * reuses from run to run). The caller owns inputs and outputs; nothing is returned (this package only). Like
     * {@link #run}, it is ended by {@link #abortRuns}.
     *
     * @throws DeblurException naming the model when ONNX Runtime fails, or when the run was aborted
     */
    void runInto(Map<String, ? extends OnnxTensorLike> inputs, Map<String, ? extends OnnxValue> outputs)
            throws DeblurException {
        // the outputs are the caller's tensors, filled in place
        abortable(options -> {
            session.run(inputs, Set.of(), outputs, options).close();
            return null;
        });
    }

    /**
     * The declared shape of an output (-1 for dynamic dimensions).
     *
     * @throws DeblurException when the model has no such tensor output
     */
    public long[] outputShape(String output) throws DeblurException {
        return declaredShape("output", output);
    }

    /**
     * The declared shape of an input (-1 for dynamic dimensions).
     *
     * @throws DeblurException when the model has no such tensor input
     */
    public long[] inputShape(String input) throws DeblurException {
        return declaredShape("input", input);
    }

    private long[] declaredShape(String kind, String name) throws DeblurException {
        try {
            NodeInfo node = (kind.equals("input") ? session.getInputInfo() : session.getOutputInfo()).get(name);
            if (node == null || !(node.getInfo() instanceof TensorInfo tensor)) {
                throw new DeblurException("model " + source + " has no tensor " + kind + " '" + name + "'");
            }
            return tensor.getShape();
        } catch (OrtException e) {
            throw new DeblurException("cannot read " + kind + " '" + name + "' of model " + source + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on single-channel planes of one size, each fed as a [1, 1, height, width] tensor, and returns
     * the output {@code output}, which must have as many values as one input plane. Frees every tensor it made.
     *
     * @param inputs input name to row-major plane of {@code width * height} values
     * @throws DeblurException naming the model when it fails, or returns no such tensor or one of another size
     */
    public float[] runPlanes(Map<String, float[]> inputs, String output, int width, int height)
            throws DeblurException {
        long[] shape = {1, 1, height, width};
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, float[]> in : inputs.entrySet()) {
                tensors.put(in.getKey(), OnnxTensor.createTensor(environment(), FloatBuffer.wrap(in.getValue()),
                        shape));
            }
            try (OrtSession.Result result = run(tensors)) {
                Optional<OnnxValue> value = result.get(output);
                if (value.isEmpty() || !(value.get() instanceof OnnxTensor t)) {
                    throw new DeblurException("model " + source + " returned no tensor '" + output + "'");
                }
                FloatBuffer buf = t.getFloatBuffer();
                float[] out = new float[width * height];
                if (buf.remaining() != out.length) {
                    throw new DeblurException("model " + source + " returned " + buf.remaining() + " values for a "
                            + width + "x" + height + " input");
                }
                buf.get(out);
                return out;
            }
        } catch (OrtException e) {
            throw new DeblurException("model " + source + " failed on a " + width + "x" + height + " input: "
                    + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing model " + source + " failed: " + e.getMessage(), e);
        }
    }
}
