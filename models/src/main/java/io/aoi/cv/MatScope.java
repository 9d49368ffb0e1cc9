package io.aoi.cv;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Owns the OpenCV matrices made while processing one frame and releases them all on {@link #close()}.
 *
 * <p>Use one scope per frame in a try-with-resources block; register every Mat as it is created with
 * {@link #add(Mat)} or {@link #mat()}. Releasing is idempotent: closing twice, or releasing a Mat that was also
 * released elsewhere, is harmless. A closed scope refuses new Mats. Not thread-safe: confine a scope to the
 * thread that processes the frame.
 */
public final class MatScope implements AutoCloseable {
    private final List<Mat> mats = new ArrayList<>();
    private boolean closed;

    /** Registers {@code mat} for release and returns it. */
    public <T extends Mat> T add(T mat) {
        if (closed) {
            mat.release();
            throw new IllegalStateException("this MatScope is closed; it cannot own new matrices");
        }
        mats.add(mat);
        return mat;
    }

    /** A new empty Mat owned by this scope. */
    public Mat mat() {
        return add(new Mat());
    }

    /** How many matrices the scope owns (for tests and diagnostics). */
    public int size() {
        return mats.size();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = mats.size() - 1; i >= 0; i--) {
            mats.get(i).release();
        }
        mats.clear();
    }
}
