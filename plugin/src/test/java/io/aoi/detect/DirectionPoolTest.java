package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pooling of per-frame direction estimates with known directions and particle counts. */
class DirectionPoolTest {
    private static DirectionEstimate estimate(double angleDeg, int particles) {
        return new DirectionEstimate(angleDeg, 0.99, particles);
    }

    @Test
    void framesWithTooFewParticlesEachMakeADirectionTogether() {
        DirectionPool pool = new DirectionPool(DirectionPool.STATION_KEEP_PER_FRAME);
        assertTrue(pool.angleDeg().isEmpty());
        assertTrue(pool.add(estimate(50, 8)));
        assertFalse(pool.confident(), "8 particles are fewer than " + DirectionEstimate.MIN_PARTICLES);
        assertEquals(50, pool.angleDeg().getAsDouble(), 1e-9, "still the best direction there is");
        assertTrue(pool.add(estimate(54, 8)));
        assertTrue(pool.confident(), "0.7 x 8 + 8 particles");
        // particle-weighted circular mean: the newer frame weighs 8 against 0.7 x 8
        double a = Math.toRadians(50);
        double b = Math.toRadians(54);
        double expected = Math.toDegrees(Math.atan2(5.6 * Math.sin(a) + 8 * Math.sin(b),
                5.6 * Math.cos(a) + 8 * Math.cos(b)));
        assertEquals(expected, pool.angleDeg().getAsDouble(), 1e-9);
    }

    @Test
    void estimatesWhoseParticlesDoNotAgreeOrAreTooFewAreLeftOut() {
        DirectionPool pool = DirectionPool.everyFrame();
        assertFalse(pool.add(new DirectionEstimate(10, 0.5, 40)), "agreement below the Rayleigh bound");
        assertFalse(pool.add(estimate(10, DirectionPool.MIN_FRAME_PARTICLES - 1)));
        assertFalse(pool.add(DirectionEstimate.NONE));
        assertEquals(0, pool.frames());
        assertTrue(pool.angleDeg().isEmpty());
    }

    @Test
    void poolingSteadiesAJitteringDirectionAcrossTheWrap() {
        Random random = new Random(4711);
        DirectionPool pool = new DirectionPool(DirectionPool.STATION_KEEP_PER_FRAME);
        double worstFrame = 0;
        double worstPooled = 0;
        for (int i = 0; i < 200; i++) {
            double frame = 178 + 5 * random.nextGaussian(); // about 180: wraps to -180
            pool.add(estimate(frame > 180 ? frame - 360 : frame, 6 + random.nextInt(12)));
            worstFrame = Math.max(worstFrame, Math.abs(frame - 178));
            if (i >= 5) {
                double pooled = pool.angleDeg().getAsDouble();
                worstPooled = Math.max(worstPooled, Math.abs(Math.IEEEremainder(pooled - 178, 360)));
            }
        }
        assertTrue(worstPooled < worstFrame / 2, "pooled within " + worstPooled + ", frames within " + worstFrame);
    }

    @Test
    void aTurnedCameraIsFollowedWithinAFewFrames() {
        DirectionPool pool = new DirectionPool(DirectionPool.STATION_KEEP_PER_FRAME);
        for (int i = 0; i < 20; i++) {
            pool.add(estimate(0, 15));
        }
        int frames = 0;
        while (Math.abs(pool.angleDeg().getAsDouble() - 90) > 5) {
            pool.add(estimate(90, 15));
            frames++;
        }
        assertTrue(frames <= 8, frames + " frames to follow a quarter turn");
    }

    @Test
    void agreementIsTheMeanResultantLengthOfTheFramesDirections() {
        DirectionPool pool = DirectionPool.everyFrame();
        assertEquals(0, pool.agreement());
        pool.add(estimate(0, 20));
        pool.add(estimate(90, 5));
        assertEquals(Math.sqrt(2) / 2, pool.agreement(), 1e-12, "two frames a quarter turn apart");
        assertEquals(25, pool.particles());
    }

    @Test
    void refusesAKeepFactorOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DirectionPool(1.5));
        assertTrue(e.getMessage().contains("allowed: 0 to 1"), e.getMessage());
    }
}
