package org.mtorworkbench.cli.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.CompiledModel;

/**
 * The PERTURBATIONS of the command line: {@code --drug ID=nM}, {@code --context ID},
 * {@code --knockout ID}, {@code --set ID=VALUE}, turned into model changes. The cell context
 * and {@code --set} values are the cells' state before treatment; drugs are the treatment.
 */
final class Perturbations {

    static final String DRUG = "--drug";
    static final String CONTEXT = "--context";
    static final String KNOCKOUT = "--knockout";
    static final String OVEREXPRESS = "--overexpress";

    /** Options that take a value. */
    static final Set<String> OPTIONS = Set.of(DRUG, CONTEXT, KNOCKOUT, OVEREXPRESS, ModelRuns.SET);
    /** Options that may be repeated. */
    static final Set<String> REPEATABLE = Set.of(DRUG, KNOCKOUT, OVEREXPRESS, ModelRuns.SET);

    static final String HELP = "  --drug ID=nM     add a drug of the catalogue at a concentration in nM (repeatable;\n"
            + "                   './mtorwb drugs' lists them); drugs act on parameters of builtin:mtor\n"
            + "  --context ID     a cell context ('./mtorwb contexts' lists them)\n"
            + "  --knockout ID    hold a species at zero for the whole run (repeatable)\n"
            + "  --overexpress ID=K  start a species at K times its initial value (repeatable)\n";

    /** Cells before treatment: context, knockouts, --set values. Drugs: the treatment. */
    record Parsed(ModelChanges cells, ModelChanges drugs) {
        ModelChanges all() {
            return cells.and(drugs);
        }
    }

    private Perturbations() {
    }

    static Parsed parse(Options o, PreparedModel model) throws CommandException {
        CompiledModel m = model.compiled();
        ModelChanges cells = ModelChanges.NONE;
        String ctx = o.get(CONTEXT);
        if (ctx != null) {
            CellContext c = Contributions.contexts().find(ctx).orElseThrow(() -> CommandException.usage(
                    "unknown cell context '" + ctx + "'; known: " + String.join(", ", Contributions.contexts().ids())));
            checkIds(m, c.changes(), "cell context " + ctx);
            cells = cells.and(c.changes());
        }
        Set<String> knockouts = new LinkedHashSet<>();
        for (String k : o.all(KNOCKOUT)) {
            if (!model.stateSpecies().contains(k) && !m.speciesIds().contains(k)) {
                throw CommandException.usage("--knockout: model '" + m.modelId() + "' has no species '" + k + "'");
            }
            knockouts.add(k);
        }
        cells = cells.and(new ModelChanges(Map.of(), Map.of(), knockouts));
        for (String s : o.all(OVEREXPRESS)) {
            String[] kv = pair(s, OVEREXPRESS);
            try {
                cells = cells.and(model.overexpression(kv[0], number(kv, OVEREXPRESS)));
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(OVEREXPRESS + ": " + e.getMessage());
            }
        }
        Map<String, Double> params = new LinkedHashMap<>();
        Map<String, Double> initials = new LinkedHashMap<>();
        for (String s : o.all(ModelRuns.SET)) {
            String[] kv = pair(s, ModelRuns.SET);
            if (!m.hasId(kv[0])) {
                throw CommandException.usage("--set: model '" + m.modelId() + "' has no id '" + kv[0] + "'");
            }
            (m.speciesIds().contains(kv[0]) ? initials : params).put(kv[0], number(kv, ModelRuns.SET));
        }
        cells = cells.and(new ModelChanges(params, initials, Set.of()));
        Map<String, Double> doses = new LinkedHashMap<>();
        for (String d : o.all(DRUG)) {
            String[] kv = pair(d, DRUG);
            double nM = number(kv, DRUG);
            if (nM < 0) {
                throw CommandException.usage("--drug " + kv[0] + ": the concentration must be >= 0 nM");
            }
            if (Contributions.drugs().find(kv[0]).isEmpty()) {
                throw CommandException.usage("unknown drug '" + kv[0] + "'; './mtorwb drugs' lists the catalogue");
            }
            doses.merge(kv[0], nM, Double::sum);
        }
        ModelChanges drugs = Contributions.drugs().changes(doses);
        checkIds(m, drugs, "the drugs");
        return new Parsed(cells, drugs);
    }

    private static void checkIds(CompiledModel m, ModelChanges c, String what) throws CommandException {
        for (String id : c.parameters().keySet()) {
            if (!m.hasId(id)) {
                throw CommandException.usage(what + " act(s) on parameter '" + id + "', which model '" + m.modelId()
                        + "' lacks; drugs and cell contexts apply to builtin:mtor and models derived from it");
            }
        }
        for (String id : c.initialValues().keySet()) {
            if (!m.speciesIds().contains(id)) {
                throw CommandException.usage(what + " set(s) species '" + id + "', which model '" + m.modelId()
                        + "' lacks; drugs and cell contexts apply to builtin:mtor and models derived from it");
            }
        }
    }

    private static String[] pair(String s, String option) throws CommandException {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw CommandException.usage(option + " needs ID=VALUE, not '" + s + "'");
        }
        return new String[] { s.substring(0, eq).strip(), s.substring(eq + 1).strip() };
    }

    private static double number(String[] kv, String option) throws CommandException {
        try {
            double v = Double.parseDouble(kv[1]);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw CommandException.usage(option + " " + kv[0] + " needs a finite number, not '" + kv[1] + "'");
        }
    }
}
