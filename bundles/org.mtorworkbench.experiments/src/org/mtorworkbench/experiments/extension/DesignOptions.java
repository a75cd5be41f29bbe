package org.mtorworkbench.experiments.extension;

import java.util.List;

/**
 * The options many designs share, one description each (as ELK's {@code CoreOptions} are for
 * its layout algorithms): a design lists those it takes in {@link ExperimentDesign#options()},
 * beside its own. Every design also takes the perturbations of the active
 * {@link PerturbationType}s, which are not options.
 *
 * @since 0.3
 */
public final class DesignOptions {

    /** One readout: a species or rule-defined parameter. */
    public static final DesignOption<String> READOUT = DesignOption.of("readout", OptionType.MODEL_ID)
            .withLabel("Readout").withHelp("the readout (species or rule-defined parameter)").asRequired();

    /** Readouts, one per {@code --readout}. */
    public static final DesignOption<String> READOUTS = READOUT.withLabel("Readouts")
            .withHelp("the readout (species or rule-defined parameter; repeatable)").asRepeatable();

    /** When to read out after treatment, in minutes. */
    public static final DesignOption<Double> T_END = DesignOption.of("t-end", OptionType.NUMBER).withLabel("Time (min)")
            .withHelp("read out at this time after treatment (default 1440)").withSyntax("MIN").withDefault(1440.0)
            .withMinimum(Double.MIN_VALUE);

    /** Read out at the treated steady state instead of at {@link #T_END}. */
    public static final DesignOption<Boolean> STEADY_STATE = DesignOption.of("steady-state", OptionType.FLAG)
            .withLabel("Read out at steady state").withHelp("read out at the treated steady state")
            .withDefault(false);

    /** The readout time every design reading out after a treatment takes: {@link #T_END} or {@link #STEADY_STATE}. */
    public static final List<DesignOption<?>> READOUT_TIME = List.of(T_END, STEADY_STATE);

    /**
     * A drug the design varies, {@code --drug ID} on the command line (a drug with a dose,
     * {@code --drug ID=nM}, is the perturbation given to every run instead).
     */
    public static final DesignOption<String> VARIED_DRUG = DesignOption.of("varied-drug", OptionType.DRUG)
            .withLabel("Drug").withHelp("the drug to vary").withFlag("--drug").asRequired();

    private DesignOptions() {
    }
}
