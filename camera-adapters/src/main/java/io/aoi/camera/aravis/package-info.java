/**
 * GenICam cameras (GigE Vision, USB3 Vision) through the Aravis 0.8 C library (Debian package
 * {@code libaravis-0.8-0}), bound with JNA.
 *
 * <p>Public API: {@link io.aoi.camera.aravis.AravisLineSource} (a {@link io.aoi.camera.LineSource} opened from
 * {@link io.aoi.config.AravisCameraSettings}), {@link io.aoi.camera.aravis.AravisCameras} (discovery) with
 * {@link io.aoi.camera.aravis.CameraInfo}. (The benchmark and soak tools {@code AravisBenchmark} and
 * {@code AravisSoak} live in the same package in {@code plugin/tools}, the fake GigE camera in this module's
 * tests.) Nothing of JNA appears outside this package; native failures surface as
 * {@link io.aoi.camera.CameraException} naming the camera and the action.
 *
 * <p>Ownership: every Aravis object is owned by exactly one Java object with an idempotent {@code close()}:
 * {@code AravisCamera} (ArvCamera and its control-lost handler), {@code AravisStream} (ArvStream and its buffer
 * pool), {@code AravisSession} (both), {@code AravisLineSource} (the current session). A popped buffer is an
 * {@code AravisBuffer}, a scoped view that answers status, geometry and payload and copies its rows into a Java
 * array; closing it gives the buffer back to its stream. Only these wrappers touch native pointers.
 *
 * <p>Threads: one acquisition thread calls {@code start()} and {@code grab()}; {@code counters()},
 * {@code describe()} and {@code widthPx()} from any thread; {@code close()} from any thread at any time.
 * Discovery and opening are serialised process-wide (Aravis's device list is shared).
 */
package io.aoi.camera.aravis;
