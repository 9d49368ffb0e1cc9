package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.camera.GrabResult;
import io.aoi.camera.LineRateMeter;
import io.aoi.camera.LineSource;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.SourceLoss;
import io.aoi.camera.Strip;
import io.aoi.config.AravisCameraSettings;
import io.aoi.image.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GenICam camera (GigE Vision, USB3 Vision, or Aravis's simulated {@code Fake_1}) delivering strips of
 * {@code linesPerBuffer} lines, one strip per GenICam buffer.
 *
 * <p><b>Strips.</b> Strip {@code sequence} numbers run on from 0 across the whole life of the source, and
 * {@code firstLine = sequence * linesPerBuffer}. A jump in the camera's frame ids is counted as dropped strips
 * and shows as the same jump in {@code sequence}. Buffers the driver reports as incomplete (missing packets,
 * wrong packet id, size mismatch, aborted, frame-retention timeout) become {@link GrabResult.Incomplete} and are
 * never passed on as data. So at any time {@code stripsReceived + stripsIncomplete + stripsDropped} equals the
 * sequence span delivered so far.
 *
 * <p><b>Camera loss.</b> When no buffer arrives and the transport reported {@code control-lost} (GigE Vision:
 * the heartbeat went unanswered for about 5 s; USB3 Vision: unplugged), grabs return {@link GrabResult.Lost},
 * the connection is released, and later grabs try to reopen it with exponential back-off from 250 ms up to
 * {@code reconnectBackoffMax}. A reconnection writes back the settings in effect at the first connection
 * ({@link CameraSnapshot}: also the width, line rate, exposure and gain the station file left to the camera),
 * since a power-cycled camera comes back at its power-on values. A camera that answers but refuses them, or
 * still delivers another strip layout, cannot serve the station: grabs report {@link GrabResult.Lost} with
 * {@link SourceLoss#INCOMPATIBLE} and the reason, and the source keeps retrying. The loss, each new reason a
 * reconnection fails for, and the recovery are logged. Silence alone is not a loss: a line-scan camera on an encoder
 * trigger sends nothing while the conveyor stands still. Retries happen inside {@link #grab(Duration)}, which
 * never waits longer than its timeout plus one native open attempt; no thread of its own is started. After
 * reconnection the strips lost during the outage are estimated from the outage length and the line rate
 * measured before the loss (else the configured one), at least one strip; they are counted as dropped and
 * skipped in {@code sequence} and {@code firstLine}, so the frame assembler sees the gap. The reconnect counter
 * goes up by one.
 *
 * <p><b>Threads.</b> One acquisition thread calls {@link #start()} and {@link #grab(Duration)}; {@link
 * #counters()}, {@link #describe()} and {@link #widthPx()} may be called from any thread; {@link #close()} may
 * be called from any thread at any time, is idempotent, and makes a waiting grab return {@link
 * GrabResult.Ended} within about 50 ms (longer only while a native open attempt of a lost camera is running).
 * All Aravis objects and buffers are released by close; a lost camera's connection is torn down on a
 * short-lived background thread (GigE Vision time-outs take seconds), which close waits for.
 */
public final class AravisLineSource implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(AravisLineSource.class);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RESEND_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long close waits for lost sessions still being torn down. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(15);

    private final AravisLibrary lib;
    private final AravisCameraSettings settings;
    private final StripGeometry geometry;
    /** Settings in effect at the first connection, written back on every reconnection. */
    private final CameraSnapshot firstConnection;
    private final String description;
    private final StripDecoder decoder;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closedSignal = lock.newCondition();
    private final SessionReleaser releaser = new SessionReleaser();
    private volatile boolean closed;

    // Guarded by lock.
    private AravisSession session;
    private boolean started;
    private final SequenceTracker tracker = new SequenceTracker();
    private final ReconnectBackoff backoff;
    private String lossCause = "";
    private String lastReconnectFailure = "";
    private SourceLoss loss = SourceLoss.UNREACHABLE;
    private long lostAtNanos;
    private long lastStripNanos;
    private long lastResendPollNanos;
    private long resendsOfEndedSessions;
    private double lineRateBeforeLossHz;

    // Written by the grab thread, read by any.
    private final LineRateMeter meter = new LineRateMeter();
    private volatile long received;
    private volatile long incomplete;
    private volatile long dropped;
    private volatile long resends;
    private volatile long reconnects;

    private AravisLineSource(AravisLibrary lib, AravisCameraSettings settings, AravisSession session) {
        this.lib = lib;
        this.settings = settings;
        this.session = session;
        this.geometry = session.geometry();
        this.firstConnection = session.snapshot();
        this.description = session.description();
        this.decoder = new StripDecoder(geometry);
        this.backoff = new ReconnectBackoff(settings.reconnectBackoffMax());
    }

    /**
     * Opens and configures the camera named by {@code settings.cameraId()} (Aravis id, serial number or IP
     * address; empty: the first camera found). Acquisition starts with {@link #start()}.
     *
     * @throws CameraException when the library is missing, the camera is not found, or it refuses a setting;
     *                         the message names the camera and the setting
     */
    public static AravisLineSource open(AravisCameraSettings settings) throws CameraException {
        AravisLibrary lib = AravisNative.library();
        return new AravisLineSource(lib, settings, AravisSession.open(lib, settings));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public int widthPx() {
        return geometry.widthPx();
    }

    /** Lines in every strip (GenICam Height). */
    public int linesPerStrip() {
        return geometry.linesPerBuffer();
    }

    /** Bit depth of the strips' images: 8 for Mono8, 16 for Mono10/12/16 (Mono10/12 scaled to 16-bit full scale). */
    public int bitDepth() {
        return geometry.format().imageBitDepth();
    }

    @Override
    public void start() throws CameraException {
        lock.lock();
        try {
            if (closed) {
                throw new CameraException(description + ": start() after close()");
            }
            if (started) {
                return;
            }
            session.startAcquisition();
            started = true;
            lastStripNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next strip, up to {@code timeout} or the settings' {@code grabTimeout}, whichever is shorter.
     *
     * @return Grabbed, Incomplete, TimedOut, Lost while the camera is gone, or Ended once closed
     * @throws IllegalStateException when {@link #start()} was not called
     */
    @Override
    public GrabResult grab(Duration timeout) throws CameraException, InterruptedException {
        Duration wait = timeout.compareTo(settings.grabTimeout()) < 0 ? timeout : settings.grabTimeout();
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lockInterruptibly();
        try {
            if (!started && !closed) {
                throw new IllegalStateException(description + ": grab() before start()");
            }
            while (true) {
                if (closed) {
                    return new GrabResult.Ended();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long now = System.nanoTime();
                if (session == null) {
                    if (now >= backoff.nextAttemptNanos() && reconnect()) {
                        continue;
                    }
                    long wakeAt = Math.min(deadline, backoff.nextAttemptNanos());
                    if (wakeAt > now) {
                        closedSignal.awaitNanos(wakeAt - now);
                    }
                    if (!closed && session == null && System.nanoTime() >= deadline) {
                        return new GrabResult.Lost(lostMessage(), loss);
                    }
                    continue;
                }
                long remaining = deadline - now;
                Optional<AravisBuffer> popped = session.stream().pop(TimeUnit.NANOSECONDS.toMicros(
                        Math.max(0, Math.min(remaining, SLICE_NANOS))));
                if (popped.isPresent()) {
                    GrabResult result;
                    try (AravisBuffer buffer = popped.get()) {
                        result = handle(buffer);
                    }
                    if (result != null) {
                        return result;
                    }
                    continue;
                }
                if (session.camera().controlLost()) {
                    return lose("the camera stopped answering (control lost)");
                }
                if (System.nanoTime() >= deadline) {
                    return new GrabResult.TimedOut(wait);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Turns a popped buffer into a result (the caller gives the buffer back); null for a duplicate to skip. */
    private GrabResult handle(AravisBuffer buffer) {
        long now = System.nanoTime();
        int status = buffer.status();
        SequenceTracker.Assignment assigned = tracker.assign(buffer.frameId());
        long sequence = assigned.sequence();
        int lines = geometry.linesPerBuffer();
        if (assigned.kind() == SequenceTracker.Kind.DUPLICATE) {
            return null;
        }
        if (assigned.kind() == SequenceTracker.Kind.LATE) {
            dropped--;
            incomplete++;
            return new GrabResult.Incomplete(sequence, lines, "OUT_OF_ORDER: a " + BufferStatus.name(status)
                    + " buffer arrived after newer strips");
        }
        dropped += assigned.skippedBefore();
        if (status != BufferStatus.SUCCESS) {
            incomplete++;
            return new GrabResult.Incomplete(sequence, lines, BufferStatus.name(status));
        }
        String mismatch = geometryMismatch(buffer);
        if (mismatch != null) {
            incomplete++;
            return new GrabResult.Incomplete(sequence, lines, mismatch);
        }
        long payload = buffer.payloadBytes();
        if (payload < geometry.bytesPerBuffer()) {
            incomplete++;
            return new GrabResult.Incomplete(sequence, lines, "SIZE_MISMATCH: " + payload
                    + " bytes, expected " + geometry.bytesPerBuffer());
        }
        Image image = decoder.decode(buffer);
        received++;
        lastStripNanos = now;
        meter.record(now, lines);
        pollResends(now);
        return new GrabResult.Grabbed(new Strip(sequence, sequence * lines, Instant.now(), image));
    }

    private String geometryMismatch(AravisBuffer buffer) {
        int w = buffer.widthPx();
        int h = buffer.heightPx();
        int format = buffer.pixelFormat();
        if (w == geometry.widthPx() && h == geometry.linesPerBuffer() && format == geometry.format().pfncCode()) {
            return null;
        }
        return String.format("SIZE_MISMATCH: buffer is %dx%d pixel format 0x%08x, expected %dx%d %s", w, h, format,
                geometry.widthPx(), geometry.linesPerBuffer(), geometry.format().genicamName());
    }

    private void pollResends(long now) {
        if (now - lastResendPollNanos >= RESEND_POLL_NANOS) {
            lastResendPollNanos = now;
            resends = resendsOfEndedSessions + session.stream().resentPackets();
        }
    }

    /** Ends the current session after a loss and schedules the first reconnection attempt. */
    private GrabResult lose(String reason) {
        resendsOfEndedSessions += session.stream().resentPackets();
        resends = resendsOfEndedSessions;
        releaser.release(session);
        session = null;
        lossCause = reason;
        lastReconnectFailure = "";
        loss = SourceLoss.UNREACHABLE;
        lostAtNanos = System.nanoTime();
        backoff.reset(lostAtNanos);
        // the rate over the last second of delivery, not over the silence that revealed the loss
        lineRateBeforeLossHz = meter.linesPerSecond(lastStripNanos);
        meter.reset();
        LOG.warn("{}: camera lost: {}; reconnecting with back-off up to {} ms", description, reason,
                settings.reconnectBackoffMax().toMillis());
        return new GrabResult.Lost(lostMessage(), loss);
    }

    private String lostMessage() {
        return description + ": " + lossCause + (lastReconnectFailure.isEmpty() ? ""
                : "; last reconnection attempt: " + lastReconnectFailure + "; next in "
                        + backoff.currentWait().toMillis() + " ms");
    }

    /** One reconnection attempt; true when acquisition runs again. */
    private boolean reconnect() {
        AravisCamera camera;
        try {
            camera = AravisCamera.open(lib, settings.cameraId().orElse(""));
        } catch (CameraException gone) {
            return failedAttempt(gone.getMessage(), SourceLoss.UNREACHABLE);
        }
        AravisSession fresh;
        try {
            fresh = AravisSession.configure(lib, camera, settings, firstConnection);
        } catch (CameraException | RuntimeException refused) {
            return failedAttempt(incompatible(refused.getMessage()), SourceLoss.INCOMPATIBLE);
        }
        StripGeometry now = fresh.geometry();
        if (now.widthPx() != geometry.widthPx() || now.linesPerBuffer() != geometry.linesPerBuffer()
                || now.format() != geometry.format()) {
            fresh.close();
            return failedAttempt(incompatible("it delivers " + now + " instead of " + geometry),
                    SourceLoss.INCOMPATIBLE);
        }
        try {
            fresh.startAcquisition();
        } catch (CameraException e) {
            fresh.close();
            return failedAttempt(e.getMessage(), SourceLoss.UNREACHABLE);
        }
        long nanos = System.nanoTime();
        session = fresh;
        reconnects++;
        tracker.newSession(estimatedLostStrips(nanos - lastStripNanos));
        loss = SourceLoss.UNREACHABLE;
        LOG.info("{}: camera back after {} ms (reconnection {}), first connection's settings written back: {}",
                description, TimeUnit.NANOSECONDS.toMillis(nanos - lostAtNanos), reconnects,
                firstConnection.describe());
        return true;
    }

    private static String incompatible(String why) {
        return "the camera answers but cannot serve the station with the settings of its first connection: " + why;
    }

    /** Records a failed attempt; logs it when its reason differs from the previous one's. Always false. */
    private boolean failedAttempt(String reason, SourceLoss kind) {
        backoff.failed(System.nanoTime());
        if (!reason.equals(lastReconnectFailure) || kind != loss) {
            LOG.warn("{}: reconnection failed ({}): {}; retrying up to every {} ms", description, kind, reason,
                    settings.reconnectBackoffMax().toMillis());
        }
        lastReconnectFailure = reason;
        loss = kind;
        return false;
    }

    private long estimatedLostStrips(long outageNanos) {
        double lineRateHz = lineRateBeforeLossHz > 0 ? lineRateBeforeLossHz : geometry.configuredLineRateHz();
        return Math.max(1, Math.round(outageNanos * 1e-9 * lineRateHz / geometry.linesPerBuffer()));
    }

    @Override
    public SourceCounters counters() {
        return new SourceCounters(received, incomplete, dropped, resends, reconnects, meter.linesPerSecond(System.nanoTime()),
                geometry.configuredLineRateHz());
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            if (session != null) {
                session.close(!session.camera().controlLost());
                session = null;
            }
            closedSignal.signalAll();
        } finally {
            lock.unlock();
        }
        releaser.awaitAll(RELEASE_WAIT);
    }
}
