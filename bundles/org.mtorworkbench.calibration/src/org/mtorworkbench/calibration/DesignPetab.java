package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.RunSpecification;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;
import org.sbml.jsbml.SBMLDocument;

/**
 * Writes an experiment designed in the workbench as a PEtab v1 problem with a measurement
 * template: the cells (context, overexpression, values) are the pre-equilibration condition
 * {@code cells}; every treatment (each dose, dose pair, scan point or the time course's drugs)
 * is a simulation condition starting from the cells' steady state, the drugs entering as the
 * parameters the catalogue gives them; every readout is an observable with its own noise
 * parameter {@code sigma_<readout>} (estimated); the measurement table lists every treatment,
 * readout and time with {@code NaN} where the user puts the measured value. Files:
 * {@code problem.yaml}, {@code model.xml}, {@code conditions.tsv}, {@code observables.tsv},
 * {@code parameters.tsv}, {@code measurements.tsv}.
 */
public final class DesignPetab {

    /** The default noise level of a readout, before fitting. */
    public static final double DEFAULT_SIGMA = 0.1;

    private DesignPetab() {
    }

    /**
     * @param design the design, which must say what its runs are ({@link ExperimentDesign#specification})
     * @param request the design's options and perturbations on the model compiled from {@code doc}
     * @throws PetabException UNSUPPORTED for knockouts (PEtab conditions cannot hold a species at
     *         zero), a readout the model lacks or a design whose runs are not plain data;
     *         UNREADABLE when a file cannot be written
     */
    public static void write(ExperimentDesign design, DesignRequest request, SBMLDocument doc, Path dir)
            throws PetabException {
        PreparedModel model = request.model();
        if (!request.cells().knockouts().isEmpty()) {
            throw new PetabException(Kind.UNSUPPORTED, dir, 0, "knockouts " + request.cells().knockouts()
                    + " cannot be written as PEtab conditions (they hold a species at zero); leave out --knockout");
        }
        for (String r : request.readouts()) {
            if (!model.compiled().hasId(r)) {
                throw new PetabException(Kind.UNSUPPORTED, dir, 0, "the readout '" + r + "' is not in the model");
            }
        }
        RunSpecification spec;
        try {
            spec = design.specification(request);
        } catch (UnsupportedOperationException e) {
            throw new PetabException(Kind.UNSUPPORTED, dir, 0, e.getMessage());
        }
        ModelChanges cells = request.cells();
        Map<String, ModelChanges> treatments = treatments(spec, request);
        Set<String> species = new LinkedHashSet<>(model.compiled().speciesIds());
        Set<String> columns = new TreeSet<>();
        columns.addAll(cells.parameters().keySet());
        columns.addAll(cells.initialValues().keySet());
        for (ModelChanges t : treatments.values()) {
            columns.addAll(t.parameters().keySet());
            columns.addAll(t.initialValues().keySet());
        }
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (org.sbml.jsbml.Parameter q : doc.getModel().getListOfParameters()) {
            if (q.isSetValue()) {
                defaults.put(q.getId(), q.getValue());
            }
        }
        StringBuilder cond = new StringBuilder("conditionId\tconditionName");
        columns.forEach(c -> cond.append('\t').append(c));
        cond.append('\n');
        row(cond, "cells", "cells before treatment", cells, ModelChanges.NONE, columns, species, defaults, true);
        for (Map.Entry<String, ModelChanges> t : treatments.entrySet()) {
            row(cond, t.getKey(), t.getKey().replace('_', ' '), cells, t.getValue(), columns, species, defaults, false);
        }
        double[] times = times(spec, request.time());
        StringBuilder obs = new StringBuilder("observableId\tobservableName\tobservableFormula\tnoiseFormula"
                + "\tobservableTransformation\tnoiseDistribution\n");
        StringBuilder par = new StringBuilder("parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound"
                + "\tnominalValue\testimate\n");
        StringBuilder meas = new StringBuilder("observableId\tpreequilibrationConditionId\tsimulationConditionId"
                + "\tmeasurement\ttime\tobservableParameters\tnoiseParameters\n");
        for (String r : request.readouts()) {
            obs.append("obs_").append(r).append('\t').append(r).append('\t').append(r).append("\tsigma_").append(r)
                    .append("\tlin\tnormal\n");
            par.append("sigma_").append(r).append("\tnoise of ").append(r).append("\tlog10\t0.001\t1000\t")
                    .append(SimulationTable.number(DEFAULT_SIGMA)).append("\t1\n");
        }
        for (String t : treatments.keySet()) {
            for (String r : request.readouts()) {
                for (double time : times) {
                    meas.append("obs_").append(r).append("\tcells\t").append(t).append("\tNaN\t")
                            .append(SimulationTable.number(time)).append("\t\t\n");
                }
            }
        }
        String yaml = "format_version: 1\nparameter_file: parameters.tsv\nproblems:\n- sbml_files:\n  - model.xml\n"
                + "  condition_files:\n  - conditions.tsv\n  measurement_files:\n  - measurements.tsv\n"
                + "  observable_files:\n  - observables.tsv\n";
        try {
            Files.createDirectories(dir);
            try {
                new SbmlWriter().write(doc, dir.resolve("model.xml"));
            } catch (SbmlException e) {
                throw new PetabException(Kind.UNREADABLE, dir.resolve("model.xml"), 0, e.getMessage(), e);
            }
            atomically(dir.resolve("conditions.tsv"), cond.toString());
            atomically(dir.resolve("observables.tsv"), obs.toString());
            atomically(dir.resolve("parameters.tsv"), par.toString());
            atomically(dir.resolve("measurements.tsv"), meas.toString());
            atomically(dir.resolve("problem.yaml"), yaml);
        } catch (IOException e) {
            throw new PetabException(Kind.UNREADABLE, dir, 0, "cannot write: " + e.getMessage(), e);
        }
    }

