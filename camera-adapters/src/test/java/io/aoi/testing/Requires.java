package io.aoi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class or method needs {@link #value()} from the host. When the host lacks it the tests FAIL
 * (they are never skipped) with one line saying what is missing and how to install it; leave them out explicitly
 * with {@code -DexcludedGroups=TAG}. Used as a meta-annotation together with the requirement's {@code @Tag}, e.g.
 * {@link RequiresAravis}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Requires.All.class)
@ExtendWith(RequirementsCheck.class)
public @interface Requires {
    Class<? extends Requirement> value();

    /** The container of several {@link Requires}. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(RequirementsCheck.class)
    @interface All {
        Requires[] value();
    }
}
