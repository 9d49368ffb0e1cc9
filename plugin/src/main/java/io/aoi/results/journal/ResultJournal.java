package io.aoi.results.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable, append-only store of inspection results, the station's record of every frame.
 *
 * <h2>On disk</h2>
 * A directory of segment files {@code results-<UTC day>-<sequence>.jsonl}. Each record is one line
 * {@code <crc32 hex> <compact JSON>\n} holding every field of the result (Instants as ISO-8601 strings). A segment
 * holds the results created on one UTC day and is closed at {@link #segmentLimitBytes(long) a size limit}; the next
 * append then starts a new one. {@link #append} returns only after the bytes are forced to stable storage, so an
 * acknowledged result survives a crash or {@code kill -9}. A {@code journal.lock} file keeps a second process out.
 *
 * <h2>Admissions</h2>
 * {@link #admit} writes, durably and before the frame is processed, that a frame entered the pipeline: a record
 * {@code {"record": "admission", ...}} in the same segments. {@link #open} pairs admissions with results; those
 * without a result (the process ended while they were in flight) are {@link #unrecordedAdmissions()}, for the
 * station to record as interrupted before it takes new frames ({@link CrashRecovery}).
 *
 * <h2>Recovery</h2>
 * {@link #open} reads every segment. A record whose CRC does not match, or that lacks its line feed, at the end of a
 * segment is a torn write: the file is truncated to the last good record and the count is logged. A bad record
 * followed by good ones is skipped and counted as corrupt. Everything before is served.
 *
 * <h2>Retention and disk use</h2>
 * After opening and after each segment change, whole segments are deleted, oldest first, while (a) their newest
 * result is older than {@code retentionDays}, or (b) the journal holds more than {@code maxBytes}. The segment being
 * written is never deleted, so the journal's size stays below {@code maxBytes} plus one segment limit (an eighth of
 * {@code maxBytes}, at most 64 MiB). Results with 8 bumps (one in ten dropped, without bumps) take 913 bytes each on
 * average (measured by the test-scope {@code io.aoi.results.journal.JournalBenchmark}; 10 bytes of framing plus the
 * JSON), so 1 GiB holds about 1.1 million results, about 13 days at one result per second.
 *
 * <h2>Speed</h2>
 * Every append is one {@code write} plus one {@code fdatasync}; on the development disk that measured 122 appends/s
 * (p50 5.4 ms, p99 31 ms per append). The disk's sync latency bounds the result rate; a station journals two
 * records per frame (admission and result), so it takes half as many frames per second.
 *
 * <h2>Memory and threads</h2>
 * An in-memory index keeps, per result, its id, creation time, verdict and file position (about 150 bytes); results
 * are read back from disk. All methods are thread-safe: appends are serialised, reads run in parallel with each other.
 */
public final class ResultJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultJournal.class);
    private static final long MAX_SEGMENT_BYTES = 64L << 20;
    /** Smallest accepted {@code maxBytes}. */
    public static final long MIN_MAX_BYTES = 64L << 10;

    private record Entry(String resultId, Instant createdAt, long order, Verdict verdict, Segment segment,
            long offset, int length, ResultSummary summary) {
    }

    /**
     * One page of a {@link #query}.
     *
     * @param results the results of the page, newest first
     * @param matched how many results matched in all (for paging)
     */
    public record Page(List<InspectionResult> results, int matched) {
        public Page {
            results = List.copyOf(results);
        }
    }

    private record TimeKey(Instant createdAt, long order) implements Comparable<TimeKey> {
        @Override
        public int compareTo(TimeKey o) {
            int c = createdAt.compareTo(o.createdAt);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final Path dir;
    private final Duration retention;
    private final long maxBytes;
    private final long segmentLimitBytes;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private final NavigableMap<TimeKey, Entry> byTime = new TreeMap<>();
    /** Admissions without a result, oldest first; filled by the scan, emptied as results arrive. */
    private final Map<String, FrameAdmission> unrecorded = new LinkedHashMap<>();
    private Instant lastRecordAt;
    private int tornCount;
    private int corruptRecords;
    private long nextOrder;
    private boolean closed;

    private ResultJournal(Path dir, Duration retention, long maxBytes, Clock clock, FileChannel lockChannel,
            FileLock lock) {
        this.dir = dir;
        this.retention = retention;
        this.maxBytes = maxBytes;
        this.segmentLimitBytes = segmentLimitBytes(maxBytes);
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** A segment is closed once it would exceed this many bytes: {@code maxBytes / 8}, 8 KiB to 64 MiB. */
    static long segmentLimitBytes(long maxBytes) {
        return Math.max(8L << 10, Math.min(MAX_SEGMENT_BYTES, maxBytes / 8));
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}, recovering from torn writes.
     *
     * @param retentionDays results older than this many days are deleted, 1 or more
     * @param maxBytes      the journal's disk budget, at least {@link #MIN_MAX_BYTES}
     */
    public static ResultJournal open(Path dir, int retentionDays, long maxBytes) throws JournalException {
        return open(dir, retentionDays, maxBytes, Clock.systemUTC());
    }

    static ResultJournal open(Path dir, int retentionDays, long maxBytes, Clock clock) throws JournalException {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays = " + retentionDays + "; allowed: 1 or more");
        }
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes = " + maxBytes + "; allowed: " + MIN_MAX_BYTES + " or more");
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new JournalException("result journal " + dir + " is in use by another process");
            }
            ResultJournal j = new ResultJournal(dir, Duration.ofDays(retentionDays), maxBytes, clock, lockChannel,
                    lock);
            lockChannel = null;
            try {
                j.recover();
                j.enforceRetention();
            } catch (IOException | RuntimeException e) {
                j.close();
                throw e;
            }
            return j;
        } catch (OverlappingFileLockException e) {
            throw new JournalException("result journal " + dir + " is already open in this process", e);
        } catch (IOException e) {
            throw JournalException.io("opening the result journal", dir, e);
        } finally {
            if (lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException e) {
                    LOG.warn("closing {} failed: {}", dir.resolve("journal.lock"), e.toString());
                }
            }
        }
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Segment.sequenceOf(p) >= 0)
                    .sorted((a, b) -> Long.compare(Segment.sequenceOf(a), Segment.sequenceOf(b)))
                    .toList();
        }
        for (Path f : files) {
            Segment seg = Segment.open(f);
            segments.addLast(seg);
            scan(seg);
        }
        if (tornCount > 0 || corruptRecords > 0) {
            LOG.warn("result journal {}: truncated {} torn and skipped {} corrupt records; {} results served",
                    dir, tornCount, corruptRecords, byId.size());
        } else {
            LOG.info("result journal {}: {} results in {} segments", dir, byId.size(), segments.size());
        }
    }

    private void scan(Segment seg) throws IOException {
        byte[] buf = seg.readAll();
        int start = 0;
        long goodEnd = 0;
        int badSinceGood = 0;
        int line = 0;
        while (start < buf.length) {
            line++;
            int lf = indexOf(buf, (byte) '\n', start);
            int end = lf < 0 ? buf.length : lf;
            InspectionResult r = null;
            FrameAdmission a = null;
            if (lf >= 0 && RecordFormat.valid(buf, start, end)) {
                int jsonStart = start + RecordFormat.CRC_CHARS + 1;
                try {
                    JsonNode o = ResultCodec.parse(buf, jsonStart, end - jsonStart);
                    if (ResultCodec.isAdmission(o)) {
                        a = ResultCodec.decodeAdmission(o);
                    } else {
                        r = ResultCodec.decode(o);
                    }
                } catch (IOException e) {
                    // intact on disk (its CRC matches) but not a record this version reads: say which and why
                    LOG.warn("result journal segment {} line {}: cannot read the record, skipped: {}", seg.path, line,
                            e.getMessage());
                    r = null;
                    a = null;
                }
            }
            if (r != null || a != null) {
                corruptRecords += badSinceGood;
                badSinceGood = 0;
                if (r != null) {
                    index(r, seg, start, end + 1 - start);
                    unrecorded.remove(r.resultId());
                    noteWrite(r.createdAt());
                } else {
                    if (!byId.containsKey(a.resultId())) {
                        unrecorded.put(a.resultId(), a);
                    }
                    noteWrite(a.admittedAt());
                    seg.newestMillis = Math.max(seg.newestMillis, a.admittedAt().toEpochMilli());
                }
                goodEnd = end + 1;
            } else {
                badSinceGood++;
            }
            start = end + 1;
        }
        if (goodEnd < buf.length) {
            tornCount += Math.max(1, badSinceGood);
            LOG.warn("result journal segment {}: torn tail of {} bytes after offset {}, truncating", seg.path,
                    buf.length - goodEnd, goodEnd);
            seg.truncate(goodEnd);
        }
    }

    private void noteWrite(Instant at) {
        if (at != null && (lastRecordAt == null || at.isAfter(lastRecordAt))) {
            lastRecordAt = at;
        }
    }

    private static int indexOf(byte[] buf, byte b, int from) {
        for (int i = from; i < buf.length; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void index(InspectionResult r, Segment seg, long offset, int length) {
        Instant at = r.createdAt() == null ? Instant.EPOCH : r.createdAt();
        Entry e = new Entry(r.resultId(), at, nextOrder++, r.verdict(), seg, offset, length, ResultSummary.of(r));
        Entry old = byId.put(r.resultId(), e);
        if (old != null) {
            byTime.remove(new TimeKey(old.createdAt, old.order));
        }
        byTime.put(new TimeKey(at, e.order), e);
        seg.newestMillis = Math.max(seg.newestMillis, at.toEpochMilli());
    }

    /**
     * Writes the result and forces it to stable storage before returning. A result with an id already in the journal
     * replaces the earlier one in {@link #byId} and {@link #list}. Called by one publishing thread; blocks for the
     * duration of an fsync (typically 0.1 to 10 ms).
     */
    public void append(InspectionResult r) throws JournalException {
        byte[] record = RecordFormat.frame(ResultCodec.encode(r));
        rw.writeLock().lock();
        try {
            ensureOpen();
            Segment seg = segmentFor(r.createdAt(), record.length);
            long offset = seg.appendDurably(record);
            index(r, seg, offset, record.length);
            unrecorded.remove(r.resultId());
        } catch (IOException e) {
            throw JournalException.io("appending result " + r.resultId(), dir, e);
        } finally {
            rw.writeLock().unlock();
        }
    }

    /**
     * Writes that a frame entered the pipeline and forces it to stable storage before returning (one fsync, as
     * {@link #append}). Not served by {@link #byId} or {@link #list}: only results are.
     */
    public void admit(FrameAdmission a) throws JournalException {
        byte[] record = RecordFormat.frame(ResultCodec.encode(a));
        rw.writeLock().lock();
        try {
            ensureOpen();
            Segment seg = segmentFor(a.admittedAt(), record.length);
            seg.appendDurably(record);
            seg.newestMillis = Math.max(seg.newestMillis, a.admittedAt().toEpochMilli());
        } catch (IOException e) {
            throw JournalException.io("journaling the admission of " + a.resultId(), dir, e);
        } finally {
            rw.writeLock().unlock();
        }
    }

    /**
     * Frames admitted (in an earlier run of the process) whose result is not in the journal, oldest first; a
     * result appended for one removes it.
     */
    public List<FrameAdmission> unrecordedAdmissions() {
        rw.readLock().lock();
        try {
            return List.copyOf(unrecorded.values());
        } finally {
            rw.readLock().unlock();
        }
    }

    /** The time of the newest record (result or admission) found when the journal was opened. */
    public Optional<Instant> lastRecordAtOpen() {
        return Optional.ofNullable(lastRecordAt);
    }

    private Segment segmentFor(Instant createdAt, int recordBytes) throws IOException {
        LocalDate day = LocalDate.ofInstant(createdAt == null ? clock.instant() : createdAt, ZoneOffset.UTC);
        Segment last = segments.peekLast();
        if (last != null && last.day.equals(day) && last.sizeBytes() + recordBytes <= segmentLimitBytes) {
            return last;
        }
        if (last != null && last.sizeBytes() == 0) {
            segments.removeLast();
            last.close();
            Files.deleteIfExists(last.path);
        }
        long seq = segments.isEmpty() ? 1 : segments.peekLast().sequence + 1;
        Segment seg = Segment.create(dir, day, seq);
        segments.addLast(seg);
        forceDirectory();
        enforceRetention();
        return seg;
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("directory {} cannot be forced on this platform: {}", dir, e.toString());
        }
    }

    /** Deletes the oldest segments by age and size; never the segment being written. Caller holds the write lock. */
    private void enforceRetention() throws IOException {
        long oldestKeptMillis = clock.instant().minus(retention).toEpochMilli();
        long total = totalBytes();
        Iterator<Segment> it = segments.iterator();
        while (it.hasNext()) {
            Segment seg = it.next();
            if (seg == segments.peekLast()) {
                break;
            }
            boolean expired = seg.newestMillis < oldestKeptMillis;
            if (!expired && total <= maxBytes) {
                break;
            }
            it.remove();
            total -= seg.sizeBytes();
            dropIndex(seg);
            seg.close();
            Files.deleteIfExists(seg.path);
            LOG.info("result journal: deleted segment {} ({})", seg.path.getFileName(),
                    expired ? "older than " + retention.toDays() + " days" : "over " + maxBytes + " bytes");
        }
    }

    private void dropIndex(Segment seg) {
        byTime.values().removeIf(e -> e.segment == seg);
        byId.values().removeIf(e -> e.segment == seg);
    }

    private long totalBytes() {
        long t = 0;
        for (Segment s : segments) {
            t += s.sizeBytes();
        }
        return t;
    }

    /** The result with this id, read from disk; empty when unknown or deleted by retention. */
    public Optional<InspectionResult> byId(String resultId) throws JournalException {
        rw.readLock().lock();
        try {
            ensureOpen();
            Entry e = byId.get(resultId);
            return e == null ? Optional.empty() : Optional.of(read(e));
        } finally {
            rw.readLock().unlock();
        }
    }

    /**
     * Results created in {@code [from, to]}, oldest first, at most {@code maxResults}.
     *
     * @param verdict only results with this verdict when present
     */
    public List<InspectionResult> list(Instant from, Instant to, Optional<Verdict> verdict, int maxResults)
            throws JournalException {
        if (maxResults < 0) {
            throw new IllegalArgumentException("maxResults = " + maxResults + "; allowed: 0 or more");
        }
        List<InspectionResult> out = new ArrayList<>();
        if (from.isAfter(to) || maxResults == 0) {
            return out;
        }
        rw.readLock().lock();
        try {
            ensureOpen();
            for (Entry e : byTime.subMap(new TimeKey(from, Long.MIN_VALUE), true, new TimeKey(to, Long.MAX_VALUE),
                    true).values()) {
                if (verdict.isPresent() && verdict.get() != e.verdict) {
                    continue;
                }
                out.add(read(e));
                if (out.size() >= maxResults) {
                    break;
                }
            }
            return out;
        } finally {
            rw.readLock().unlock();
        }
    }

    /**
     * Results created in {@code [from, to]} that {@code filter} accepts, newest first: the first {@code startIndex}
     * are skipped, at most {@code maxResults} are read from disk.
     *
     * @param from oldest creation time, inclusive; null for no lower bound
     * @param to   newest creation time, inclusive; null for no upper bound
     */
    public Page query(Instant from, Instant to, Predicate<ResultSummary> filter, int startIndex, int maxResults)
            throws JournalException {
        if (maxResults < 0 || startIndex < 0) {
            throw new IllegalArgumentException("startIndex = " + startIndex + ", maxResults = " + maxResults
                    + "; allowed: 0 or more");
        }
        rw.readLock().lock();
        try {
            ensureOpen();
            NavigableMap<TimeKey, Entry> window = byTime;
            if (from != null) {
                window = window.tailMap(new TimeKey(from, Long.MIN_VALUE), true);
            }
            if (to != null) {
                window = window.headMap(new TimeKey(to, Long.MAX_VALUE), true);
            }
            List<InspectionResult> out = new ArrayList<>();
            int matched = 0;
            for (Entry e : window.descendingMap().values()) {
                if (!filter.test(e.summary())) {
                    continue;
                }
                if (matched >= startIndex && out.size() < maxResults) {
                    out.add(read(e));
                }
                matched++;
            }
            return new Page(out, matched);
        } finally {
            rw.readLock().unlock();
        }
    }

    /** Number of results the journal serves. */
    public int size() {
        rw.readLock().lock();
        try {
            return byId.size();
        } finally {
            rw.readLock().unlock();
        }
    }

    /** Bytes of all segment files. */
    public long bytesOnDisk() {
        rw.readLock().lock();
        try {
            return totalBytes();
        } finally {
            rw.readLock().unlock();
        }
    }

    /** Torn records truncated when this journal was opened. */
    public int tornRecordsRecovered() {
        return tornCount;
    }

    /** Corrupt records (bad CRC followed by good records) skipped when this journal was opened. */
    public int corruptRecordsSkipped() {
        return corruptRecords;
    }

    private InspectionResult read(Entry e) throws JournalException {
        try {
            byte[] line = e.segment.read(e.offset, e.length);
            int jsonStart = RecordFormat.CRC_CHARS + 1;
            return ResultCodec.decode(line, jsonStart, line.length - 1 - jsonStart);
        } catch (IOException ex) {
            throw JournalException.io("reading result " + e.resultId + " at byte " + e.offset, e.segment.path, ex);
        }
    }

    private void ensureOpen() throws JournalException {
        if (closed) {
            throw new JournalException("result journal " + dir + " is closed");
        }
    }

    /** Closes the files and releases the directory lock. Idempotent. */
    @Override
    public void close() {
        rw.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Segment s : segments) {
                try {
                    s.close();
                } catch (IOException e) {
                    LOG.warn("closing {} failed: {}", s.path, e.toString());
                }
            }
            segments.clear();
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("releasing {} failed: {}", dir.resolve("journal.lock"), e.toString());
            }
        } finally {
            rw.writeLock().unlock();
        }
    }
}
