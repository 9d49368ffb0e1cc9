package io.aoi.plugin.pipeline;

/**
 * Running mean of a stage's latency in milliseconds. Thread-safe; cheap enough for every frame.
 */
final class Latency {
    private double sumMillis;
    private long count;

    synchronized void add(double millis) {
        sumMillis += millis;
        count++;
    }

    synchronized double meanMillis() {
        return count == 0 ? 0 : sumMillis / count;
    }
}
