package io.aoi.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON fields a result has in every form it leaves the station in (the journal, OPC UA ResultContent, the
 * CLI), written in one place so that the forms cannot drift apart.
 */
public final class ResultJson {
    private ResultJson() {
    }

    /** Writes the fields MES reads: ids, outcome, verdict, counts, bumps and times. */
    public static void putContent(ObjectNode o, InspectionResult r) {
        o.put("resultId", r.resultId());
        o.put("frameId", r.frameId());
        o.put("gapLinesBefore", r.gapLinesBefore());
        o.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        o.put("verdict", r.verdict().name());
        o.put("outcome", r.outcome().name());
        o.put("resultState", r.resultState());
        o.put("reason", r.reason());
        o.put("particleCount", r.particleCount());
        o.put("densityPerMm2", r.densityPerMm2());
        ArrayNode bumps = o.putArray("bumps");
        for (BumpCount b : r.bumps()) {
            bumps.addObject().put("id", b.id()).put("x", b.x()).put("y", b.y()).put("width", b.width())
                    .put("height", b.height()).put("count", b.count()).put("ok", b.ok());
        }
        ProcessingTimes t = r.times();
        o.putObject("times").put("deblurMillis", t.deblurMillis()).put("detectMillis", t.detectMillis())
                .put("totalMillis", t.totalMillis());
        putFinite(o, "defocusSigmaPx", r.defocusSigmaPx());
        putFinite(o, "illuminationAngleDeg", r.illuminationAngleDeg());
        o.put("deblurFallback", r.deblurFallback());
    }

    /** A measurement that was not taken (NaN) is written as null: JSON has no NaN. */
    private static void putFinite(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    /** Reads a field written by {@link #putFinite}: null or missing is NaN. */
    public static double finiteOrNaN(com.fasterxml.jackson.databind.JsonNode o, String field) {
        com.fasterxml.jackson.databind.JsonNode n = o.get(field);
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
}
