package io.aoi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Needs Aravis's fake GigE camera on loopback ({@link FakeGigECameraRequirement}); tagged {@code aravis}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("aravis")
@Requires(FakeGigECameraRequirement.class)
public @interface RequiresFakeGigECamera {
}
