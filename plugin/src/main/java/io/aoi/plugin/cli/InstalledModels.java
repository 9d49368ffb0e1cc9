package io.aoi.plugin.cli;

import io.aoi.plugin.deblur.Deblurrers;
import java.util.Iterator;

/**
 * The installed deblur model names (built-in ones first), as {@code completionCandidates} of model options, so that
 * {@code ${COMPLETION-CANDIDATES}} and shell completion list a model a provider added too.
 */
final class InstalledModels implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Deblurrers.names().iterator();
    }
}
