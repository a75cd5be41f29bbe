package org.mtorworkbench.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parameter theta that forward sensitivities are taken with respect to: the derivatives, with
 * respect to theta, of the values a run starts from (parameters, compartment sizes, species'
 * initial values, each as {@link Simulation#withValue} sets it). A model parameter {@code k} is
 * {@code of("k")}, the derivative 1 for {@code k}; a parameter estimated on a log scale, or one
 * that several values depend on (the steady state a run starts from, a condition's formula),
 * gives each of those values its derivative. Values not named do not depend on theta, except
 * through the model's initial assignments and rules, which the sensitivities follow.
 *
 * @param name for messages and tables
 * @param derivatives id to d value(id) / d theta
 */
public record SensitivityParameter(String name, Map<String, Double> derivatives) {

    public SensitivityParameter {
        if (name == null || derivatives == null) {
            throw new IllegalArgumentException("a sensitivity parameter needs a name and derivatives");
        }
        for (Map.Entry<String, Double> e : derivatives.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("sensitivity parameter '" + name + "': the derivative of '"
                        + e.getKey() + "' is " + e.getValue() + "; give a finite number");
            }
        }
        derivatives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derivatives));
    }

    /** @return theta = the value of {@code id} */
    public static SensitivityParameter of(String id) {
        return new SensitivityParameter(id, Map.of(id, 1.0));
    }
}
