package io.aoi.deblur.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.deblur.motion.SlidingWindow;
import io.aoi.deblur.wiener.WienerDeblurrer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in models are found through the service file, with their needs; bad registrations are refused. */
class DeblurrerRegistryTest {
    private static final DeblurrerRegistry INSTALLED = DeblurrerRegistry.installed();

    /** A provider of any name, for registrations that must be refused or ordered. */
    public static class Named implements DeblurrerProvider {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ModelNeeds needs() {
            return ModelNeeds.singleFrame(ModelNeeds.Passes.ONCE);
        }

        @Override
        public Deblurrer open(DeblurSettings settings) {
            return new PassThroughDeblurrer();
        }
    }

    @Test
    void findsTheBuiltInModelsThroughTheServiceFileInTheirOrder() {
        assertEquals(List.of("none", "wiener", "udbd", "udbd_acf", "udbd_acf_lite", "motion"),
                List.copyOf(INSTALLED.names()));
        assertEquals(DeblurModel.builtInNames(), INSTALLED.names());
    }

    @Test
    void eachBuiltInStatesWhatItNeeds() throws DeblurException {
        assertEquals(new ModelNeeds(3, ModelNeeds.Passes.IGNORED, false), needs(DeblurModel.MOTION));
        assertEquals(new ModelNeeds(1, ModelNeeds.Passes.ITERATIVE, true), needs(DeblurModel.UDBD));
        // the ACF models were trained on panels lit from +x only: the pipeline turns frames towards 0 degrees
        assertEquals(new ModelNeeds(1, ModelNeeds.Passes.ITERATIVE, true).withShearDirectionDeg(0),
                needs(DeblurModel.UDBD_ACF));
        assertEquals(OptionalDouble.of(0), needs(DeblurModel.UDBD_ACF_LITE).shearDirectionDeg());
        assertEquals(new ModelNeeds(1, ModelNeeds.Passes.ONCE, true), needs(DeblurModel.WIENER));
        assertEquals(new ModelNeeds(1, ModelNeeds.Passes.ONCE, false), needs(DeblurModel.NONE));
        assertEquals(1, needs(DeblurModel.MOTION).passesFor(3));
        assertEquals(3, needs(DeblurModel.UDBD).passesFor(3));
        assertEquals(0, needs(DeblurModel.WIENER).passesFor(0));
    }

    @Test
    void opensEachSingleFrameModelAndTheMotionModelOnlyAsAStage() throws DeblurException {
        DeblurSettings settings = DeblurSettings.DEFAULTS;
        try (Deblurrer none = INSTALLED.provider(DeblurModel.NONE).open(settings);
                Deblurrer wiener = INSTALLED.provider(DeblurModel.WIENER).open(settings);
                DeblurStage<String> stage = INSTALLED.provider(DeblurModel.WIENER).openStage(settings, () -> 1)) {
            assertInstanceOf(PassThroughDeblurrer.class, none);
            assertInstanceOf(WienerDeblurrer.class, wiener);
            assertInstanceOf(SingleFrameStage.class, stage);
        }
        DeblurrerProvider motion = INSTALLED.provider(DeblurModel.MOTION);
        DeblurException single = assertThrows(DeblurException.class,
                () -> motion.open(settings.withModel(DeblurModel.MOTION)));
        assertTrue(single.getMessage().contains("open it as a stage"), single.getMessage());
        try (DeblurStage<String> window = motion.openStage(settings.withModel(DeblurModel.MOTION), () -> 3)) {
            assertInstanceOf(SlidingWindow.class, window);
            assertEquals(1, window.delayFrames());
        }
    }

    @Test
    void anUnknownModelIsRefusedNamingTheInstalledOnes() {
        DeblurException e = assertThrows(DeblurException.class, () -> INSTALLED.provider(new DeblurModel("sharpen")));

        assertEquals("deblur model 'sharpen' is not installed; installed: none, wiener, udbd, udbd_acf, "
                + "udbd_acf_lite, motion (a model is added by a jar on the class path that lists its provider in "
                + "META-INF/services/io.aoi.deblur.spi.DeblurrerProvider)", e.getMessage());
    }

    @Test
    void listsAddedModelsAfterTheBuiltInOnesAlphabetically() {
        DeblurrerRegistry r = DeblurrerRegistry.of(List.of(new Named("zeta"), new Named("wiener"), new Named("alpha"),
                new Named("none")));

        assertEquals(List.of("none", "wiener", "alpha", "zeta"), List.copyOf(r.names()));
    }

    @Test
    void refusesTwoProvidersOfOneNameAndMalformedNames() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> DeblurrerRegistry.of(List.of(new Named("sharpen"), new Named("sharpen"))));
        assertEquals("providers " + Named.class.getName() + " and " + Named.class.getName() + " both have the name "
                + "'sharpen'; allowed: one provider a name", twice.getMessage());

        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> DeblurrerRegistry.of(List.of(new Named("Sharpen-2"))));
        assertEquals("provider " + Named.class.getName() + " has the name 'Sharpen-2'; allowed: "
                + DeblurModel.NAME_RULE, malformed.getMessage());
    }

    /** Claims a built-in name; listed only in a service file the test writes. */
    public static final class SecondWiener extends Named {
        public SecondWiener() {
            super("wiener");
        }
    }

    @Test
    void aClassPathWithTwoProvidersOfOneNameIsAConfigurationErrorNamingBoth(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(DeblurrerProvider.class.getName()), SecondWiener.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DeblurrerRegistryTest.class.getClassLoader())) {
            ServiceConfigurationError e = assertThrows(ServiceConfigurationError.class,
                    () -> DeblurrerRegistry.load(loader));
            assertTrue(e.getMessage().contains("io.aoi.deblur.wiener.WienerProvider and " + SecondWiener.class.getName()
                    + " both have the name 'wiener'"), e.getMessage());
        }
    }

    @Test
    void needsAreConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new ModelNeeds(2, ModelNeeds.Passes.ONCE, false));
        IllegalArgumentException regions = assertThrows(IllegalArgumentException.class,
                () -> new ModelNeeds(3, ModelNeeds.Passes.IGNORED, true));
        assertTrue(regions.getMessage().contains("only for frameWindow 1"), regions.getMessage());
    }

    private static ModelNeeds needs(DeblurModel model) throws DeblurException {
        return INSTALLED.provider(model).needs();
    }
}
