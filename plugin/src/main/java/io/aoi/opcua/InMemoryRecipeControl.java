package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link RecipeControl} that holds the deblur settings in memory, validates changes with
 * {@link DeblurSettings#with}, keeps an audit trail and tells a listener (the pipeline) about every applied change.
 * The recipe id is {@code <base>-r<revision>} and counts up with each change. Thread-safe.
 */
public final class InMemoryRecipeControl implements RecipeControl {
    /** Audit entries kept; older ones are forgotten. */
    public static final int MAX_AUDIT_RECORDS = 1000;

    private final String baseRecipeId;
    private final Clock clock;
    private final Consumer<DeblurSettings> onChange;
    private final List<AuditRecord> audit = new ArrayList<>();
    private DeblurSettings settings;
    private int revision;

    /**
     * @param baseRecipeId prefix of the recipe ids
     * @param initial      the deblur settings the station started with
     * @param onChange     called with the new settings after each applied change, under this object's lock
     */
    public InMemoryRecipeControl(String baseRecipeId, DeblurSettings initial, Consumer<DeblurSettings> onChange) {
        this(baseRecipeId, initial, onChange, Clock.systemUTC());
    }

    InMemoryRecipeControl(String baseRecipeId, DeblurSettings initial, Consumer<DeblurSettings> onChange,
            Clock clock) {
        this.baseRecipeId = Objects.requireNonNull(baseRecipeId, "baseRecipeId");
        this.settings = Objects.requireNonNull(initial, "initial");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.clock = clock;
    }

    @Override
    public synchronized RecipeState current() {
        return new RecipeState(baseRecipeId + "-r" + revision, settings.model(), settings.iterations());
    }

    @Override
    public synchronized RecipeState change(DeblurModel model, int iterations, String user) {
        if (model == null) {
            throw new InvalidSettingException("model", "(missing)", "one of none, wiener, udbd, udbd_acf, motion");
        }
        DeblurSettings next = settings.with(model, iterations);
        if (next.equals(settings)) {
            return current();
        }
        if (next.model() != settings.model()) {
            record(user, "DeblurModel", settings.model().name(), next.model().name());
        }
        if (next.iterations() != settings.iterations()) {
            record(user, "DeblurIterations", Integer.toString(settings.iterations()),
                    Integer.toString(next.iterations()));
        }
        settings = next;
        revision++;
        onChange.accept(next);
        return current();
    }

    private void record(String user, String field, String oldValue, String newValue) {
        audit.add(new AuditRecord(clock.instant(), user, field, oldValue, newValue));
        if (audit.size() > MAX_AUDIT_RECORDS) {
            audit.remove(0);
        }
    }

    /** The settings in use now. */
    public synchronized DeblurSettings settings() {
        return settings;
    }

    @Override
    public synchronized List<AuditRecord> audit() {
        return List.copyOf(audit);
    }
}
