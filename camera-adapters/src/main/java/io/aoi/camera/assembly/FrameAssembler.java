package io.aoi.camera.assembly;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.GrabResult;
import io.aoi.camera.OwnedRows;
import io.aoi.camera.Strip;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.image.Image;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a stream of strips into frames of {@code frameHeight} lines, each starting
 * {@code frameHeight - overlapLines} lines after the one before, so consecutive frames share
 * {@code overlapLines} rows. Strips may hold any number of lines; one strip may complete several frames.
 *
 * <p>Continuity: each strip must carry the next sequence number and start at the line after the previous
 * strip. A jump (lost strips, a camera that came back) restarts assembly: the frame being built is reported
 * as {@link FrameResult.Dropped} when it held lines not yet delivered, and the next frame starts at the new
 * strip with {@code overlapTopRows = 0} and {@code gapLinesBefore} = lines not delivered in between (from the
 * line positions when they move forward, else estimated from the sequence numbers, else 0 when the source
 * restarted its counters). An incomplete strip always drops the frame it would have fallen into, and
 * assembly restarts after it: incomplete data is never passed on.
 *
 * <p>Ownership: every frame carries the rows whose objects it reports ({@link Frame#ownedRows()}): half of the
 * band shared with the previous frame and half of the band shared with the next one
 * ({@link OwnedRows#splitOverlaps}); the first frame of a run owns its top, and the last frame of a finite
 * stream its bottom, so each centre row of a run is owned by exactly one frame.
 *
 * <p>Not thread-safe: one acquisition thread feeds it.
 */
public final class FrameAssembler {
    private final FrameAssemblySettings settings;
    private final String sourceName;
    private final int step;

    private int width = -1;
    private int channels;
    private int bitDepth;
    private short[] buffer = new short[0];
    private int bufferedRows;
    private long bufferFirstLine;
    private int overlapTop;
    private long expectedSequence = -1;
    private long expectedLine = -1;
    private long nextFrameId;
    private long pendingGapLines;

    /** @param sourceName written into every frame's {@code sourceName} */
    public FrameAssembler(FrameAssemblySettings settings, String sourceName) {
        this.settings = settings;
        this.sourceName = sourceName;
        this.step = settings.frameHeight() - settings.overlapLines();
    }

    /**
     * Adds a complete strip.
     *
     * @return frames completed or dropped because of it, in order; often none
     * @throws CameraException when the strip's width, channels or bit depth differ from earlier strips
     */
    public List<FrameResult> add(Strip strip) throws CameraException {
        Image lines = strip.lines();
        checkFormat(strip);
        List<FrameResult> out = new ArrayList<>();
        boolean sequenceJump = expectedSequence >= 0 && strip.sequence() != expectedSequence;
        boolean lineJump = expectedLine >= 0 && strip.firstLine() != expectedLine;
        if (sequenceJump || lineJump) {
            long lost;
            if (expectedLine >= 0 && strip.firstLine() > expectedLine) {
                lost = strip.firstLine() - expectedLine;
            } else if (expectedSequence >= 0 && strip.sequence() > expectedSequence) {
                lost = (strip.sequence() - expectedSequence) * lines.height();
            } else {
                lost = 0;
            }
            String reason = sequenceJump
                    ? "strip sequence jumped from " + expectedSequence + " to " + strip.sequence()
                    : "line position jumped from " + expectedLine + " to " + strip.firstLine();
            restart(out, reason, lost, false);
        }
        if (bufferedRows == 0) {
            bufferFirstLine = strip.firstLine();
        }
        append(lines);
        expectedSequence = strip.sequence() + 1;
        expectedLine = strip.firstLine() + lines.height();
        emitComplete(out, strip);
        return out;
    }

    /**
     * Records an unusable buffer: the frame being built, which would have held its lines, is dropped with
     * the driver's status in the reason, and assembly restarts after it.
     */
    public List<FrameResult> incomplete(GrabResult.Incomplete strip) {
        List<FrameResult> out = new ArrayList<>();
        boolean sequenceJump = expectedSequence >= 0 && strip.sequence() != expectedSequence;
        if (sequenceJump) {
            long lost = Math.max(0, strip.sequence() - expectedSequence) * (long) strip.lineCount();
            restart(out, "strip sequence jumped from " + expectedSequence + " to " + strip.sequence(), lost, false);
        }
        restart(out, "strip " + strip.sequence() + " arrived incomplete (" + strip.reason() + ")",
                strip.lineCount(), true);
        expectedSequence = strip.sequence() + 1;
        expectedLine = sequenceJump || expectedLine < 0 ? -1 : expectedLine + strip.lineCount();
        return out;
    }

    /** Records that the source was lost: the frame being built is dropped if it held undelivered lines. */
    public List<FrameResult> sourceLost(String reason) {
        List<FrameResult> out = new ArrayList<>();
        restart(out, "source lost (" + reason + ")", 0, false);
        return out;
    }

    /**
     * Ends a finite stream: lines not yet delivered come out as a last, shorter frame (no result when there
     * are none).
     */
    public List<FrameResult> end(Instant timestamp) {
        List<FrameResult> out = new ArrayList<>();
        if (bufferedRows > overlapTop) {
            out.add(new FrameResult.Ready(frame(bufferedRows, timestamp, true)));
            bufferedRows = 0;
            overlapTop = 0;
        }
        return out;
    }

    private void checkFormat(Strip strip) throws CameraException {
        Image lines = strip.lines();
        if (width < 0) {
            width = lines.width();
            channels = lines.channels();
            bitDepth = lines.bitDepth();
        } else if (lines.width() != width || lines.channels() != channels || lines.bitDepth() != bitDepth) {
            throw new CameraException(sourceName + ": strip " + strip.sequence() + " has lines of " + lines.width()
                    + " px x " + lines.channels() + " channel(s), " + lines.bitDepth() + "-bit; earlier strips had "
                    + width + " px x " + channels + " channel(s), " + bitDepth
                    + "-bit. The line format must stay the same during a run");
        }
    }

    private void restart(List<FrameResult> out, String reason, long lostLines, boolean alwaysDrop) {
        int undelivered = bufferedRows - overlapTop;
        if (undelivered > 0 || alwaysDrop) {
            String what = bufferedRows == 0 ? "frame dropped before its first line"
                    : "frame starting at line " + bufferFirstLine + " dropped with " + bufferedRows + " of "
                            + settings.frameHeight() + " lines";
            out.add(new FrameResult.Dropped(nextFrameId++, sourceName, what + ": " + reason));
        }
        pendingGapLines += Math.max(0, undelivered) + lostLines;
        bufferedRows = 0;
        overlapTop = 0;
    }

    private void append(Image lines) {
        int rowLength = width * channels;
        int needed = (bufferedRows + lines.height()) * rowLength;
        if (buffer.length < needed) {
            int capacity = Math.max(needed, (settings.frameHeight() + settings.linesPerStrip()) * rowLength);
            buffer = Arrays.copyOf(buffer, capacity);
        }
        System.arraycopy(lines.samples(), 0, buffer, bufferedRows * rowLength, lines.height() * rowLength);
        bufferedRows += lines.height();
    }

    private void emitComplete(List<FrameResult> out, Strip strip) {
        int rowLength = width * channels;
        while (bufferedRows >= settings.frameHeight()) {
            out.add(new FrameResult.Ready(frame(settings.frameHeight(), strip.timestamp(), false)));
            System.arraycopy(buffer, step * rowLength, buffer, 0, (bufferedRows - step) * rowLength);
            bufferedRows -= step;
            bufferFirstLine += step;
            overlapTop = settings.overlapLines();
        }
    }

    /** @param last whether no frame follows (the end of a finite stream): it owns its bottom rows too */
    private Frame frame(int rows, Instant timestamp, boolean last) {
        int rowLength = width * channels;
        short[] samples = Arrays.copyOf(buffer, rows * rowLength);
        Frame frame = new Frame(nextFrameId++, bufferFirstLine, overlapTop, pendingGapLines, timestamp, sourceName,
                new Image(width, rows, channels, bitDepth, samples),
                last ? OwnedRows.splitOverlaps(rows, overlapTop, 0).toTheEnd()
                        : OwnedRows.splitOverlaps(rows, overlapTop, settings.overlapLines()));
        pendingGapLines = 0;
        return frame;
    }
}
