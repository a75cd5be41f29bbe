package org.mtorworkbench.experiments.extension;

import java.util.List;

import org.mtorworkbench.experiments.PreparedModel;

/**
 * A kind of perturbation: a drug at a dose, a knockout, an overexpression, a changed value, a
 * cell context, or one of an outside modeller's own (a degradation-tag, a feedback cut...).
 * Register an implementation as an OSGi service (Declarative Services): each type with id
 * {@code ID} becomes the command-line option {@code --ID ARGUMENT} of every command that takes
 * perturbations (simulate, steady-state and the experiment designs) while its bundle is
 * active. The product's own perturbations are contributed the same way.
 * <p>
 * Implementations are stateless and thread-safe.
 *
 * @since 0.2
 */
public interface PerturbationType {

    /** Where a perturbation acts in an experiment's protocol. */
    enum Stage {
        /** Shapes the cells before treatment: they are brought to steady state with it (a mutation, a context). */
        CELLS,
        /** The treatment itself, applied to the prepared cells at time 0 (a drug). */
        TREATMENT
    }

    /** @return the id, lower case with dashes; the command-line option is {@code --id} */
    String id();

    /** @return the argument's syntax for help texts, e.g. {@code ID=nM} */
    String syntax();

    /** @return a one-line description for help texts */
    String description();

    /** @return the stage of the perturbations of this type */
    Stage stage();

    /** @return whether the option may be given more than once */
    default boolean repeatable() {
        return true;
    }

    /**
     * Turns the arguments given for this type into one perturbation of {@code model}.
     *
     * @param arguments the arguments in the order given; never empty
     * @throws IllegalArgumentException with a one-line message naming the argument at fault
     *             and what to do (an unknown id, a malformed or out-of-range value)
     */
    Perturbation parse(List<String> arguments, PreparedModel model);
}
