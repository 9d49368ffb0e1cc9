package io.aoi.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class MatScopeTest {
    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void releasesEveryRegisteredMatOnClose() {
        Mat a;
        Mat b;
        try (MatScope scope = new MatScope()) {
            a = scope.add(new Mat(8, 8, CvType.CV_32FC1));
            b = scope.mat();
            assertEquals(2, scope.size());
            assertTrue(a.dataAddr() != 0);
        }
        assertTrue(a.empty());
        assertTrue(b.empty());
    }

    @Test
    void closingTwiceIsHarmless() {
        MatScope scope = new MatScope();
        Mat a = scope.add(new Mat(4, 4, CvType.CV_8UC1));
        a.release();
        scope.close();
        scope.close();
        assertTrue(scope.isClosed());
        assertEquals(0, scope.size());
    }

    @Test
    void closedScopeRefusesNewMatsAndReleasesThem() {
        MatScope scope = new MatScope();
        scope.close();
        Mat late = new Mat(4, 4, CvType.CV_8UC1);
        assertThrows(IllegalStateException.class, () -> scope.add(late));
        assertTrue(late.empty());
    }
}
