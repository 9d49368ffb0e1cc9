package io.aoi.camera.assembly;

import io.aoi.camera.GrabResult;
import io.aoi.camera.LineSource;
import io.aoi.camera.SourceCounters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** A line source that plays back a fixed list of grab results, then reports Ended. */
final class ScriptedLineSource implements LineSource {
    private final ArrayDeque<GrabResult> script;
    private final int widthPx;
    boolean closed;

    ScriptedLineSource(int widthPx, List<GrabResult> script) {
        this.widthPx = widthPx;
        this.script = new ArrayDeque<>(script);
    }

    @Override
    public String describe() {
        return "scripted source";
    }

    @Override
    public int widthPx() {
        return widthPx;
    }

    @Override
    public void start() {
    }

    @Override
    public GrabResult grab(Duration timeout) {
        GrabResult next = script.poll();
        return next == null ? new GrabResult.Ended() : next;
    }

    @Override
    public SourceCounters counters() {
        return SourceCounters.NONE;
    }

    @Override
    public void close() {
        closed = true;
    }
}
