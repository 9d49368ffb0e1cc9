package io.aoi.testing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks the {@link Requires} of a test class before its first test and of a test method before it runs, each
 * requirement once per JVM, and fails the tests of a missing one with a message naming the test, what is missing,
 * how to install it and the tag that leaves such tests out. It never skips: CI runs every test, so a host without
 * a requirement must show as failing, not as green.
 */
public final class RequirementsCheck implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace CHECKED = ExtensionContext.Namespace.create(RequirementsCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context, context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context, context.getRequiredTestMethod());
    }

    private static void check(ExtensionContext context, AnnotatedElement element) {
        for (Requires requires : AnnotationSupport.findRepeatableAnnotations(element, Requires.class)) {
            Requirement requirement = instantiate(requires.value());
            Optional<?> missing = context.getRoot().getStore(CHECKED).getOrComputeIfAbsent(requires.value(),
                    k -> requirement.missing(), Optional.class);
            if (missing.isPresent()) {
                throw new AssertionError(context.getDisplayName() + " needs " + requirement.what() + ": "
                        + missing.get() + " (bash .ci/test installs it; leave these tests out with -DexcludedGroups="
                        + requirement.tag() + ")");
            }
        }
    }

    private static Requirement instantiate(Class<? extends Requirement> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                | NoSuchMethodException e) {
            throw new IllegalStateException("requirement " + type.getName()
                    + " needs a public no-argument constructor", e);
        }
    }
}
