package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit} and {@code profile} on a straight-line PEtab problem whose maximum-likelihood fit is known. */
class FitCommandsTest {

    @TempDir
    Path tmp;

    private static final double[] Y = {1.02, 1.47, 2.05, 2.44, 3.03, 3.51, 3.96, 4.55, 5.01, 5.46};

    /** dx/dt = a, x(0) = 0, observable x + b, sigma 0.1: least squares of Y on t = 0..9. */
    @BeforeEach
    void writeProblem() throws Exception {
        Files.writeString(tmp.resolve("model.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="line">
                    <listOfParameters>
                      <parameter id="a" value="1" constant="true"/>
                      <parameter id="x" value="0" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>a</ci></math></rateRule>
                    </listOfRules>
                  </model>
                </sbml>
                """);
        Files.writeString(tmp.resolve("conditions.tsv"), "conditionId\nc0\n");
        Files.writeString(tmp.resolve("observables.tsv"), "observableId\tobservableFormula\tnoiseFormula\nobs\tx + b\t0.1\n");
        Files.writeString(tmp.resolve("parameters.tsv"), "parameterId\tparameterScale\tlowerBound\tupperBound\t"
                + "nominalValue\testimate\na\tlin\t-10\t10\t1\t1\nb\tlin\t-10\t10\t0\t1\n");
        StringBuilder m = new StringBuilder("observableId\tsimulationConditionId\ttime\tmeasurement\n");
        for (int i = 0; i < Y.length; i++) {
            m.append("obs\tc0\t").append(i).append('\t').append(Y[i]).append('\n');
        }
        Files.writeString(tmp.resolve("measurements.tsv"), m.toString());
        Files.writeString(tmp.resolve("problem.yaml"), "format_version: 1\nparameter_file: parameters.tsv\nproblems:\n"
                + "- condition_files:\n  - conditions.tsv\n  measurement_files:\n  - measurements.tsv\n"
                + "  observable_files:\n  - observables.tsv\n  sbml_files:\n  - model.xml\n");
    }

    /** The llh of the least-squares line. */
    private static double bestLlh() {
        double tm = 4.5;
        double ym = 0;
        for (double y : Y) {
            ym += y / Y.length;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < Y.length; i++) {
            sxx += (i - tm) * (i - tm);
            sxy += (i - tm) * (Y[i] - ym);
        }
        double a = sxy / sxx;
        double b = ym - a * tm;
        double llh = 0;
        for (int i = 0; i < Y.length; i++) {
            double r = (a * i + b - Y[i]) / 0.1;
            llh += -0.5 * Math.log(2 * Math.PI * 0.01) - 0.5 * r * r;
        }
        return llh;
    }

    @Test
    void fitPrintsTheBestLlhAndWritesStartsParametersAndSimulations() throws Exception {
        Cli r = Cli.run(tmp, "fit", "problem.yaml", "--starts", "4", "--seed", "5", "--threads", "2", "--out", "out");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("best llh = "), r.out());
        double llh = Double.parseDouble(lines.get(0).substring("best llh = ".length()));
        assertEquals(bestLlh(), llh, 1e-6);
        assertTrue(lines.get(2).matches("starts within 0.1 of the best = [1-4]/4"), r.out());
        assertEquals(4, r.err().lines().filter(l -> l.startsWith("start ")).count(), r.err());
        assertEquals(5, Files.readAllLines(tmp.resolve("out/starts.tsv")).size());
        assertEquals(Y.length + 1, Files.readAllLines(tmp.resolve("out/simulations.tsv")).size());
        // the best parameters read back as the fit: objective there prints the same llh
        Cli o = Cli.run(tmp, "objective", "problem.yaml", "--parameters", "out/best_parameters.tsv");
        assertEquals(0, o.code(), o.err());
        assertEquals(llh, Double.parseDouble(o.out().lines().findFirst().orElseThrow().substring("llh = ".length())),
                1e-9);
        // the same on one thread
        Cli one = Cli.run(tmp, "fit", "problem.yaml", "--starts", "4", "--seed", "5", "--threads", "1");
        assertEquals(r.out(), one.out());
    }

    @Test
    void profileFromTheBestFitGivesIntervalsAndVerdicts() throws Exception {
        assertEquals(0, Cli.run(tmp, "fit", "problem.yaml", "--starts", "2", "--out", "out").code());
        Cli r = Cli.run(tmp, "profile", "problem.yaml", "--from", "out/best_parameters.tsv", "--param", "a", "--out",
                "prof");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals(bestLlh(), Double.parseDouble(lines.get(0).substring("best llh = ".length())), 1e-6);
        assertTrue(lines.get(1).startsWith("parameterId\tparameterScale\tbest\tlower\tupper"), r.out());
        String[] row = lines.get(2).split("\t");
        assertEquals("a", row[0]);
        assertEquals("identifiable", row[row.length - 1]);
        double se = 0.1 / Math.sqrt(82.5); // sigma / sqrt(sum (t - mean t)^2)
        double best = Double.parseDouble(row[2]);
        assertEquals(best - 1.959963984540054 * se, Double.parseDouble(row[3]), 2e-3 * se);
        assertEquals(best + 1.959963984540054 * se, Double.parseDouble(row[4]), 2e-3 * se);
        assertTrue(Files.readAllLines(tmp.resolve("prof/profiles.tsv")).size() > 5);
        assertEquals(lines.subList(1, 3), Files.readAllLines(tmp.resolve("prof/intervals.tsv")));
    }

    @Test
    void badOptionsAreNamed() {
        Cli noStarts = Cli.run(tmp, "fit", "problem.yaml");
        assertEquals(2, noStarts.code());
        assertTrue(noStarts.err().contains("--starts"), noStarts.err());
        Cli optimizer = Cli.run(tmp, "fit", "problem.yaml", "--starts", "2", "--optimizer", "simplex");
        assertEquals(2, optimizer.code());
        assertTrue(optimizer.err().contains("no optimiser 'simplex'; use one of trust-region-lm, bfgs-box"),
                optimizer.err());
        Cli param = Cli.run(tmp, "profile", "problem.yaml", "--param", "zz");
        assertEquals(2, param.code());
        assertTrue(param.err().contains("'zz' is not an estimated parameter"), param.err());
    }
}
