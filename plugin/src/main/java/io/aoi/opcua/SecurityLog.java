package io.aoi.opcua;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's persistent security and audit log: one JSON object per line in {@code security-<UTC day>.jsonl},
 * in the folder given to {@link #open} (the station puts it in {@code <journalDir>/security}).
 *
 * <p>Each line has {@code at} (ISO-8601 UTC), {@code event} ({@link SecurityEvent#code()}), {@code user}
 * (the OPC UA user name, {@code anonymous} or {@code server}; user names as typed by clients are cut to
 * {@value #MAX_TEXT_CHARS} characters), {@code client} (the client's IP address, when known) and fields of the event
 * ({@code method}, {@code status}, {@code field}, {@code old}, {@code new}, {@code reason}, ...). Every event is also
 * logged through SLF4J.
 *
 * <p>Retention follows the result journal: day files older than {@code retentionDays} are deleted at open and at each
 * day change, and the oldest day files go while all of them hold more than {@code maxBytes}. Today's file never grows
 * beyond {@code maxBytes}: once it would, one {@code log-full} line is written and later events of the day are only
 * counted (and logged through SLF4J). Lines are written with one {@code write} each, not forced to disk: a killed
 * process loses nothing, a power cut may lose the last lines.
 *
 * <p>Thread-safe; {@link #close} is idempotent. {@link #loggerOnly()} logs through SLF4J only (for servers started
 * without a journal folder).
 */
public final class SecurityLog implements AutoCloseable {
    /** User names, reasons and other client-supplied text are cut to this length. */
    public static final int MAX_TEXT_CHARS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("security-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

    private final Path dir;
    private final int retentionDays;
    private final long maxBytes;
    private final Clock clock;
    private FileChannel current;
    private LocalDate currentDay;
    private long currentBytes;
    private long droppedToday;
    private boolean closed;

    private SecurityLog(Path dir, int retentionDays, long maxBytes, Clock clock) {
        this.dir = dir;
        this.retentionDays = retentionDays;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Events go to SLF4J only; nothing is written to disk. */
    public static SecurityLog loggerOnly() {
        return new SecurityLog(null, 1, Long.MAX_VALUE, Clock.systemUTC());
    }

    /**
     * Opens (creating if needed) the log in {@code dir} and applies the retention.
     *
     * @param retentionDays day files older than this are deleted, 1 or more (the journal's {@code retentionDays})
     * @param maxBytes      disk budget of all day files, at least 64 KiB
     * @throws OpcUaException when the folder cannot be created or read
     */
    public static SecurityLog open(Path dir, int retentionDays, long maxBytes) throws OpcUaException {
        return open(dir, retentionDays, maxBytes, Clock.systemUTC());
    }

    static SecurityLog open(Path dir, int retentionDays, long maxBytes, Clock clock) throws OpcUaException {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays = " + retentionDays + "; allowed: 1 or more");
        }
        if (maxBytes < (64 << 10)) {
            throw new IllegalArgumentException("maxBytes = " + maxBytes + "; allowed: 65536 or more");
        }
        SecurityLog log = new SecurityLog(dir, retentionDays, maxBytes, clock);
        try {
            Files.createDirectories(dir);
            synchronized (log) {
                log.roll(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            }
        } catch (IOException e) {
            log.close();
            throw new OpcUaException("cannot open the security log in " + dir + ": " + e.getMessage(), e);
        }
        return log;
    }

    /** The folder of the day files; empty for {@link #loggerOnly()}. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /**
     * Writes one event. Never throws: a failing disk is logged through SLF4J and the event is kept there.
     *
     * @param user   who (user name, {@code anonymous} or {@code server})
     * @param client the client's address, or null when unknown
     * @param fields further fields; numbers are written as JSON numbers, everything else as strings
     */
    public void record(SecurityEvent event, String user, InetAddress client, Map<String, ?> fields) {
        Instant at = clock.instant();
        ObjectNode o = JSON.createObjectNode();
        o.put("at", at.toString());
        o.put("event", event.code());
        o.put("user", cut(user));
        if (client != null) {
            o.put("client", client.getHostAddress());
        }
        fields.forEach((k, v) -> {
            if (v instanceof Number n) {
                o.put(k, n.longValue());
            } else {
                o.put(k, cut(String.valueOf(v)));
            }
        });
        String line = o.toString();
        if (event == SecurityEvent.LOGIN_OK || event == SecurityEvent.METHOD_CALL
                || event == SecurityEvent.RECIPE_CHANGE) {
            LOG.info("security: {}", line);
        } else {
            LOG.warn("security: {}", line);
        }
        if (dir != null) {
            write(at, line);
        }
    }

    private synchronized void write(Instant at, String line) {
        if (closed) {
            return;
        }
        try {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            if (!day.equals(currentDay)) {
                roll(day);
            }
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (currentBytes + bytes.length > maxBytes) {
                if (droppedToday++ == 0) {
                    String full = "{\"at\":\"" + at + "\",\"event\":\"" + SecurityEvent.LOG_FULL.code()
                            + "\",\"user\":\"server\",\"maxBytes\":" + maxBytes + "}\n";
                    writeFully(full.getBytes(StandardCharsets.UTF_8));
                    LOG.error("security log {} is full ({} bytes); later events of {} are logged through SLF4J "
                            + "only", dir, maxBytes, day);
                }
                return;
            }
            writeFully(bytes);
        } catch (IOException e) {
            LOG.error("security log {}: writing failed ({}); event kept in this log only: {}", dir, e.toString(),
                    line);
        }
    }

    private void writeFully(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            currentBytes += current.write(b);
        }
    }

    /** Opens the day's file and applies the retention. */
    private void roll(LocalDate day) throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        Path file = dir.resolve("security-" + day + ".jsonl");
        current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentDay = day;
        currentBytes = current.size();
        droppedToday = 0;
        enforceRetention(day, file);
    }

    private void enforceRetention(LocalDate today, Path keep) throws IOException {
        List<Path> files = dayFiles();
        LocalDate oldestKept = today.minusDays(retentionDays);
        long total = 0;
        List<Path> kept = new ArrayList<>();
        for (Path f : files) {
            if (!f.equals(keep) && dayOf(f).isBefore(oldestKept)) {
                delete(f, "older than " + retentionDays + " days");
            } else {
                kept.add(f);
                total += Files.size(f);
            }
        }
        for (Path f : kept) {
            if (total <= maxBytes || f.equals(keep)) {
                break;
            }
            total -= Files.size(f);
            delete(f, "security log over " + maxBytes + " bytes");
        }
    }

    /** The day files, oldest first (none for {@link #loggerOnly()}). */
    public List<Path> dayFiles() throws IOException {
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static LocalDate dayOf(Path f) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a security log file: " + f);
        }
        return LocalDate.parse(m.group(1));
    }

    private static void delete(Path f, String why) throws IOException {
        Files.deleteIfExists(f);
        LOG.info("security log: deleted {} ({})", f.getFileName(), why);
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_TEXT_CHARS ? s : s.substring(0, MAX_TEXT_CHARS) + "...";
    }

    /** Closes the day file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("closing the security log {} failed: {}", dir, e.toString());
            }
            current = null;
        }
    }
}
