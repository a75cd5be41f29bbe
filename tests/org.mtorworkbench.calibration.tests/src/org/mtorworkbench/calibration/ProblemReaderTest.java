package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading PEtab v1 problems: what is read, and bad input named by file, line and column. */
class ProblemReaderTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="decay">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false"
                           boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="r" reversible="false">
                    <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><times/><ci>c</ci><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    @BeforeEach
    void write() throws Exception {
        Files.writeString(dir.resolve("model.xml"), MODEL);
        Files.writeString(dir.resolve("problem.yaml"), """
                format_version: 1
                parameter_file: parameters.tsv
                problems:
                - sbml_files: [model.xml]
                  condition_files: [conditions.tsv]
                  measurement_files: [measurements.tsv]
                  observable_files: [observables.tsv]
                """);
        Files.writeString(dir.resolve("parameters.tsv"), "parameterId\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate\n"
                + "k\tlog10\t0.01\t10\t0.5\t1\nscale\tlin\t0\t10\t2\t1\nsd\tlog\t0.01\t1\t0.1\t0\n");
        Files.writeString(dir.resolve("conditions.tsv"), "conditionId\tA\nc0\t1\nc1\tNaN\n");
        Files.writeString(dir.resolve("observables.tsv"), "observableId\tobservableFormula\tnoiseFormula\tobservableTransformation\tnoiseDistribution\n"
                + "obs\tobservableParameter1_obs * A\tnoiseParameter1_obs\tlog\tlaplace\n");
        Files.writeString(dir.resolve("measurements.tsv"), "observableId\tsimulationConditionId\ttime\tmeasurement\tobservableParameters\tnoiseParameters\n"
                + "obs\tc0\t0\t2.1\tscale\tsd\nobs\tc0\t2\t0.7\tscale\t0.2\nobs\tc1\tinf\t0.01\t1\tsd\n");
    }

    @Test
    void readsAVersion1Problem() throws Exception {
        PetabProblem p = PetabProblem.read(dir.resolve("problem.yaml"));
        assertEquals(1, p.formatVersion());
        assertEquals(List.of("k", "scale"), p.estimatedParameters().stream().map(PetabParameter::id).toList());
        assertEquals(ParameterScale.LOG10, p.parameters().get("k").scale());
        assertEquals(List.of(new PetabCondition.Change("A", "1", 2)), p.conditions().get("c0").changes());
        assertEquals(List.of(), p.conditions().get("c1").changes(), "NaN keeps the value");
        PetabObservable o = p.observables().get("obs");
        assertEquals(List.of("observableParameter1_obs"), o.observablePlaceholders());
        assertEquals(new NoiseModel(NoiseModel.Distribution.LAPLACE, NoiseModel.Transformation.LOG), o.noise());
        assertEquals(Double.POSITIVE_INFINITY, p.measurements().get(2).time());
        assertEquals(2, p.experiments().size());
    }

    @Test
    void evaluatesOverridesScalesAndSteadyStates() throws Exception {
        PetabObjective f = PetabObjective.create(PetabProblem.read(dir.resolve("problem.yaml")),
                PetabObjective.defaultOptions());
        assertEquals(List.of("k", "scale"), f.parameterIds());
        assertEquals(Math.log10(0.5), f.nominalParameters()[0], 1e-15);
        ObjectiveValue v = f.evaluateNominal();
        // A(t) = exp(-k t); observable = scale * A; noise sd = 0.1 or 0.2; steady state A = 0.
        assertEquals(2.0, v.simulation(0), 1e-9);
        assertEquals(2.0 * Math.exp(-0.5 * 2), v.simulation(1), 1e-6);
        assertEquals(0.1, v.sigma(0), 1e-15);
        assertEquals(0.2, v.sigma(1), 1e-15);
        double expected0 = -Math.log(2 * 0.1) - Math.log(2.1) - Math.abs(Math.log(2.0) - Math.log(2.1)) / 0.1;
        assertEquals(expected0, v.logLikelihood(0), 1e-9);
        assertTrue(Math.abs(v.simulation(2)) < 1e-6, "steady state " + v.simulation(2));
        // A new vector on the parameter scale: k = 10^-1.
        ObjectiveValue w = f.evaluate(new double[] {-1, 2}, () -> false);
        assertEquals(2.0 * Math.exp(-0.1 * 2), w.simulation(1), 1e-6);
        ObjectiveValue lin = f.evaluate(Map.of("k", 0.1), () -> false);
        assertEquals(w.llh(), lin.llh(), 1e-12);
    }

    @Test
    void aMissingColumnNamesTheFileAndLine() throws Exception {
        Files.writeString(dir.resolve("measurements.tsv"), "observableId\tsimulationConditionId\tmeasurement\nobs\tc0\t1\n");
        PetabException e = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(e.getMessage().contains("measurements.tsv:1: the header lacks the column 'time'"), e.getMessage());
    }

    @Test
    void anUnknownObservableOrConditionNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("measurements.tsv"), "observableId\tsimulationConditionId\ttime\tmeasurement\tobservableParameters\tnoiseParameters\n"
                + "obs\tc0\t0\t2.1\tscale\tsd\nobs\tc9\t2\t0.7\tscale\t0.2\n");
        PetabException e = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(e.getMessage().contains("measurements.tsv:3: the condition 'c9' is not in the condition table"), e.getMessage());

        Files.writeString(dir.resolve("measurements.tsv"), "observableId\tsimulationConditionId\ttime\tmeasurement\tobservableParameters\tnoiseParameters\n"
                + "obsX\tc0\t0\t2.1\tscale\tsd\n");
        e = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(e.getMessage().contains("measurements.tsv:2: the observable 'obsX'"), e.getMessage());
    }

    @Test
    void placeholderCountsAndNumbersAreChecked() throws Exception {
        Files.writeString(dir.resolve("measurements.tsv"), "observableId\tsimulationConditionId\ttime\tmeasurement\tobservableParameters\tnoiseParameters\n"
                + "obs\tc0\t0\t2.1\tscale;2\tsd\n");
        PetabException e = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(e.getMessage().contains("measurements.tsv:2: column 'observableParameters' gives 2 value(s)"), e.getMessage());

        Files.writeString(dir.resolve("parameters.tsv"), "parameterId\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate\n"
                + "k\tlog11\t0.01\t10\t0.5\t1\n");
        e = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(e.getMessage().contains("parameters.tsv:2: column 'parameterScale': 'log11'"), e.getMessage());
    }

    @Test
    void anUndefinedIdInAFormulaIsNamed() throws Exception {
        Files.writeString(dir.resolve("observables.tsv"), "observableId\tobservableFormula\tnoiseFormula\n"
                + "obs\tobservableParameter1_obs * A + offset\tnoiseParameter1_obs\n");
        PetabProblem p = PetabProblem.read(dir.resolve("problem.yaml"));
        PetabException e = assertThrows(PetabException.class, () -> PetabObjective.create(p, PetabObjective.defaultOptions()));
        assertTrue(e.getMessage().contains("'offset'"), e.getMessage());
        assertTrue(e.getMessage().contains("add it to the parameter table"), e.getMessage());
    }

    @Test
    void theSimulationTableReadsBackAsTheSameDoubles() throws Exception {
        PetabProblem p = PetabProblem.read(dir.resolve("problem.yaml"));
        ObjectiveValue v = PetabObjective.create(p, PetabObjective.defaultOptions()).evaluateNominal();
        Path out = dir.resolve("out/simulations.tsv");
        SimulationTable.write(p, v, out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("observableId\tpreequilibrationConditionId\tsimulationConditionId\ttime\tsimulation\tobservableParameters\tnoiseParameters",
                lines.get(0));
        for (int i = 0; i < v.size(); i++) {
            String[] cells = lines.get(i + 1).split("\t", -1);
            assertEquals(v.simulation(i), Double.parseDouble(cells[4]));
        }
        assertTrue(lines.get(3).contains("\tinf\t"), lines.get(3));
    }
}
