package org.mtorworkbench.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a drug dose or a cell context does to a model before a run: new values for global
 * parameters, new initial values for species, and species held at zero (knockouts).
 * Immutable; {@link #and} combines two sets of changes, the later one winning on conflicts.
 *
 * @param parameters new parameter values by id
 * @param initialValues new initial concentrations by species id
 * @param knockouts species held at zero for the whole run
 */
public record ModelChanges(Map<String, Double> parameters, Map<String, Double> initialValues,
        Set<String> knockouts) {

    /** No change. */
    public static final ModelChanges NONE = new ModelChanges(Map.of(), Map.of(), Set.of());

    public ModelChanges {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        initialValues = Collections.unmodifiableMap(new LinkedHashMap<>(initialValues));
        knockouts = Collections.unmodifiableSet(new LinkedHashSet<>(knockouts));
    }

    /** @return changes setting one parameter */
    public static ModelChanges parameter(String id, double value) {
        return new ModelChanges(Map.of(id, value), Map.of(), Set.of());
    }

    /** @return changes setting one species' initial value */
    public static ModelChanges initialValue(String id, double value) {
        return new ModelChanges(Map.of(), Map.of(id, value), Set.of());
    }

    /** @return changes holding one species at zero */
    public static ModelChanges knockout(String speciesId) {
        return new ModelChanges(Map.of(), Map.of(), Set.of(speciesId));
    }

    /** @return these changes followed by {@code other} */
    public ModelChanges and(ModelChanges other) {
        Map<String, Double> p = new LinkedHashMap<>(parameters);
        p.putAll(other.parameters);
        Map<String, Double> i = new LinkedHashMap<>(initialValues);
        i.putAll(other.initialValues);
        Set<String> k = new LinkedHashSet<>(knockouts);
        k.addAll(other.knockouts);
        return new ModelChanges(p, i, k);
    }

    /** @return true if nothing changes */
    public boolean isEmpty() {
        return parameters.isEmpty() && initialValues.isEmpty() && knockouts.isEmpty();
    }
}
