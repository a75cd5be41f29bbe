package org.mtorworkbench.cli.internal;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.extension.Perturbation;
import org.mtorworkbench.experiments.extension.PerturbationType;
import org.mtorworkbench.experiments.extension.PerturbationTypes;
import org.mtorworkbench.network.ModelChanges;

/**
 * The PERTURBATIONS of the command line: one option {@code --ID ARGUMENT} per
 * {@link PerturbationType} service of the active bundles ({@code --drug ID=nM},
 * {@code --context ID}, {@code --knockout ID}, {@code --overexpress ID=K}, {@code --set ID=VALUE}
 * are the product's own), turned into model changes. Cell-stage perturbations shape the cells
 * before treatment; treatment-stage ones (drugs) are the treatment.
 */
final class Perturbations {

    static final String DRUG = "--drug";
    static final String CONTEXT = "--context";
    static final String KNOCKOUT = "--knockout";
    static final String OVEREXPRESS = "--overexpress";
    static final String SET = "--set";

    /** The options of the perturbation types active at each use. */
    static final Set<String> OPTIONS = new LiveOptions(false);
    /** Those that may be repeated. */
    static final Set<String> REPEATABLE = new LiveOptions(true);

    /**
     * @param cells cell-stage changes (before treatment)
     * @param drugs treatment-stage changes: the drugs and any other treatment
     * @param treatmentExtras the treatment-stage changes other than drugs
     * @param applied every perturbation given, in words
     */
    record Parsed(ModelChanges cells, ModelChanges drugs, ModelChanges treatmentExtras, List<Perturbation> applied) {
        ModelChanges all() {
            return cells.and(drugs);
        }
    }

    private Perturbations() {
    }

    /** @return the help lines of the active perturbation types */
    static String help() {
        StringBuilder b = new StringBuilder();
        for (PerturbationType t : PerturbationTypes.all()) {
            String head = "  --" + t.id() + " " + t.syntax();
            String text = t.description();
            if (head.length() > 18) {
                b.append(head).append("  ").append(text).append('\n');
            } else {
                b.append(String.format("%-19s%s%n", head, text));
            }
        }
        return b.toString();
    }

    static Parsed parse(Options o, PreparedModel model) throws CommandException {
        ModelChanges cells = ModelChanges.NONE;
        ModelChanges treatment = ModelChanges.NONE;
        ModelChanges extras = ModelChanges.NONE;
        List<Perturbation> applied = new ArrayList<>();
        for (PerturbationType t : PerturbationTypes.all()) {
            List<String> args = o.all("--" + t.id());
            if (args.isEmpty()) {
                continue;
            }
            Perturbation p;
            try {
                p = t.parse(args, model);
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
            applied.add(p);
            if (p.stage() == PerturbationType.Stage.CELLS) {
                cells = cells.and(p.changes());
            } else {
                treatment = treatment.and(p.changes());
                if (!t.id().equals(DRUG.substring(2))) {
                    extras = extras.and(p.changes());
                }
            }
        }
        return new Parsed(cells, treatment, extras, List.copyOf(applied));
    }

    /** A set of option names computed from the active perturbation types whenever it is read. */
    private static final class LiveOptions extends AbstractSet<String> {
        private final boolean repeatableOnly;

        LiveOptions(boolean repeatableOnly) {
            this.repeatableOnly = repeatableOnly;
        }

        private List<String> current() {
            return PerturbationTypes.all().stream().filter(t -> !repeatableOnly || t.repeatable())
                    .map(t -> "--" + t.id()).toList();
        }

        @Override
        public Iterator<String> iterator() {
            return current().iterator();
        }

        @Override
        public int size() {
            return current().size();
        }

        @Override
        public boolean contains(Object o) {
            return current().contains(o);
        }
    }
}
