package io.aoi.plugin.pipeline;

import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.OwnedRows;
import io.aoi.camera.SourceCounters;
import io.aoi.image.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A frame source that plays back a fixed list of outcomes, then ends (or stays idle, timing out, until closed: like
 * a camera, closing wakes a waiting call).
 */
final class ScriptedFrameSource implements FrameSource {
    private final Deque<FrameResult> script;
    private final boolean idleAfterScript;
    private final CountDownLatch closed = new CountDownLatch(1);

    ScriptedFrameSource(List<FrameResult> script) {
        this(script, false);
    }

    /** @param idleAfterScript after the script, time out instead of ending, as a camera with nothing in view */
    ScriptedFrameSource(List<FrameResult> script, boolean idleAfterScript) {
        this.script = new ArrayDeque<>(script);
        this.idleAfterScript = idleAfterScript;
    }

    static FrameResult.Ready frame(long id, int width, int height) {
        short[] s = new short[width * height];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((i * 31 + id * 7) % 200);
        }
        return new FrameResult.Ready(new Frame(id, id * height, 0, 0, Instant.now(), "scripted",
                new Image(width, height, 1, 8, s), OwnedRows.ALL));
    }

    @Override
    public String describe() {
        return "scripted source";
    }

    @Override
    public void start() {
    }

    @Override
    public FrameResult next(Duration timeout) throws InterruptedException {
        FrameResult r;
        synchronized (this) {
            r = script.poll();
        }
        if (r != null) {
            return r;
        }
        if (!idleAfterScript) {
            return new FrameResult.Ended();
        }
        // idle like a camera with nothing in view: no frame within the timeout, unless closed meanwhile
        if (closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return new FrameResult.Ended();
        }
        return new FrameResult.TimedOut();
    }

    @Override
    public SourceCounters counters() {
        return SourceCounters.NONE;
    }

    boolean closed() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
