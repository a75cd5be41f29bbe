package org.mtorworkbench.experiments.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.extension.Perturbation;
import org.mtorworkbench.experiments.extension.PerturbationType;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.simulation.CompiledModel;

/** The product's own perturbation types, contributed as services like anyone else's. */
public final class BuiltinPerturbations {

    /** The five, in the order help texts list them. */
    public static final List<PerturbationType> ALL = List.of(new DrugDose(), new Context(), new Knockout(),
            new Overexpression(), new SetValue());

    private BuiltinPerturbations() {
    }

    /** Service component: drugs of the catalogue at concentrations in nM; the treatment. */
    public static final class DrugDose implements PerturbationType {
        @Override
        public String id() {
            return "drug";
        }

        @Override
        public String syntax() {
            return "ID=nM";
        }

        @Override
        public String description() {
            return "add a drug of the catalogue at a concentration in nM (repeatable; './mtorwb drugs' lists them);"
                    + " drugs act on parameters of builtin:mtor";
        }

        @Override
        public Stage stage() {
            return Stage.TREATMENT;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            Map<String, Double> doses = new LinkedHashMap<>();
            for (String a : arguments) {
                String[] kv = pair(a, this);
                double nM = number(kv, this);
                if (nM < 0) {
                    throw new IllegalArgumentException("--drug " + kv[0] + ": the concentration must be >= 0 nM");
                }
                if (Contributions.drugs().find(kv[0]).isEmpty()) {
                    throw new IllegalArgumentException("unknown drug '" + kv[0]
                            + "'; './mtorwb drugs' lists the catalogue");
                }
                doses.merge(kv[0], nM, Double::sum);
            }
            ModelChanges c = Contributions.drugs().changes(doses);
            checkIds(model.compiled(), c, "the drugs");
            List<String> words = doses.entrySet().stream().map(e -> e.getKey() + " at " + format(e.getValue()) + " nM")
                    .toList();
            return new Perturbation(id(), stage(), String.join(" + ", words), c);
        }
    }

    /** Service component: a cell context of the catalogue; shapes the cells. */
    public static final class Context implements PerturbationType {
        @Override
        public String id() {
            return "context";
        }

        @Override
        public String syntax() {
            return "ID";
        }

        @Override
        public String description() {
            return "a cell context ('./mtorwb contexts' lists them)";
        }

        @Override
        public Stage stage() {
            return Stage.CELLS;
        }

        @Override
        public boolean repeatable() {
            return false;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            String id = arguments.get(arguments.size() - 1);
            CellContext c = Contributions.contexts().find(id).orElseThrow(() -> new IllegalArgumentException(
                    "unknown cell context '" + id + "'; known: " + String.join(", ", Contributions.contexts().ids())));
            checkIds(model.compiled(), c.changes(), "cell context " + id);
            return new Perturbation(id(), stage(), "cell context " + c.id(), c.changes());
        }
    }

    /** Service component: species held at zero for the whole run; shapes the cells. */
    public static final class Knockout implements PerturbationType {
        @Override
        public String id() {
            return "knockout";
        }

        @Override
        public String syntax() {
            return "ID";
        }

        @Override
        public String description() {
            return "hold a species at zero for the whole run (repeatable)";
        }

        @Override
        public Stage stage() {
            return Stage.CELLS;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            CompiledModel m = model.compiled();
            Set<String> knockouts = new LinkedHashSet<>();
            for (String k : arguments) {
                if (!model.stateSpecies().contains(k) && !m.speciesIds().contains(k)) {
                    throw new IllegalArgumentException("--knockout: model '" + m.modelId() + "' has no species '" + k
                            + "'");
                }
                knockouts.add(k);
            }
            return new Perturbation(id(), stage(), "knockout of " + String.join(", ", knockouts),
                    new ModelChanges(Map.of(), Map.of(), knockouts));
        }
    }

    /** Service component: species started at a multiple of their initial value; shapes the cells. */
    public static final class Overexpression implements PerturbationType {
        @Override
        public String id() {
            return "overexpress";
        }

        @Override
        public String syntax() {
            return "ID=K";
        }

        @Override
        public String description() {
            return "start a species at K times its initial value (repeatable)";
        }

        @Override
        public Stage stage() {
            return Stage.CELLS;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            ModelChanges c = ModelChanges.NONE;
            StringBuilder words = new StringBuilder();
            for (String a : arguments) {
                String[] kv = pair(a, this);
                double k = number(kv, this);
                try {
                    c = c.and(model.overexpression(kv[0], k));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--overexpress: " + e.getMessage());
                }
                words.append(words.length() == 0 ? "" : ", ").append(kv[0]).append(" x").append(format(k));
            }
            return new Perturbation(id(), stage(), "overexpression of " + words, c);
        }
    }

    /** Service component: parameters, compartments or species started at given values; shapes the cells. */
    public static final class SetValue implements PerturbationType {
        @Override
        public String id() {
            return "set";
        }

        @Override
        public String syntax() {
            return "ID=VALUE";
        }

        @Override
        public String description() {
            return "start a parameter, compartment or species at VALUE (repeatable)";
        }

        @Override
        public Stage stage() {
            return Stage.CELLS;
        }

        @Override
        public Perturbation parse(List<String> arguments, PreparedModel model) {
            CompiledModel m = model.compiled();
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Double> initials = new LinkedHashMap<>();
            for (String a : arguments) {
                String[] kv = pair(a, this);
                if (!m.hasId(kv[0])) {
                    throw new IllegalArgumentException("--set: model '" + m.modelId() + "' has no id '" + kv[0] + "'");
                }
                (m.speciesIds().contains(kv[0]) ? initials : params).put(kv[0], number(kv, this));
            }
            List<String> words = new java.util.ArrayList<>();
            params.forEach((k, v) -> words.add(k + " = " + format(v)));
            initials.forEach((k, v) -> words.add(k + " = " + format(v)));
            return new Perturbation(id(), stage(), String.join(", ", words), new ModelChanges(params, initials,
                    Set.of()));
        }
    }

    private static void checkIds(CompiledModel m, ModelChanges c, String what) {
        for (String id : c.parameters().keySet()) {
            if (!m.hasId(id)) {
                throw new IllegalArgumentException(what + " act(s) on parameter '" + id + "', which model '"
                        + m.modelId() + "' lacks; drugs and cell contexts apply to builtin:mtor and models derived"
                        + " from it");
            }
        }
        for (String id : c.initialValues().keySet()) {
            if (!m.speciesIds().contains(id)) {
                throw new IllegalArgumentException(what + " set(s) species '" + id + "', which model '" + m.modelId()
                        + "' lacks; drugs and cell contexts apply to builtin:mtor and models derived from it");
            }
        }
    }

    /** @return {@code ID=VALUE} split at the first '=' */
    public static String[] pair(String s, PerturbationType type) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw new IllegalArgumentException("--" + type.id() + " needs " + type.syntax() + ", not '" + s + "'");
        }
        return new String[] { s.substring(0, eq).strip(), s.substring(eq + 1).strip() };
    }

    /** @return the finite number after the '=' of a pair */
    public static double number(String[] kv, PerturbationType type) {
        try {
            double v = Double.parseDouble(kv[1]);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + type.id() + " " + kv[0] + " needs a finite number, not '" + kv[1]
                    + "'");
        }
    }

    private static String format(double v) {
        return NumberText.format(v);
    }
}
