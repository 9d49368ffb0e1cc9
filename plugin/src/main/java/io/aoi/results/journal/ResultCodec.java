package io.aoi.results.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import java.io.IOException;

/**
 * Converts an {@link InspectionResult} ({@link ResultLine}), or a {@link FrameAdmission} ({@link AdmissionLine}),
 * to and from one line of compact JSON; an admission carries {@code "record": "admission"}. Thread-safe.
 *
 * <p>A line that cannot be read fails with an {@link IOException} saying what was wrong: the field (with its path,
 * such as {@code bumps[2].count}) and why, never a stack of mapper internals.
 */
final class ResultCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultCodec() {
    }

    static byte[] encode(InspectionResult r) {
        try {
            return MAPPER.writeValueAsBytes(ResultLine.of(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode result " + r.resultId(), e);
        }
    }

    static byte[] encode(FrameAdmission a) {
        try {
            return MAPPER.writeValueAsBytes(AdmissionLine.of(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode admission " + a.resultId(), e);
        }
    }

    /** @throws IOException when the bytes are not a result written by {@link #encode(InspectionResult)} */
    static InspectionResult decode(byte[] json, int offset, int length) throws IOException {
        return decode(parse(json, offset, length));
    }

    /**
     * A parsed record: a result, or an admission when {@link #isAdmission}.
     *
     * @throws IOException when the bytes are not one JSON object
     */
    static JsonNode parse(byte[] json, int offset, int length) throws IOException {
        JsonNode o;
        try {
            o = MAPPER.readTree(json, offset, length);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IOException("not a JSON object: " + (o == null ? "empty" : o.getNodeType()));
        }
        return o;
    }

    static boolean isAdmission(JsonNode o) {
        return AdmissionLine.ADMISSION.equals(o.path(AdmissionLine.RECORD_KIND).asText(""));
    }

    /** @throws IOException when the record is not an admission written by {@link #encode(FrameAdmission)} */
    static FrameAdmission decodeAdmission(JsonNode o) throws IOException {
        try {
            return MAPPER.treeToValue(o, AdmissionLine.class).toAdmission();
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("not a journal admission record: " + reason(e), e);
        }
    }

    /** @throws IOException when the record is not a result written by {@link #encode(InspectionResult)} */
    static InspectionResult decode(JsonNode o) throws IOException {
        try {
            return ResultLine.read(MAPPER, o).toResult();
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("not a journal result record: " + reason(e), e);
        }
    }

    /** What was wrong, with the path of the field when the mapper knows it ({@code bumps[2].count: ...}). */
    private static String reason(Exception e) {
        if (e instanceof JsonMappingException d) {
            String path = path(d);
            return (path.isEmpty() ? "" : path + ": ") + d.getOriginalMessage();
        }
        if (e instanceof JsonProcessingException p) {
            return p.getOriginalMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
