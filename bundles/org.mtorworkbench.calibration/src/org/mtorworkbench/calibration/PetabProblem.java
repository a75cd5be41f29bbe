package org.mtorworkbench.calibration;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sbml.jsbml.SBMLDocument;

/**
 * A PEtab parameter-estimation problem (format v1 or v2): the SBML model, the parameters with
 * scales, bounds, priors and whether they are estimated, the conditions, the experiments, the
 * observables with their noise models, and the measurements. Immutable; the JSBML document is only
 * read. Read one with {@link #read(Path)}.
 */
public final class PetabProblem {

    private final Path yaml;
    private final int formatVersion;
    private final Path modelFile;
    private final SBMLDocument document;
    private final Map<String, PetabParameter> parameters;
    private final Map<String, PetabCondition> conditions;
    private final Map<String, PetabExperiment> experiments;
    private final Map<String, PetabObservable> observables;
    private final List<PetabMeasurement> measurements;
    private final List<String> measurementColumns;

    PetabProblem(Path yaml, int formatVersion, Path modelFile, SBMLDocument document,
            Map<String, PetabParameter> parameters, Map<String, PetabCondition> conditions,
            Map<String, PetabExperiment> experiments, Map<String, PetabObservable> observables,
            List<PetabMeasurement> measurements, List<String> measurementColumns) {
        this.yaml = yaml;
        this.formatVersion = formatVersion;
        this.modelFile = modelFile;
        this.document = document;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        this.experiments = Collections.unmodifiableMap(new LinkedHashMap<>(experiments));
        this.observables = Collections.unmodifiableMap(new LinkedHashMap<>(observables));
        this.measurements = List.copyOf(measurements);
        this.measurementColumns = List.copyOf(measurementColumns);
    }

    /**
     * Reads a PEtab problem from its YAML file; tables and the model are resolved against the
     * YAML file's folder.
     *
     * @throws PetabException naming the file, line and column at fault and what to do
     */
    public static PetabProblem read(Path yaml) throws PetabException {
        return ProblemReader.read(yaml);
    }

    /** @return the problem's YAML file */
    public Path yamlFile() {
        return yaml;
    }

    /** @return 1 or 2 */
    public int formatVersion() {
        return formatVersion;
    }

    public Path modelFile() {
        return modelFile;
    }

    /** @return the SBML model (read-only use) */
    public SBMLDocument document() {
        return document;
    }

    /** @return the parameter table by id, in table order */
    public Map<String, PetabParameter> parameters() {
        return parameters;
    }

    /** @return the parameters estimated, in table order */
    public List<PetabParameter> estimatedParameters() {
        return parameters.values().stream().filter(PetabParameter::estimated).toList();
    }

    public Map<String, PetabCondition> conditions() {
        return conditions;
    }

    /**
     * @return the experiments by id; in PEtab v1 each distinct (pre-equilibration, simulation)
     *         condition pair is one, with the id {@code preeq:sim} or {@code sim}
     */
    public Map<String, PetabExperiment> experiments() {
        return experiments;
    }

    public Map<String, PetabObservable> observables() {
        return observables;
    }

    public Optional<PetabObservable> observable(String id) {
        return Optional.ofNullable(observables.get(id));
    }

    /** @return the measurements, in table order */
    public List<PetabMeasurement> measurements() {
        return measurements;
    }

    /** @return the measurement table's columns, in file order (the simulation table repeats them) */
    public List<String> measurementColumns() {
        return measurementColumns;
    }

    @Override
    public String toString() {
        return "PetabProblem[" + yaml + ", v" + formatVersion + ", " + parameters.size() + " parameters, "
                + experiments.size() + " experiments, " + measurements.size() + " measurements]";
    }
}
