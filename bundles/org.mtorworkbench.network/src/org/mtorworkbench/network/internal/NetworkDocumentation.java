package org.mtorworkbench.network.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.CellularPotency;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.sbml.NumberText;

/**
 * Renders {@code docs/network.md} from the model spec, the drug catalogue, the cell contexts
 * and the findings, so the page can never disagree with what ships. A test compares the
 * page in the repository with this rendering.
 */
public final class NetworkDocumentation {

    private NetworkDocumentation() {
    }

    /** @return the Markdown page */
    public static String render(ModelSpec spec) {
        StringBuilder md = new StringBuilder();
        md.append("# The built-in mTORC1/mTORC2 network (`builtin:mtor`)\n\n");
        md.append("This page is generated from `bundles/org.mtorworkbench.network/model/mtor-network.txt`, the drug\n")
                .append("catalogue, the cell contexts and the findings (`NetworkDocumentation`); a test fails when it\n")
                .append("is out of date. The model encodes the review in the product's seed (Cancers 2011, 3):\n")
                .append("sections 2, 3, 5 and 7 and Figures 1-3.\n\n");
        md.append("Units: time in minutes; every protein form is a fraction of its total (dimensionless;\n")
                .append("proteins that are made and degraded, such as IRS-1 and the receptor, relative to their\n")
                .append("wild-type level, about 1);\n")
                .append("drug concentrations in nM. SBML Level 3 Version 2, annotated with UniProt and ChEBI\n")
                .append("identifiers (identifiers.org) and SBO terms for species, reactions and modifiers.\n\n");
        md.append("Parameter sources: a citation; `input` (a contract input); `drug effect` (set by the drug\n")
                .append("catalogue from dose and potency); `context` (set by a cell context); `calibrated` (no\n")
                .append("measured value exists for this abstract model; chosen so that the model reproduces the\n")
                .append("review's qualitative findings below, at effects of at least 20%); `assumed` (a physical\n")
                .append("quantity no source gave, at a stated order of magnitude); a source followed by `(cellular\n")
                .append("IC50)` (set so the network reproduces that cited cellular potency; see Potencies in cells).\n\n");

        md.append("## Compartments\n\n| id | name | size |\n|---|---|---|\n");
        for (ModelSpec.Compartment c : spec.compartments()) {
            md.append("| `").append(c.id()).append("` | ").append(c.name()).append(" | ").append(num(c.size()))
                    .append(" |\n");
        }
        md.append("\n## Species (").append(spec.species().size()).append(")\n\n")
                .append("| id | name | compartment | initial | SBO | annotation |\n|---|---|---|---|---|---|\n");
        for (ModelSpec.Species s : spec.species()) {
            md.append("| `").append(s.id()).append("` | ").append(s.name()).append(s.constant() ? " (constant)" : "")
                    .append(" | ").append(s.compartment()).append(" | ")
                    .append(s.ruleDefined() ? "rule" : num(s.initial())).append(" | ").append(s.sbo()).append(" | ")
                    .append(String.join(", ", s.annotations())).append(" |\n");
        }
        md.append("\n## Assignment rules (").append(spec.rules().size()).append(")\n\n")
                .append("| variable | formula | meaning |\n|---|---|---|\n");
        for (ModelSpec.Rule r : spec.rules()) {
            md.append("| `").append(r.variable()).append("` | `").append(r.formula()).append("` | ")
                    .append(r.description()).append(" |\n");
        }
        md.append("\n## Reactions (").append(spec.reactions().size()).append(")\n\n")
                .append("| id | reaction | rate | modifiers | SBO | what it is |\n|---|---|---|---|---|---|\n");
        for (ModelSpec.Reaction r : spec.reactions()) {
            String eq = String.join(" + ", r.reactants()) + " &rarr; " + String.join(" + ", r.products());
            String mods = r.modifiers().stream().map(m -> m.species() + " (" + m.role() + ")")
                    .collect(Collectors.joining(", "));
            md.append("| `").append(r.id()).append("` | ").append(eq.strip()).append(" | `").append(r.rate())
                    .append("` | ").append(mods).append(" | ").append(r.sbo()).append(" | ").append(r.description())
                    .append(" |\n");
        }
        md.append("\n## Parameters (").append(spec.parameters().size()).append(")\n\n")
                .append("| id | value | unit | meaning | source |\n|---|---|---|---|---|\n");
        for (ModelSpec.Parameter p : spec.parameters()) {
            md.append("| `").append(p.id()).append("` | ").append(num(p.value())).append(" | ").append(p.unit())
                    .append(" | ").append(p.description()).append(" | ").append(p.source()).append(" |\n");
        }
        md.append("\n## Drugs\n\n| id | name | mechanism | targets | potency (source) | review section | model effect |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Drug d : DrugCatalogue.builtin().drugs()) {
            String pot = d.potencies().isEmpty() ? "n/f"
                    : d.potencies().stream().map(p -> p.kind() + " " + num(p.valueNm()) + " nM, " + p.target() + ", "
                            + p.assay() + " (" + p.source() + ")").collect(Collectors.joining("; "));
            String eff = d.effects().stream().map(e -> "`" + e.parameter() + "` " + (e.kind() == Drug.Effect.Kind.INHIBITION
                    ? "IC50 " + num(e.potencyNm()) + " nM" + (e.maximum() < 1 ? ", max " + num(e.maximum()) : "")
                    : "+= dose x " + num(e.potencyNm())) + " (" + e.basis() + ")").collect(Collectors.joining("; "));
            md.append("| `").append(d.id()).append("` | ").append(d.name()).append(" | ")
                    .append(d.mechanism().description()).append(" | ").append(String.join(", ", d.targets()))
                    .append(" | ").append(pot).append(" | ").append(d.reviewSection()).append(" | ").append(eff)
                    .append(" |\n");
        }
        md.append("\nInhibitions of the same parameter by several drugs combine as independent actions\n")
                .append("(1 - product of (1 - f)); rapalog concentrations add.\n");
        md.append("\n## Potencies in cells\n\n")
                .append("Every cellular potency of the drug fact sheet, against the network's dose-response on the\n")
                .append("cited readout (25 doses from 1/100 to 100 times the cited value, four-parameter Hill fit,\n")
                .append("wild-type cells, pre-equilibrated); `CellularPotencyTest` re-runs each and requires\n")
                .append("agreement within ").append(num(CellularPotency.TOLERANCE))
                .append("-fold and the simulated value shown here. How each drug's in-cell\n")
                .append("potency is set: `occupancy` (from a cited cellular value) or an ATP shift of a cell-free IC50\n")
                .append("(factor ").append(num(DrugCatalogue.ATP_SHIFT))
                .append(", see the drug table); drugs without a cellular value are not in this table.\n\n")
                .append("| drug | readout | read at | cited | simulated | ratio | source | assay | in-cell potency |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (CellularPotency p : CellularPotency.builtin()) {
            boolean ic50 = p.measure() == CellularPotency.Measure.IC50;
            md.append("| `").append(p.drug()).append("` | `").append(p.readout()).append("` | ")
                    .append(num(p.minutes())).append(" min | ")
                    .append(ic50 ? "IC50 " + num(p.cited()) + " nM" : "<= " + num(p.cited()) + " of control at "
                            + num(p.doseNm()) + " nM")
                    .append(" | ").append(ic50 ? num(p.simulated()) + " nM" : num(p.simulated()) + " of control")
                    .append(" | ").append(ic50 ? String.format(java.util.Locale.ROOT, "%.2f", p.ratio()) : "-")
                    .append(" | ").append(p.source()).append(" | ").append(p.assay()).append(" | ").append(p.basis())
                    .append(" |\n");
        }
        md.append("\n## Cell contexts\n\n| id | name | what it changes | review section |\n|---|---|---|---|\n");
        for (CellContext c : CellContexts.builtin().contexts()) {
            md.append("| `").append(c.id()).append("` | ").append(c.name()).append(" | ").append(c.description())
                    .append(" | ").append(c.reviewSection()).append(" |\n");
        }
        md.append("\n## Feedbacks on two time scales, and Erk under every inhibitor class\n\n")
                .append("S6K1 acts on IRS-1 twice: within minutes it phosphorylates IRS-1 on serine and disengages it\n")
                .append("from the receptor (`irs1_s_phos`), and over hours serine-phosphorylated IRS-1 is degraded\n")
                .append("(`irs1_s_degradation`) while mTORC1/S6K1 repress receptor expression (`rtk_synthesis`).\n")
                .append("Inhibiting mTORC1 lifts the first at once and the second only as IRS-1 and the receptor are\n")
                .append("re-made, so the 24 h picture differs from the 1 h one (finding 27).\n\n")
                .append("Ras is loaded by two routes: receptor-bound Grb2-SOS (`sos_recruitment`, `ras_activation`,\n")
                .append("the receptor-level route, damped by Erk's phosphorylation of SOS) and PIP3 (PI3K-dependent).\n")
                .append("The review's two statements about Erk then hold together, separated by time and dose:\n")
                .append("within the first hour rapalogs and mTOR kinase inhibitors raise Erk through the relief of\n")
                .append("the fast IRS-1 feedback, which raises PIP3, so a PI3K inhibitor abolishes the rise\n")
                .append("(findings 5, 18); a dual PI3K/mTOR inhibitor removes that route, so at 1 h Erk does not\n")
                .append("rise, but over a day the receptor is re-expressed and Erk rises through Grb2-SOS without\n")
                .append("PI3K (finding 30). The dose matters: BEZ235 inhibits mTOR in cells at lower doses than\n")
                .append("PI3K (S8); near 500 nM, where PI3K is blocked as well, Erk falls at 1 h. Cell context\n")
                .append("matters as the review says (HCT-116, MCF-7 and DU145 cells showed no Erk rise): where\n")
                .append("the receptor and PI3K contribute little to Ras, as in the KRAS-mutant context, the rise is\n")
                .append("small (finding 31).\n");
        List<Finding> findings = Findings.builtin();
        md.append("\n## The review's findings (").append(findings.size()).append(")\n\n")
                .append("Each is an acceptance test (`./mtorwb findings`); a check passes only with an effect of at\n")
                .append("least 20% in the stated direction. Conditions are pre-equilibrated to steady state, then\n")
                .append("treated at time 0.\n\n");
        for (Finding f : findings) {
            md.append("### ").append(f.id()).append(". ").append(f.title()).append(" (section ").append(f.section())
                    .append(")\n\n> ").append(f.sentence()).append("\n\n");
            for (Finding.Check c : f.checks()) {
                md.append("- ").append(c.expectation().words()).append(": ").append(c.describe()).append('\n');
            }
            md.append('\n');
        }
        robustness(md, findings);
        return md.toString();
    }

