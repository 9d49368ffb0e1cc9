package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aravis's simulated GigE Vision camera ({@code arv-fake-gv-camera-0.8}, Debian package aravis-tools) as a child
 * process listening on 127.0.0.1, for tests and benchmarks. Open it with {@code cameraId 127.0.0.1} and
 * {@code packetSocket false}. Closing kills it; safe from any thread, idempotent.
 */
public final class FakeGigECamera implements AutoCloseable {
    public static final String EXECUTABLE = "arv-fake-gv-camera-0.8";
    public static final String ADDRESS = "127.0.0.1";

    private static final Pattern SENSOR_WIDTH = Pattern.compile(
            "(<Integer Name=\"SensorWidth\"[^>]*>.*?)<pValue>SensorWidthRegister</pValue>", Pattern.DOTALL);

    private final Process process;

    private FakeGigECamera(Process process) {
        this.process = process;
    }

    /**
     * Starts the fake camera with the given serial number; its output is appended to {@code log}. It needs a
     * moment before it answers discovery.
     */
    public static FakeGigECamera start(String serial, File log) throws IOException {
        return start(new ProcessBuilder(EXECUTABLE, "-i", ADDRESS, "-s", serial), log);
    }

    /**
     * As {@link #start(String, File)}, describing itself with another GenICam file (the fake camera's own
     * description with changed values; its registers stay the same), e.g. to play a camera with a smaller sensor.
     */
    public static FakeGigECamera start(String serial, File genicam, File log) throws IOException {
        return start(new ProcessBuilder(EXECUTABLE, "-i", ADDRESS, "-s", serial, "-g", genicam.getPath()), log);
    }

    private static FakeGigECamera start(ProcessBuilder command, File log) throws IOException {
        Process p = command
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        return new FakeGigECamera(p);
    }

    /**
     * The GenICam description of the fake camera running at {@link #ADDRESS}, with SensorWidth fixed at
     * {@code widthPx}: started with it ({@link #start(String, File, File)}), the fake camera plays one with a
     * smaller sensor.
     *
     * @throws CameraException when no fake camera answers or its description has no SensorWidth register
     */
    public static String descriptionWithSensorWidth(int widthPx) throws CameraException {
        String xml;
        try (AravisCamera camera = AravisCamera.open(AravisNative.library(), ADDRESS)) {
            xml = camera.genicamXml();
        }
        Matcher m = SENSOR_WIDTH.matcher(xml);
        if (!m.find()) {
            throw new CameraException("the fake camera's GenICam description has no SensorWidth register");
        }
        return m.replaceFirst("$1<Value>" + widthPx + "</Value>");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the camera the hard way (like pulling its cable) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
