package io.aoi.deblur.onnx;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import java.nio.file.Path;
import java.util.Optional;

/** Deblur settings for tests: UDBD, 2 threads, the given tiles and provider. */
final class TestSettings {
    private TestSettings() {
    }

    static DeblurSettings udbd(int tileSizePx, int overlapPx, ExecutionProvider provider, Optional<Path> file) {
        return DeblurSettings.DEFAULTS.withModel(DeblurModel.UDBD).withExecutionProvider(provider).withThreads(2)
                .withTiles(tileSizePx, overlapPx).withModelFile(file);
    }

    static DeblurSettings udbd(int tileSizePx, int overlapPx) {
        return udbd(tileSizePx, overlapPx, ExecutionProvider.CPU, Optional.empty());
    }
}