    /** The resource holding the last {@code ./mtorwb findings --robustness} table, as the command writes it. */
    public static final String ROBUSTNESS = "/model/findings-robustness.csv";

    /** Samples and seed of the robustness table in {@link #ROBUSTNESS}. */
    public static final int ROBUSTNESS_SAMPLES = 200;
    public static final long ROBUSTNESS_SEED = 1;

    private static void robustness(StringBuilder md, List<Finding> findings) {
        List<List<String>> rows = robustnessRows();
        md.append("## Robustness of the findings\n\n")
                .append("`./mtorwb findings --robustness ").append(ROBUSTNESS_SAMPLES).append(" --seed ")
                .append(ROBUSTNESS_SEED).append("`: every finding re-run on ").append(ROBUSTNESS_SAMPLES)
                .append(" Latin-hypercube samples of all\n")
                .append("calibrated parameters, each log-uniform in [p/2, 2p]; the fraction of samples in which all its\n")
                .append("checks pass. Fragile findings (below 80%) name the parameters their success correlates with\n")
                .append("most (Spearman rank correlation with passing; positive: larger values help). The table is\n")
                .append("`model/findings-robustness.csv`, the command's output for the model as it is.\n\n")
                .append("| finding | title | held | fraction | fragile | hinges on |\n|---|---|---|---|---|---|\n");
        List<String> ids = rows.stream().map(r -> r.get(0)).collect(Collectors.toList());
        List<String> expected = findings.stream().map(Finding::id).collect(Collectors.toList());
        if (!ids.equals(expected)) {
            throw new IllegalStateException(ROBUSTNESS + " lists findings " + ids + " but the model has " + expected
                    + "; regenerate it with ./mtorwb findings --robustness " + ROBUSTNESS_SAMPLES + " --seed "
                    + ROBUSTNESS_SEED);
        }
        int fragile = 0;
        for (List<String> r : rows) {
            String title = findings.stream().filter(f -> f.id().equals(r.get(0))).map(Finding::title).findFirst()
                    .orElseThrow(() -> new IllegalStateException(ROBUSTNESS + ": unknown finding " + r.get(0)));
            String hinges = r.size() > 6 && !r.get(6).isEmpty() ? java.util.Arrays.stream(r.get(6).split(";"))
                    .map(NetworkDocumentation::hinge).collect(Collectors.joining(", ")) : "";
            md.append("| ").append(r.get(0)).append(" | ").append(title).append(" | ").append(r.get(3)).append(" of ")
                    .append(r.get(2)).append(" | ").append(r.get(4)).append(" | ").append(r.get(5)).append(" | ")
                    .append(hinges).append(" |\n");
            fragile += r.get(5).equals("yes") ? 1 : 0;
        }
        md.append("\n").append(rows.size() - fragile).append(" of ").append(rows.size())
                .append(" findings hold in at least 80% of the samples; ").append(fragile).append(" are fragile.\n");
    }

    private static List<List<String>> robustnessRows() {
        try (java.io.InputStream in = NetworkDocumentation.class.getResourceAsStream(ROBUSTNESS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROBUSTNESS);
            }
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).collect(Collectors.toList());
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                List<String> cells = csvCells(lines.get(i));
                if (cells.size() < 6) {
                    throw new IllegalStateException(ROBUSTNESS + ":" + (i + 1) + ": expected at least 6 fields, got "
                            + cells.size() + "; regenerate it with ./mtorwb findings --robustness");
                }
                rows.add(cells);
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code k_erk(-0.2677...)} as {@code k_erk (-0.27)}. */
    private static String hinge(String h) {
        int open = h.indexOf('(');
        if (open < 0 || !h.endsWith(")")) {
            return h;
        }
        double rho = Double.parseDouble(h.substring(open + 1, h.length() - 1));
        return "`" + h.substring(0, open) + "` (" + String.format(java.util.Locale.ROOT, "%+.2f", rho) + ")";
    }

    /** Splits one CSV line (fields quoted with double quotes when they contain a comma). */
    static List<String> csvCells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String num(double v) {
        return NumberText.format(v);
    }
}
