package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deblur section's defaults, withers and model names. */
class DeblurSettingsTest {

    @Test
    void defaultsAreTheOnesTheModuleReadmeDocuments() {
        DeblurSettings d = DeblurSettings.DEFAULTS;

        assertEquals(DeblurModel.UDBD_ACF, d.model());
        assertEquals(1, d.iterations());
        assertEquals(ExecutionProvider.CPU, d.executionProvider());
        assertEquals(2, d.threads());
        assertEquals(256, d.tileSizePx());
        assertEquals(16, d.tileOverlapPx());
        assertEquals(Optional.empty(), d.modelFile());
        assertEquals(2.5, d.wienerSigmaPx());
        assertEquals(0.01, d.wienerNoiseToSignal());
        assertEquals(DeblurPolicy.DEFAULTS, d.policy());
    }

    @Test
    void eachWitherChangesItsFieldAlone() {
        DeblurSettings d = DeblurSettings.DEFAULTS;
        Path file = Path.of("/models/udbd.onnx");

        DeblurSettings changed = d.withModel(DeblurModel.WIENER).withIterations(3)
                .withExecutionProvider(ExecutionProvider.CUDA).withThreads(8).withTiles(64, 31).withModelFile(file)
                .withWiener(1.5, 0.02).withPolicy(DeblurPolicy.DEFAULTS.withRegion(DeblurRegion.FRAME));

        assertEquals(new DeblurSettings(DeblurModel.WIENER, 3, ExecutionProvider.CUDA, 8, 64, 31, Optional.of(file),
                1.5, 0.02, DeblurPolicy.DEFAULTS.withRegion(DeblurRegion.FRAME)), changed);
        assertEquals(d, changed.withModel(d.model()).withIterations(d.iterations())
                .withExecutionProvider(d.executionProvider()).withThreads(d.threads())
                .withTiles(d.tileSizePx(), d.tileOverlapPx()).withModelFile(Optional.empty())
                .withWiener(d.wienerSigmaPx(), d.wienerNoiseToSignal()).withPolicy(d.policy()));
    }

    @Test
    void aModelFileBelongsToTheModelItWasGivenFor() {
        Path file = Path.of("/models/candidate.onnx");
        DeblurSettings udbd = DeblurSettings.DEFAULTS.withModelFile(file);

        assertEquals(Optional.of(file), udbd.withIterations(3).modelFile(), "same model: its file stays");
        assertEquals(Optional.of(file), udbd.with(DeblurModel.UDBD_ACF, 2).modelFile());
        assertEquals(Optional.empty(), udbd.withModel(DeblurModel.UDBD_ACF_LITE).modelFile(),
                "another model restores with its shipped file, not the one given for udbd_acf");
        assertEquals(Optional.empty(), udbd.with(DeblurModel.WIENER, 1).modelFile());
    }

    @Test
    void withersValidateLikeTheConstructor() {
        InvalidSettingException iterations = assertThrows(InvalidSettingException.class,
                () -> DeblurSettings.DEFAULTS.withIterations(4));
        assertEquals("iterations = 4 is not allowed; allowed: an integer from 0 to 3", iterations.getMessage());

        InvalidSettingException overlap = assertThrows(InvalidSettingException.class,
                () -> DeblurSettings.DEFAULTS.withTiles(64, 32));
        assertEquals("tileOverlapPx", overlap.field());
        assertEquals("an integer from 0 to 31 (less than half of tileSizePx 64)", overlap.allowed());
    }

    @Test
    void modelNamesAreLowerCaseWordsAndPrintAsWritten() {
        assertEquals("udbd_acf", DeblurModel.UDBD_ACF.toString());
        assertEquals(DeblurModel.MOTION, new DeblurModel("motion"));
        assertEquals("[none, wiener, udbd, udbd_acf, udbd_acf_lite, motion]", DeblurModel.builtInNames().toString());
        for (String bad : new String[] {"", "Udbd", "2x", "sharpen-v2", "a".repeat(33)}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new DeblurModel(bad));
            assertEquals("model", e.field());
            assertEquals(DeblurModel.NAME_RULE, e.allowed());
        }
    }
}
