package org.mtorworkbench.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.PerturbationType;

/**
 * One experiment as plain data, so it can be saved (SED-ML), shipped to a batch engine and run
 * again: the id of its {@link ExperimentDesign} plus the text of its option values and of its
 * perturbations, exactly as the command line gives them (numbers in a form that reads back as
 * the same double). Immutable and serializable.
 *
 * @param design the design's id, e.g. {@code dose-response}
 * @param options the values of the design's {@link DesignOption}s by option id, each in the order given
 * @param perturbations the arguments of each {@link PerturbationType} by type id (e.g. {@code drug} to
 *        {@code [rapamycin=10]}), in the order given
 */
public record SavedDesign(String design, Map<String, List<String>> options, Map<String, List<String>> perturbations)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SavedDesign {
        Objects.requireNonNull(design);
        options = copy(options);
        perturbations = copy(perturbations);
    }

    /** @return a design without options or perturbations */
    public static SavedDesign of(String design) {
        return new SavedDesign(design, Map.of(), Map.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> m) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!v.isEmpty()) {
                c.put(Objects.requireNonNull(k), List.copyOf(v));
            }
        });
        return Collections.unmodifiableMap(c);
    }

    /** @return the texts given for an option, empty when it was not given */
    public List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** @return the first text given for an option, or null */
    public String value(String option) {
        List<String> v = values(option);
        return v.isEmpty() ? null : v.get(0);
    }

    /** @return the arguments given for a perturbation type, empty when none */
    public List<String> perturbation(String type) {
        return perturbations.getOrDefault(type, List.of());
    }

    /** @return a copy with the option's values replaced by these (none removes it) */
    public SavedDesign with(String option, List<String> texts) {
        Map<String, List<String>> o = new LinkedHashMap<>(options);
        o.put(option, texts);
        return new SavedDesign(design, o, perturbations);
    }

    /** @return a copy with the typed values of an option replaced */
    public <T> SavedDesign with(DesignOption<T> option, List<T> values) {
        List<String> texts = new ArrayList<>();
        for (T v : values) {
            texts.add(option.format(v));
        }
        return with(option.id(), texts);
    }

    /** @return a copy with one more argument of a perturbation type */
    public SavedDesign withPerturbation(String type, String argument) {
        Map<String, List<String>> p = new LinkedHashMap<>(perturbations);
        List<String> l = new ArrayList<>(p.getOrDefault(type, List.of()));
        l.add(argument);
        p.put(type, l);
        return new SavedDesign(design, options, p);
    }
}
