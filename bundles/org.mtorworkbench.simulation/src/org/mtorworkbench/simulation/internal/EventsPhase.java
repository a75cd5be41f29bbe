package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.internal.Expr.Arr;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.Model;

/**
 * The events phase of {@link ModelBuilder}.
 *
 * <p>Needs: the symbol table (every id of the model has its symbol, and the math emitter is
 * ready) and, from the rules phase, the symbols assignment rules fix (no event may assign them).
 * Provides: per event its id (or {@code #n}), assigned symbols, trigger flags
 * ({@code initialValue}, {@code persistent}, {@code useValuesFromTriggerTime}), whether it has
 * a delay and a priority; the code of its trigger, delay, priority and assignments; and the
 * comparisons inside the triggers, whose operand differences become root functions.
 */
final class EventsPhase {

    final String[] ids;
    final int[][] targets;
    final boolean[] initialValue;
    final boolean[] persistent;
    final boolean[] atTrigger;
    final boolean[] hasDelay;
    final boolean[] hasPriority;
    final List<CodeGenerator.Store> triggers = new ArrayList<>();
    final List<Expr.Cmp> comparisons = new ArrayList<>();
    final Map<Integer, Expr> delays = new LinkedHashMap<>();
    final Map<Integer, Expr> priorities = new LinkedHashMap<>();
    final Map<Integer, List<Expr>> values = new LinkedHashMap<>();

    private EventsPhase(int ne) {
        ids = new String[ne];
        targets = new int[ne][];
        initialValue = new boolean[ne];
        persistent = new boolean[ne];
        atTrigger = new boolean[ne];
        hasDelay = new boolean[ne];
        hasPriority = new boolean[ne];
    }

    /**
     * @param level the document's SBML level (before Level 3, triggers are persistent and true initially)
     * @throws SimulationException INVALID_MODEL for an event assigning a rule's variable or a reaction,
     *         or undefined ids in its math
     */
    static EventsPhase process(ModelBuilder symbols, Model model, int level, boolean[] ruleAssigned)
            throws SimulationException {
        List<Event> list = new ArrayList<>(model.getListOfEvents());
        int ne = list.size();
        EventsPhase p = new EventsPhase(ne);
        p.fill(symbols, list, level, ruleAssigned);
        return p;
    }

    private void fill(ModelBuilder symbols, List<Event> list, int level, boolean[] ruleAssigned)
            throws SimulationException {
        int ne = list.size();
        for (int e = 0; e < ne; e++) {
            Event ev = list.get(e);
            String name = ev.isSetId() ? ev.getId() : "#" + (e + 1);
            ids[e] = name;
            String where = "the trigger of event '" + name + "'";
            if (!ev.isSetTrigger() || !ev.getTrigger().isSetMath()) {
                // An event without a trigger never fires.
                triggers.add(new CodeGenerator.Store(Arr.OUT, e, Expr.num(0)));
            } else {
                Expr t = symbols.emit(ev.getTrigger().getMath(), Map.of(), new LinkedHashSet<>(), where);
                triggers.add(new CodeGenerator.Store(Arr.OUT, e, t));
                t.comparisons(comparisons);
            }
            initialValue[e] = level < 3 || !ev.isSetTrigger() || !ev.getTrigger().isSetInitialValue()
                    || ev.getTrigger().getInitialValue();
            persistent[e] = level < 3 || !ev.isSetTrigger() || !ev.getTrigger().isSetPersistent()
                    || ev.getTrigger().getPersistent();
            atTrigger[e] = !ev.isSetUseValuesFromTriggerTime() || ev.getUseValuesFromTriggerTime();
            if (ev.isSetDelay() && ev.getDelay().isSetMath()) {
                hasDelay[e] = true;
                delays.put(e, symbols.emit(ev.getDelay().getMath(), Map.of(), new LinkedHashSet<>(), "the delay of event '" + name + "'"));
            }
            if (ev.isSetPriority() && ev.getPriority().isSetMath()) {
                hasPriority[e] = true;
                priorities.put(e, symbols.emit(ev.getPriority().getMath(), Map.of(), new LinkedHashSet<>(),
                        "the priority of event '" + name + "'"));
            }
            List<EventAssignment> eas = new ArrayList<>();
            for (EventAssignment ea : ev.getListOfEventAssignments()) {
                if (ea.isSetMath()) {
                    eas.add(ea);
                }
            }
            targets[e] = new int[eas.size()];
            List<Expr> vals = new ArrayList<>();
            for (int a = 0; a < eas.size(); a++) {
                EventAssignment ea = eas.get(a);
                int t = symbols.sym(ea.getVariable(), "event '" + name + "'");
                if (ruleAssigned[t]) {
                    throw new SimulationException(Kind.INVALID_MODEL, "event '" + name + "' assigns '" + ea.getVariable()
                            + "', which an assignment rule defines");
                }
                if (symbols.kind(t) == SymbolKind.REACTION) {
                    throw new SimulationException(Kind.INVALID_MODEL, "event '" + name + "' assigns the reaction '"
                            + ea.getVariable() + "'");
                }
                targets[e][a] = t;
                vals.add(symbols.emit(ea.getMath(), Map.of(), new LinkedHashSet<>(),
                        "the assignment to '" + ea.getVariable() + "' in event '" + name + "'"));
            }
            values.put(e, vals);
        }
    }
}
