package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aoi.plugin.bench.BenchArm;
import io.aoi.plugin.bench.FrameSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void theDefaultArmsAreNoneAndEachModelAtEachPassCountAndRegion() throws Exception {
        List<BenchArm> arms = BenchCommand.arms(List.of("none", "wiener", "udbd_acf"), List.of(1.0, 3.0),
                List.of("bumps", "frame"));

        assertEquals(List.of("none", "wiener bumps", "wiener frame", "udbd_acf x1 bumps", "udbd_acf x1 frame",
                "udbd_acf x3 bumps", "udbd_acf x3 frame"), arms.stream().map(BenchArm::label).toList());
    }

    @Test
    void readsSizesAndRefusesWhatItCannotRead() throws Exception {
        assertEquals(List.of(new FrameSize(1024, 512), new FrameSize(2048, 1024)),
                BenchCommand.sizes(List.of("1024x512", "2048X1024")));

        UsageException size = assertThrows(UsageException.class, () -> BenchCommand.sizes(List.of("1024")));
        UsageException small = assertThrows(UsageException.class, () -> BenchCommand.sizes(List.of("32x32")));
        UsageException passes = assertThrows(UsageException.class,
                () -> BenchCommand.arms(List.of("udbd_acf"), List.of(1.5), List.of("frame")));
        UsageException unused = assertThrows(UsageException.class,
                () -> BenchCommand.arms(List.of("none"), List.of(1.5), List.of("frame")));
        UsageException region = assertThrows(UsageException.class,
                () -> BenchCommand.arms(List.of("wiener"), List.of(1.0), List.of("tiles")));

        assertEquals("--sizes '1024' is not WIDTHxHEIGHT, e.g. 1024x512", size.getMessage());
        assertEquals("--sizes frame size 32x32; allowed: width 64 to 16384 and height 64 to 8192", small.getMessage());
        assertEquals("--passes 1.5 is not allowed; allowed: whole numbers from 1 to 3", passes.getMessage());
        assertEquals(passes.getMessage(), unused.getMessage(), "refused even when no arm would use it");
        assertEquals("--regions tiles is not known; allowed: bumps, frame", region.getMessage());
    }
}
