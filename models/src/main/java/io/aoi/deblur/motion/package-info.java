/**
 * The three-frame motion deblurrer and its stream policy.
 *
 * <p>{@link io.aoi.deblur.motion.MotionDeblurrer} restores one frame from itself and its two neighbours.
 * {@link io.aoi.deblur.motion.SlidingWindow} feeds it a stream of frames (delay one frame; the ends of a run
 * repeat the end frame). Both it and {@link io.aoi.deblur.SingleFrameStage}, which wraps any
 * single-frame {@link io.aoi.deblur.Deblurrer}, implement {@link io.aoi.deblur.DeblurStage}, so a
 * pipeline can run every model through one stage interface.
 */
package io.aoi.deblur.motion;
