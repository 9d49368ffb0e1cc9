package io.aoi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Needs the Aravis library ({@link AravisRequirement}); tagged {@code aravis}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("aravis")
@Requires(AravisRequirement.class)
public @interface RequiresAravis {
}
