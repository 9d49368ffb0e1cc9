package io.aoi.opcua;

import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * The Diagnostics object: rates and latencies as Double, queue depths as Int32, counters as UInt32 (saturating at
 * 4 294 967 295; Int64 is avoided because some clients decode it as a pair of numbers), the source's state as a
 * String ({@link io.aoi.camera.SourceState#text()}).
 */
final class DiagnosticsNodes {
    private UaVariableNode framesPerSecond;
    private UaVariableNode queueDepthCapture;
    private UaVariableNode queueDepthDeblur;
    private UaVariableNode queueDepthDetect;
    private UaVariableNode framesDropped;
    private UaVariableNode stripsIncomplete;
    private UaVariableNode stripsReceived;
    private UaVariableNode deblurMillisAvg;
    private UaVariableNode detectMillisAvg;
    private UaVariableNode totalMillisAvg;
    private UaVariableNode resultsCompleted;
    private UaVariableNode resultsFailed;
    private UaVariableNode resultsDropped;
    private UaVariableNode sourceState;
    private UaVariableNode eventsDropped;
    private UaVariableNode defocusSigmaPx;
    private UaVariableNode focusDriftWarnings;

    void build(Nodes nodes, UaObjectNode visionSystem, String prefix) {
        String base = prefix + "/Diagnostics";
        UaObjectNode d = nodes.object(visionSystem, NodeIds.HasComponent, base, "Diagnostics",
                NodeIds.BaseObjectType);
        framesPerSecond = dbl(nodes, d, base, "FramesPerSecond");
        queueDepthCapture = int32(nodes, d, base, "QueueDepthCapture");
        queueDepthDeblur = int32(nodes, d, base, "QueueDepthDeblur");
        queueDepthDetect = int32(nodes, d, base, "QueueDepthDetect");
        framesDropped = uint32(nodes, d, base, "FramesDropped");
        stripsIncomplete = uint32(nodes, d, base, "StripsIncomplete");
        stripsReceived = uint32(nodes, d, base, "StripsReceived");
        deblurMillisAvg = dbl(nodes, d, base, "DeblurMillisAvg");
        detectMillisAvg = dbl(nodes, d, base, "DetectMillisAvg");
        totalMillisAvg = dbl(nodes, d, base, "TotalMillisAvg");
        resultsCompleted = uint32(nodes, d, base, "ResultsCompleted");
        resultsFailed = uint32(nodes, d, base, "ResultsFailed");
        resultsDropped = uint32(nodes, d, base, "ResultsDropped");
        sourceState = nodes.variable(d, base + "/SourceState", "SourceState", NodeIds.String,
                new Variant(Diagnostics.EMPTY.sourceState().text()), false);
        eventsDropped = uint32(nodes, d, base, "ResultEventsDropped");
        defocusSigmaPx = nodes.variable(d, base + "/DefocusSigmaPx", "DefocusSigmaPx", NodeIds.Double,
                new Variant(Double.NaN), false);
        focusDriftWarnings = uint32(nodes, d, base, "FocusDriftWarnings");
    }

    void show(Diagnostics x) {
        set(framesPerSecond, x.framesPerSecond());
        set(queueDepthCapture, x.queueDepthCapture());
        set(queueDepthDeblur, x.queueDepthDeblur());
        set(queueDepthDetect, x.queueDepthDetect());
        set(framesDropped, u(x.framesDropped()));
        set(stripsIncomplete, u(x.stripsIncomplete()));
        set(stripsReceived, u(x.stripsReceived()));
        set(deblurMillisAvg, x.deblurMillisAvg());
        set(detectMillisAvg, x.detectMillisAvg());
        set(totalMillisAvg, x.totalMillisAvg());
        set(resultsCompleted, u(x.resultsCompleted()));
        set(resultsFailed, u(x.resultsFailed()));
        set(resultsDropped, u(x.resultsDropped()));
        set(sourceState, x.sourceState().text());
    }

    /** The focus monitor: latest defocus estimate in px (NaN when none) and drift warnings so far. */
    void showFocus(double sigmaPx, long warnings) {
        set(defocusSigmaPx, sigmaPx);
        set(focusDriftWarnings, u(warnings));
    }

    /** Results whose event could not be queued because the publisher fell behind. */
    void showEventsDropped(long n) {
        set(eventsDropped, u(n));
    }

    private static UInteger u(long v) {
        return Unsigned.uint(Math.max(0, Math.min(v, 0xFFFF_FFFFL)));
    }

    private static void set(UaVariableNode node, Object value) {
        node.setValue(new DataValue(new Variant(value)));
    }

    private static UaVariableNode dbl(Nodes nodes, UaObjectNode parent, String base, String name) {
        return nodes.variable(parent, base + "/" + name, name, NodeIds.Double, new Variant(0.0), false);
    }

    private static UaVariableNode int32(Nodes nodes, UaObjectNode parent, String base, String name) {
        return nodes.variable(parent, base + "/" + name, name, NodeIds.Int32, new Variant(0), false);
    }

    private static UaVariableNode uint32(Nodes nodes, UaObjectNode parent, String base, String name) {
        return nodes.variable(parent, base + "/" + name, name, NodeIds.UInt32, new Variant(Unsigned.uint(0)), false);
    }
}
