package org.mtorworkbench.ui.views.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.sedml.CombineArchive;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlWriter;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.sbml.jsbml.SBMLDocument;

/**
 * The launcher's experiments as saved designs: what the fields describe as a
 * {@link SavedDesign} written into a COMBINE archive with its model, and which saved designs
 * the fields can show again.
 */
final class DesignFiles {

    private DesignFiles() {
    }

    /**
     * @return the design the launcher's experiment saves as
     * @throws IllegalArgumentException for a design SED-ML cannot express, saying why
     */
    static SavedDesign saved(ExperimentSpec spec) {
        Map<String, Double> treatment = spec.drug().isEmpty() ? Map.of() : Map.of(spec.drug(), spec.doses()[0]);
        ReadoutTime time = spec.readoutTime();
        String context = spec.context();
        return switch (spec.design()) {
            case TIME_COURSE -> new SavedDesign(SavedDesign.Kind.TIME_COURSE, context, spec.knockouts(), Map.of(),
                    Map.of(), treatment, List.of(), List.of(), List.of(), spec.readouts(), time,
                    ExperimentSpec.TIME_POINTS);
            case STEADY_STATE -> new SavedDesign(SavedDesign.Kind.STEADY_STATE, context, spec.knockouts(), Map.of(),
                    Map.of(), treatment, List.of(), List.of(), List.of(), spec.readouts(), ReadoutTime.steadyState(), 1);
            case DOSE_RESPONSE -> new SavedDesign(SavedDesign.Kind.DOSE_RESPONSE, context, spec.knockouts(), Map.of(),
                    Map.of(), Map.of(), List.of(spec.drug()), List.of(spec.doses()), List.of(), spec.readouts(), time, 1);
            case COMBINATION -> new SavedDesign(SavedDesign.Kind.COMBINATION, context, spec.knockouts(), Map.of(),
                    Map.of(), Map.of(), List.of(spec.drug(), spec.drugB()), List.of(spec.doses(), spec.dosesB()),
                    List.of(), spec.readouts().subList(0, 1), time, 1);
            case SCAN, SCAN_2D -> new SavedDesign(SavedDesign.Kind.SCAN, context, spec.knockouts(), Map.of(), Map.of(),
                    treatment, List.of(), List.of(), Scan.grid(spec.axes()), spec.readouts(), time, 1);
            case SENSITIVITY -> throw new IllegalArgumentException("a sensitivity analysis cannot be saved as SED-ML "
                    + "L1V3, which has no way to say 'vary each parameter and compare'; save a scan of the "
                    + "parameters instead, or run the sensitivity from the launcher");
        };
    }

    /**
     * Writes the experiment as a COMBINE archive: the SED-ML design and the model it runs on
     * (the built-in network or the editor's model, as SBML).
     *
     * @throws SedmlException UNSUPPORTED for a design SED-ML cannot express
     */
    static void save(ExperimentSpec spec, Path omex, SolverOptions options, BooleanSupplier cancelled)
            throws SedmlException, SimulationException, SbmlException, IOException {
        SavedDesign d = saved(spec);
        SBMLDocument doc = spec.document().get();
        PreparedModel model = PreparedModel.of(doc);
        String sedml = SedmlWriter.write(d, doc, model, Contributions.drugs(), Contributions.contexts(), options,
                cancelled);
        byte[] sbml = new SbmlWriter().toBytes(doc, spec.modelName());
        CombineArchive.write(omex, sbml, "sbml.level-" + doc.getLevel() + ".version-" + doc.getVersion(), sedml);
    }

    /**
     * What the launcher's fields show for a saved design.
     *
     * @param design the launcher's design
     * @param drug the drug, or empty
     * @param doses the doses field's text
     * @param drugB the second drug of a combination, or empty
     * @param dosesB its doses' text
     * @param context the cell context
     * @param knockouts the knockouts
     * @param readouts the readouts
     * @param minutes the time, NaN for the steady state
     */
    record Fields(Design design, String drug, String doses, String drugB, String dosesB, String context,
            List<String> knockouts, List<String> readouts, double minutes) {
    }

    /**
     * @param modelId the id of the model the file embeds
     * @return the launcher fields of the design, or null when the launcher cannot show it (a
     *         scan, values set or overexpressed, background drugs, a model other than the built-in
     *         network); such a file is run as it stands instead
     */
    static Fields fields(SavedDesign d, String modelId) {
        if (!NetworkModel.MODEL_ID.equals(modelId) || d.context() == null || !d.set().isEmpty()
                || !d.overexpress().isEmpty() || Contributions.contexts().find(d.context()).isEmpty()) {
            return null;
        }
        double minutes = d.time().isSteadyState() ? Double.NaN : d.time().minutes();
        switch (d.kind()) {
            case TIME_COURSE:
            case STEADY_STATE: {
                if (d.drugs().size() > 1) {
                    return null;
                }
                String drug = d.drugs().isEmpty() ? "" : d.drugs().keySet().iterator().next();
                String dose = drug.isEmpty() ? "" : text(new double[] {d.drugs().get(drug)});
                Design design = d.kind() == SavedDesign.Kind.TIME_COURSE ? Design.TIME_COURSE : Design.STEADY_STATE;
                return new Fields(design, drug, dose, "", "", d.context(), d.knockouts(), d.readouts(), minutes);
            }
            case DOSE_RESPONSE:
                return d.drugs().isEmpty() ? new Fields(Design.DOSE_RESPONSE, d.varied().get(0), text(d.doses().get(0)),
                        "", "", d.context(), d.knockouts(), d.readouts(), minutes) : null;
            case COMBINATION:
                return d.drugs().isEmpty() ? new Fields(Design.COMBINATION, d.varied().get(0), text(d.doses().get(0)),
                        d.varied().get(1), text(d.doses().get(1)), d.context(), d.knockouts(), d.readouts(), minutes)
                        : null;
            default:
                return null;
        }
    }

    /** Doses as the doses field reads them back exactly: plain decimals, comma-separated. */
    static String text(double[] doses) {
        return Arrays.stream(doses).mapToObj(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /** The design of a report's table: a time course when its first column is time, a scan otherwise. */
    static Design reportDesign(List<String> columns) {
        return !columns.isEmpty() && columns.get(0).toLowerCase(Locale.ROOT).startsWith("time") ? Design.TIME_COURSE
                : Design.SCAN;
    }
}
