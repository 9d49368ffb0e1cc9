package io.aoi.results;

/** Time spent per stage, in milliseconds; the OPC 40100 ProcessingTimes of a result. */
public record ProcessingTimes(double deblurMillis, double detectMillis, double totalMillis) {
    public static final ProcessingTimes NONE = new ProcessingTimes(0, 0, 0);
}
