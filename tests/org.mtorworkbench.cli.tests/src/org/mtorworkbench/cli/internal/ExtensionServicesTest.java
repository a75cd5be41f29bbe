package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.Perturbation;
import org.mtorworkbench.experiments.extension.PerturbationType;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.extension.ModelFormat;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;

/**
 * The command line picks up perturbation types, model formats and experiment designs that
 * bundles register as services, and forgets them when the services go; the product's own
 * (the five perturbation options, the SBML formats, the context panel and knockout screen)
 * come through the same services.
 */
class ExtensionServicesTest {

    @TempDir
    Path tmp;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    private <S> void register(Class<S> type, S service) {
        BundleContext ctx = FrameworkUtil.getBundle(Main.class).getBundleContext();
        registrations.add(ctx.registerService(type, service, null));
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private CliRun run(String... args) {
        return CliRun.of(tmp, args);
    }

    /** A treatment an outside modeller adds: a parameter scaled by a factor at time 0. */
    static final class Scale implements PerturbationType {
        @Override
        public String id() {
            return "scale";
        }

        @Override
        public String syntax() {
            return "ID=F";
        }

        @Override
        public String description() {
            return "multiply a parameter by F at treatment";
        }

        @Override
        public Stage stage() {
            return Stage.TREATMENT;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (String a : arguments) {
                String[] kv = a.split("=", 2);
                Double base = model.constantParameters().get(kv[0]);
                if (kv.length != 2 || base == null) {
                    throw new IllegalArgumentException("--scale: '" + a + "' is not CONSTANT-PARAMETER=FACTOR");
                }
                p.put(kv[0], base * Double.parseDouble(kv[1]));
            }
            return new Perturbation(id(), stage(), "scaled " + p.keySet(), new ModelChanges(p, Map.of(), Set.of()));
        }
    }

    private static double last(String csv, int column) {
        List<String> lines = csv.strip().lines().toList();
        return Double.parseDouble(lines.get(lines.size() - 1).split(",")[column]);
    }

    @Test
    void aContributedPerturbationTypeBecomesAnOptionOfEveryCommandThatTakesPerturbations() {
        CliRun before = run("simulate", "builtin:mtor", "--scale", "k_s6k=0", "--t-end", "60", "--ids", "pS6K1");
        assertEquals(2, before.code(), "unknown option before the service is registered: " + before.err());

        register(PerturbationType.class, new Scale());
        assertTrue(run("help", "simulate").out().contains("--scale ID=F"), "the option is documented");
        CliRun base = run("simulate", "builtin:mtor", "--equilibrate", "--t-end", "60", "--points", "2", "--ids",
                "pS6K1");
        CliRun cut = run("simulate", "builtin:mtor", "--equilibrate", "--scale", "k_s6k=0", "--t-end", "60",
                "--points", "2", "--ids", "pS6K1");
        assertEquals(0, base.code(), base.err());
        assertEquals(0, cut.code(), cut.err());
        assertTrue(last(cut.out(), 1) < 0.2 * last(base.out(), 1),
                "no S6K1 phosphorylation after the rate is cut: " + cut.out() + " vs " + base.out());
        CliRun bad = run("simulate", "builtin:mtor", "--scale", "nope=2");
        assertEquals(2, bad.code());
        assertEquals("mtorwb simulate: --scale: 'nope=2' is not CONSTANT-PARAMETER=FACTOR", bad.err().lines().findFirst()
                .orElse(""));
        // Design commands apply treatment-stage perturbations with the treatment.
        CliRun panel = run("context-panel", "builtin:mtor", "--readout", "pS6K1", "--scale", "k_s6k=0", "--t-end",
                "30");
        assertEquals(0, panel.code(), panel.err());
        assertTrue(panel.out().lines().skip(1).allMatch(l -> Double.parseDouble(l.split(",")[6]) < 0.5),
                panel.out());

        unregister();
        assertEquals(2, run("simulate", "builtin:mtor", "--scale", "k_s6k=0").code(), "gone with its service");
    }

    /** A format that writes and reads the species as CSV: id,compartment,initial_concentration. */
    static final class SpeciesTable implements ModelFormat {
        @Override
        public String id() {
            return "species-table";
        }

        @Override
        public String description() {
            return "species as CSV";
        }

        @Override
        public List<String> readExtensions() {
            return List.of(".species.csv");
        }

        @Override
        public boolean canWrite() {
            return true;
        }

        @Override
        public byte[] write(SBMLDocument doc, String source) {
            StringBuilder b = new StringBuilder("id,compartment,initial_concentration\n");
            for (Species s : doc.getModel().getListOfSpecies()) {
                b.append(s.getId()).append(',').append(s.getCompartment()).append(',')
                        .append(s.getInitialConcentration()).append('\n');
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SBMLDocument read(Path file) throws SbmlException {
            SBMLDocument doc = new SBMLDocument(3, 2);
            Model m = doc.createModel("table");
            try {
                for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                    String[] f = line.split(",");
                    if (m.getCompartment(f[1]) == null) {
                        m.createCompartment(f[1]).setSize(1);
                    }
                    Species s = m.createSpecies(f[0], m.getCompartment(f[1]));
                    s.setInitialConcentration(Double.parseDouble(f[2]));
                }
            } catch (java.io.IOException e) {
                throw new SbmlException(SbmlException.Kind.IO, file, e.getMessage(), e);
            }
            return doc;
        }
    }

    @Test
    void aContributedModelFormatIsATargetOfConvertAndReadsItsFiles() throws Exception {
        CliRun help = run("help", "convert");
        assertTrue(help.out().contains("celldesigner") && help.out().contains("l3v2"), help.out());
        assertEquals(2, run("convert", "builtin:mtor", "--to", "species-table", "--out", "m.species.csv").code());

        register(ModelFormat.class, new SpeciesTable());
        assertTrue(run("help", "convert").out().contains("species-table"));
        CliRun conv = run("convert", "builtin:mtor", "--to", "species-table", "--out", "m.species.csv");
        assertEquals(0, conv.code(), conv.err());
        String csv = Files.readString(tmp.resolve("m.species.csv"));
        assertTrue(csv.startsWith("id,compartment,initial_concentration\n") && csv.contains("\nmTORC1,lysosome,1.0\n"),
                csv);
        CliRun info = run("info", "m.species.csv");
        assertEquals(0, info.code(), info.err());
        long species = csv.lines().count() - 1;
        assertTrue(info.out().contains("species: " + species), info.out());

        unregister();
        CliRun gone = run("convert", "builtin:mtor", "--to", "species-table", "--out", "x.csv");
        assertEquals(2, gone.code());
        assertTrue(gone.err().contains("unknown target 'species-table'"), gone.err());
        assertFalse(Files.exists(tmp.resolve("x.csv")));
    }

    @Test
    void theKnockoutScreenFindsWhatS6k1PhosphorylationNeeds() {
        CliRun r = run("knockout-screen", "builtin:mtor", "--readout", "pS6K1", "--species", "mTORC1,PTEN", "--drug",
                "rapamycin=10", "--t-end", "60");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals("knockout,drugs,readout,time,untreated,treated,fold_change,vs_wild_type", lines.get(0));
        assertEquals(4, lines.size(), r.out());
        String[] wt = lines.get(1).split(",");
        String[] mtorc1 = lines.get(2).split(",");
        assertEquals("none", wt[0]);
        assertEquals("rapamycin 10 nM", wt[1]);
        assertTrue(Double.parseDouble(wt[6]) < 0.5, "rapamycin lowers pS6K1 in the wild type: " + lines.get(1));
        assertEquals("mTORC1", mtorc1[0]);
        assertTrue(Double.parseDouble(mtorc1[4]) < 0.05 * Double.parseDouble(wt[4]),
                "no pS6K1 without mTORC1: " + lines.get(2));
        CliRun bad = run("knockout-screen", "builtin:mtor", "--readout", "pS6K1", "--species", "Nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--species: 'Nope' is not a species"), bad.err());
    }

    /** A design an outside modeller adds: the readouts of the untreated and treated cells, nothing else. */
    static final class Snapshot implements ExperimentDesign {
        @Override
        public String id() {
            return "snapshot";
        }

        @Override
        public String summary() {
            return "readouts before and after the treatment";
        }

        @Override
        public String description() {
            return "Reads out the cells untreated and treated.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DesignOption.of("label", OptionType.TEXT).withHelp("a label for the rows").asRequired(),
                    DesignOptions.READOUTS, DesignOptions.T_END, DesignOptions.STEADY_STATE);
        }

        @Override
        public DesignResult run(DesignRequest r) throws org.mtorworkbench.simulation.SimulationException {
            org.mtorworkbench.experiments.Cells cells = r.cells(r.cells());
            double[] u = cells.treat(Map.of(), Map.of(), r.readouts(), r.time(), r.cancellation());
            double[] t = cells.withTreatmentChanges(r.treatment()).treat(r.doses(), Map.of(), r.readouts(), r.time(),
                    r.cancellation());
            Table table = new Table(List.of("label", "readout", "untreated", "treated"));
            for (int i = 0; i < u.length; i++) {
                table.add(r.option("label"), r.readouts().get(i), u[i], t[i]);
            }
            return DesignResult.of(table);
        }
    }

    @Test
    void aContributedDesignIsACommandWhileItsServiceIsRegistered() {
        assertEquals(2, run("snapshot", "builtin:mtor", "--readout", "pS6K1").code());
        register(ExperimentDesign.class, new Snapshot());
        assertTrue(run("help").out().contains("snapshot"), "listed with the commands");
        CliRun missing = run("snapshot", "builtin:mtor", "--readout", "pS6K1");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing --label TEXT"), missing.err());
        CliRun r = run("snapshot", "builtin:mtor", "--label", "a", "--readout", "pS6K1", "--readout", "pAkt_S473",
                "--drug", "rapamycin=10", "--t-end", "60");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("a,pS6K1,"), r.out());
        unregister();
        assertEquals(2, run("snapshot", "builtin:mtor", "--label", "a", "--readout", "pS6K1").code());
    }
}
