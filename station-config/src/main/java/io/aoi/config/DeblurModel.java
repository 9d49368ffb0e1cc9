package io.aoi.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The name of a deblurring model, as station files ({@code deblur.model}), command lines and OPC UA write it.
 * The built-in models are constants here; an integrator's model is any other well-formed name that a deblurrer
 * provider installed beside the plugin answers to. This record checks the spelling only: which names are
 * installed is known to the deblurrer registry, which the station-file loader is given
 * ({@link StationConfigLoader#load(java.nio.file.Path, Set)}).
 *
 * <p>What a model needs from the pipeline (how many frames, whether it takes passes) is a property of its
 * provider, not of its name.
 *
 * @param name 1 to 32 lower-case letters, digits and '_', starting with a letter; for example {@code udbd_acf}
 */
public record DeblurModel(String name) {
    /** What {@link #name} allows. */
    public static final String NAME_RULE = "1 to 32 lower-case letters, digits or '_', starting with a letter";

    /** Frames go to the detector as captured. */
    public static final DeblurModel NONE = new DeblurModel("none");
    /** Classical Wiener deconvolution with a Gaussian defocus PSF. */
    public static final DeblurModel WIENER = new DeblurModel("wiener");
    /** UDBD-Net, the blind uniform-defocus deblurrer, trained on photographs and panels; iterative. */
    public static final DeblurModel UDBD = new DeblurModel("udbd");
    /**
     * UDBD-Net fine-tuned for ACF bonding inspection: simulated panels at sensor noise 0.006 to 0.014, lit from
     * +x (illumination angle 0), fine detail weighted in the loss; iterative.
     */
    public static final DeblurModel UDBD_ACF = new DeblurModel("udbd_acf");
    /**
     * The line-rate variant of {@link #UDBD_ACF}: the same kernel net, a deconvolution net of width 8 (about a
     * seventh of the work per pixel), trained on the same panels, noise and loss; iterative.
     */
    public static final DeblurModel UDBD_ACF_LITE = new DeblurModel("udbd_acf_lite");
    /** The 3-frame motion deblurrer. */
    public static final DeblurModel MOTION = new DeblurModel("motion");

    /** The models this project ships, in the order messages list them. */
    public static final List<DeblurModel> BUILT_IN = List.of(NONE, WIENER, UDBD, UDBD_ACF, UDBD_ACF_LITE, MOTION);

    public DeblurModel {
        Check.present("model", name);
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new InvalidSettingException("model", name, NAME_RULE);
        }
    }

    /** The names of {@link #BUILT_IN}, in order. */
    public static Set<String> builtInNames() {
        return BUILT_IN.stream().map(DeblurModel::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The name, as station files write it. */
    @Override
    public String toString() {
        return name;
    }
}
