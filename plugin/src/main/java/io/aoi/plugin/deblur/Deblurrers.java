package io.aoi.plugin.deblur;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.wiener.WienerDeblurrer;

/**
 * Opens the deblurrer a station's {@code deblur.model} names. The only place that knows every engine; the
 * pipeline and the commands see {@link Deblurrer} alone.
 */
public final class Deblurrers {
    private Deblurrers() {
    }

    /** The caller owns the returned deblurrer and closes it. */
    public static Deblurrer open(DeblurSettings settings) throws DeblurException {
        return switch (settings.model()) {
            case NONE -> new PassThroughDeblurrer();
            case WIENER -> new WienerDeblurrer(settings);
            case UDBD, MOTION -> throw new DeblurException("model '" + settings.model().name().toLowerCase()
                    + "' is not in this build; allowed: none, wiener");
        };
    }
}