    /** The treatments by condition id, in the design's order; a 0 nM control is always among the doses. */
    private static Map<String, ModelChanges> treatments(RunSpecification spec, DesignRequest request) {
        Map<String, ModelChanges> out = new LinkedHashMap<>();
        List<String> species = request.model().compiled().speciesIds();
        List<String> varied = spec.variedDrugs();
        int point = 0;
        for (RunSpecification.Run run : spec.runs()) {
            Map<String, Double> doses = new LinkedHashMap<>(request.doses());
            run.doses().forEach((drug, nM) -> doses.merge(drug, nM, Double::sum));
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Double> initials = new LinkedHashMap<>();
            run.values().forEach((k, v) -> (species.contains(k) ? initials : params).put(k, v));
            ModelChanges changes = request.drugs().changes(doses).and(request.treatment())
                    .and(new ModelChanges(params, initials, Set.of()));
            String id;
            if (!spec.points().isEmpty()) {
                id = "point_" + (++point);
            } else if (!varied.isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (String drug : varied) {
                    b.append(b.length() > 0 ? "__" : "").append(id(drug, run.doses().get(drug)));
                }
                id = b.toString();
            } else {
                id = doses.isEmpty() ? "untreated" : "treated";
            }
            out.put(id, changes);
        }
        return out;
    }

    /** A condition id for a dose: {@code rapamycin_10nM}, {@code rapamycin_0p5nM}. */
    private static String id(String drug, double nm) {
        String n = NumberText.format(nm);
        return drug + "_" + n.replace('.', 'p').replace('-', 'm').replace('+', '_') + "nM";
    }

    private static double[] times(RunSpecification spec, ReadoutTime time) {
        if (time.isSteadyState()) {
            return new double[] {Double.POSITIVE_INFINITY};
        }
        int intervals = spec.intervals();
        double[] t = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            t[i] = time.minutes() * i / intervals;
        }
        return intervals == 1 ? new double[] {time.minutes()} : t;
    }

    /**
     * One condition row: parameters take the treatment's value, else the cells', else the model's;
     * species take the cells' value before treatment and are kept (NaN) in treatments unless the
     * treatment sets them.
     */
    private static void row(StringBuilder b, String id, String name, ModelChanges cells, ModelChanges treatment,
            Set<String> columns, Set<String> species, Map<String, Double> defaults, boolean preequilibration) {
        b.append(id).append('\t').append(name);
        for (String c : columns) {
            Double v;
            if (species.contains(c)) {
                v = treatment.initialValues().get(c);
                if (v == null && preequilibration) {
                    v = cells.initialValues().get(c);
                }
            } else {
                v = treatment.parameters().get(c);
                if (v == null) {
                    v = cells.parameters().get(c);
                }
                if (v == null) {
                    v = defaults.get(c);
                }
            }
            b.append('\t').append(v == null ? "NaN" : SimulationTable.number(v));
        }
        b.append('\n');
    }

    private static void atomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".petab", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
