package io.aoi.results.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One append-only journal file, named {@code results-<UTC day>-<sequence>.jsonl}. Owned by {@link ResultJournal},
 * which serialises writes; positional reads may run concurrently.
 */
final class Segment implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("results-(\\d{4}-\\d{2}-\\d{2})-(\\d{6})\\.jsonl");

    final Path path;
    final LocalDate day;
    final long sequence;
    private final FileChannel channel;
    private long sizeBytes;
    /** Creation time (epoch millis) of the newest record in the file; {@link Long#MIN_VALUE} when empty. */
    long newestMillis = Long.MIN_VALUE;

    private Segment(Path path, LocalDate day, long sequence, FileChannel channel, long sizeBytes) {
        this.path = path;
        this.day = day;
        this.sequence = sequence;
        this.channel = channel;
        this.sizeBytes = sizeBytes;
    }

    static String fileName(LocalDate day, long sequence) {
        return String.format("results-%s-%06d.jsonl", day, sequence);
    }

    /** @return the sequence number when the name is a segment's, else -1 */
    static long sequenceOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    static Segment open(Path file) throws IOException {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IOException("not a journal segment name: " + file);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(file, LocalDate.parse(m.group(1)), Long.parseLong(m.group(2)), ch, ch.size());
    }

    static Segment create(Path dir, LocalDate day, long sequence) throws IOException {
        Path file = dir.resolve(fileName(day, sequence));
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new Segment(file, day, sequence, ch, 0);
    }

    long sizeBytes() {
        return sizeBytes;
    }

    byte[] readAll() throws IOException {
        return Files.readAllBytes(path);
    }

    /** Cuts the file to {@code length} bytes and makes the cut durable. */
    void truncate(long length) throws IOException {
        channel.truncate(length);
        channel.force(true);
        sizeBytes = length;
    }

    /** Appends and forces the bytes to the device. @return the offset the bytes start at */
    long appendDurably(byte[] bytes) throws IOException {
        long offset = sizeBytes;
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long pos = offset;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        channel.force(false);
        sizeBytes = pos;
        return offset;
    }

    byte[] read(long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of " + path + " at " + pos);
            }
            pos += n;
        }
        return buf.array();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
