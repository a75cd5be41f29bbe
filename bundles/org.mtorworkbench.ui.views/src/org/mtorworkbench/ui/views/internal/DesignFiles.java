package org.mtorworkbench.ui.views.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
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
 * The launcher's experiments as saved designs: the form's {@link SavedDesign} (the design's id,
 * option values and perturbations) written into a COMBINE archive with its model, and which
 * saved designs the form can show again.
 */
final class DesignFiles {

    private DesignFiles() {
    }

    /**
     * Writes the experiment as a COMBINE archive: the SED-ML design and the model it runs on
     * (the built-in network or the editor's model, as SBML).
     *
     * @throws SedmlException UNSUPPORTED for a design SED-ML cannot express
     */
    static void save(ExperimentDesign design, SavedDesign saved, SBMLDocument doc, String modelName, Path omex,
            SolverOptions options, BooleanSupplier cancelled)
            throws SedmlException, SimulationException, SbmlException, IOException {
        PreparedModel model = PreparedModel.of(doc);
        Cancellation cancellation = new Cancellation();
        DesignRequest request = DesignRequest.prepare(design, saved, model, Contributions.drugs(), options,
                new BatchRunner(1), Progress.NONE, cancellation);
        String sedml = SedmlWriter.write(design, request, doc, cancelled);
        byte[] sbml = new SbmlWriter().toBytes(doc, modelName);
        CombineArchive.write(omex, sbml, "sbml.level-" + doc.getLevel() + ".version-" + doc.getVersion(), sedml);
    }

    /**
     * @param modelId the id of the model the file embeds
     * @return whether the form may show the design: it runs on the built-in network and sets
     *         no values and overexpresses nothing (the form has no fields for them); other files
     *         are run as they stand instead
     */
    static boolean showable(SavedDesign d, String modelId) {
        return NetworkModel.MODEL_ID.equals(modelId) && d.perturbations().keySet().stream()
                .allMatch(List.of("drug", "context", "knockout")::contains);
    }

    /** Numbers as the form's fields read them back exactly: plain decimals, comma-separated. */
    static String text(double[] values) {
        return Arrays.stream(values).mapToObj(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /** The kind of a report's table: a time course when its first column is time, a scan otherwise. */
    static ResultKind reportKind(List<String> columns) {
        return !columns.isEmpty() && columns.get(0).toLowerCase(Locale.ROOT).startsWith("time") ? ResultKind.TIME_COURSE
                : ResultKind.SCAN;
    }
}
