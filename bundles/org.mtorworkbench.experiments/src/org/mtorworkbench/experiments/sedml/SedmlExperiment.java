package org.mtorworkbench.experiments.sedml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.simulation.FluxBalance;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Quantity;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.SBMLDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SED-ML file read from disk or from a COMBINE archive, ready to run.
 * <p>
 * Files the workbench wrote carry their design ({@link #design()}), which is rerun exactly.
 * Other files are run as SED-ML says, for what the workbench supports: SBML models
 * (sources in the archive or beside the file, or {@code #id} of another model) with
 * {@code changeAttribute} changes of values; {@code uniformTimeCourse} (any initial time) and
 * {@code steadyState} simulations, whose algorithm is run as requested, by a documented
 * equivalent or refused naming its KiSAO id ({@link KisaoPolicy}: exact stochastic methods
 * included, flux balance analysis of fbc models); {@code task}s; {@code repeatedTask}s with
 * {@code uniformRange} (linear or log)
 * and {@code vectorRange} ranges iterated in step with the master range, {@code setValue}
 * changes whose math uses ranges and constants, ordered and nested sub-tasks and
 * {@code resetModel="true"}; data generators with MathML over their variables and
 * parameters, a species target read as its concentration unless L1V4's amount symbol asks for
 * its amount (as the reference simulators report); reports. Anything else (other change kinds, {@code functionalRange},
 * {@code oneStep}, {@code resetModel="false"}, models by URN) is refused with an error naming
 * the element. Plots are not drawn: their data are in the reports.
 */
public final class SedmlExperiment {

    private static final Pattern ID = Pattern.compile("@(?:[A-Za-z]+:)?id\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern ATTR = Pattern.compile("/@([A-Za-z]+)\\s*$");
    private static final String TIME = "urn:sedml:symbol:time";
    /** SED-ML L1V4 symbols that, beside a species target, choose its amount or its concentration. */
    private static final String AMOUNT = "urn:sedml:symbol:amount";
    private static final String CONCENTRATION = "urn:sedml:symbol:concentration";

    /** Reads the bytes of a model source named in the SED-ML file. */
    private interface Sources {
        byte[] read(String location) throws SedmlException;
    }

    /**
     * One report's table.
     *
     * @param id the report's id
     * @param table its data: columns are the ranges of the repeated task (when there is one) and the data sets' labels
     */
    public record Report(String id, Table table) {
    }

    private final String source;
    private final Element root;
    private final Sources sources;
    private final SavedDesign design;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, SBMLDocument> documents = new HashMap<>();
    private final Map<String, PreparedModel> prepared = new HashMap<>();

    private SedmlExperiment(String source, Element root, Sources sources) throws SedmlException {
        this.source = source;
        this.root = root;
        this.sources = sources;
        this.design = readDesign();
    }

    /**
     * Opens a {@code .omex} archive, or a SED-ML file whose model sources are files beside it.
     */
    public static SedmlExperiment open(Path file) throws SedmlException {
        if (!Files.isRegularFile(file)) {
            throw new SedmlException(SedmlException.Kind.INVALID, file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".omex") || name.endsWith(".zip")) {
            CombineArchive a = CombineArchive.read(file);
            String where = file + "!/" + a.sedml();
            Document d = Xml.parse(a.entries().get(a.sedml()), where);
            String base = a.sedml().contains("/") ? a.sedml().substring(0, a.sedml().lastIndexOf('/') + 1) : "";
            return new SedmlExperiment(where, d.getDocumentElement(), loc -> {
                String key = java.nio.file.Paths.get(base + loc).normalize().toString().replace('\\', '/');
                byte[] b = a.entries().get(key);
                if (b == null) {
                    throw new SedmlException(SedmlException.Kind.INVALID, where + ": model source '" + loc
                            + "' is not in the archive");
                }
                return b;
            });
        }
        byte[] content;
        try {
            if (Files.size(file) > CombineArchive.MAX_ENTRY_BYTES) {
                throw new SedmlException(SedmlException.Kind.INVALID, file + ": larger than "
                        + (CombineArchive.MAX_ENTRY_BYTES >> 20) + " MB");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SedmlException(SedmlException.Kind.INVALID, file + ": cannot be read: " + e.getMessage(), e);
        }
        Document d = Xml.parse(content, file.toString());
        Path dir = file.toAbsolutePath().getParent();
        return new SedmlExperiment(file.toString(), d.getDocumentElement(), loc -> {
            Path p = dir.resolve(loc).normalize();
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new SedmlException(SedmlException.Kind.INVALID, file + ": model source '" + loc
                        + "' cannot be read (" + e.getMessage() + ")", e);
            }
        });
    }

    /** @return where the SED-ML came from, for messages */
    public String source() {
        return source;
    }

    /** @return the workbench design this file holds, when the workbench wrote it */
    public java.util.Optional<SavedDesign> design() {
        return java.util.Optional.ofNullable(design);
    }

    /**
     * The solver options a workbench design in this file runs with: the file's algorithms read
     * by the KiSAO policy ({@link KisaoPolicy}) over {@code base}. A design is deterministic
     * (pre-equilibrated cells, steady states, fitted curves), so a stochastic or unknown
     * algorithm is refused rather than ignored.
     *
     * @throws SedmlException UNSUPPORTED naming the KiSAO id
     */
    public SolverOptions designOptions(SolverOptions base) throws SedmlException {
        SolverOptions o = base;
        for (Element s : Xml.list(root, "listOfSimulations")) {
            String sw = "<" + s.getLocalName() + " id=\"" + s.getAttribute("id") + "\">";
            KisaoPolicy.Choice c = KisaoPolicy.read(s, "steadyState".equals(s.getLocalName()), sw, notes, source);
            if (c.stochastic() || c.fluxBalance()) {
                throw unsupported(sw + ": the workbench design in this file runs deterministic simulations; its "
                        + "algorithm " + c.kisaoId() + " is not one of them (save the design again, or remove the "
                        + "design annotation to run the plain SED-ML)");
            }
            if ("uniformTimeCourse".equals(s.getLocalName())) {
                o = c.apply(o);
            }
        }
        return o;
    }

    /** @return remarks on what was not run (plots), filled by {@link #run} */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return the SBML document of the first model (for a design: the model it runs on) */
    public SBMLDocument firstModel() throws SedmlException {
        List<Element> models = Xml.list(root, "listOfModels");
        if (models.isEmpty()) {
            throw invalid("<listOfModels> is empty: there is no model to run");
        }
        return document(models.get(0));
    }

    private SavedDesign readDesign() throws SedmlException {
        if (!"sedML".equals(root.getLocalName()) || root.getNamespaceURI() == null
                || !root.getNamespaceURI().startsWith("http://sed-ml.org/sed-ml/level1/version")) {
            throw invalid("the root element is <" + root.getLocalName() + "> in namespace " + root.getNamespaceURI()
                    + ", not SED-ML Level 1 <sedML>");
        }
        Element ann = Xml.child(root, "annotation");
        Element d = null;
        if (ann != null) {
            for (Element e : Xml.children(ann, "design")) {
                if (SedmlWriter.NS.equals(e.getNamespaceURI())) {
                    d = e;
                }
            }
        }
        if (d == null) {
            return null;
        }
        String where = "<mtorwb:design>";
        String kind = d.getAttribute("kind");
        if (kind.isEmpty()) {
            throw invalid(where + ": the attribute kind (the design's id) is missing");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, List<String>> perturbations = new LinkedHashMap<>();
        List<Element> items = Xml.children(d, null);
        boolean legacy = d.hasAttribute("time");
        for (Element e : items) {
            String name = e.getLocalName();
            if (name.equals("option") && !legacy) {
                options.computeIfAbsent(e.getAttribute("id"), k -> new ArrayList<>()).add(e.getAttribute("value"));
            } else if (name.equals("perturbation") && !legacy) {
                perturbations.computeIfAbsent(e.getAttribute("type"), k -> new ArrayList<>())
                        .add(e.getAttribute("value"));
            } else if (!legacy) {
                throw invalid(where + ": unknown element <" + name + ">");
            }
        }
        if (legacy) {
            readLegacyDesign(d, where, kind, options, perturbations);
        }
        return new SavedDesign(kind, options, perturbations);
    }

    /**
     * Reads the design annotation of files written before designs were saved as option values
     * (attributes {@code time}, {@code context}, {@code intervals}; elements {@code knockout},
     * {@code overexpress}, {@code set}, {@code drug}, {@code vary}, {@code readout},
     * {@code points}) into the options of the same design.
     */
    private void readLegacyDesign(Element d, String where, String kind, Map<String, List<String>> options,
            Map<String, List<String>> perturbations) throws SedmlException {
        if (!List.of("time-course", "steady-state", "dose-response", "combination", "scan").contains(kind)) {
            throw invalid(where + ": unknown kind '" + kind + "'");
        }
        java.util.function.BiConsumer<String, String> option = (id, v) -> options.computeIfAbsent(id,
                k -> new ArrayList<>()).add(v);
        java.util.function.BiConsumer<String, String> perturb = (id, v) -> perturbations.computeIfAbsent(id,
                k -> new ArrayList<>()).add(v);
        try {
            String t = d.getAttribute("time");
            if (!kind.equals("steady-state")) {
                if ("steady-state".equals(t)) {
                    option.accept("steady-state", "true");
                } else {
                    option.accept("t-end", SedmlWriter.num(NumberText.parse(t)));
                }
            }
            if (kind.equals("time-course")) {
                option.accept("points", d.hasAttribute("intervals") ? d.getAttribute("intervals") : "1");
            }
            if (d.hasAttribute("context")) {
                perturb.accept("context", d.getAttribute("context"));
            }
            int varied = 0;
            for (Element e : Xml.children(d, null)) {
                switch (e.getLocalName()) {
                    case "knockout" -> perturb.accept("knockout", e.getAttribute("id"));
                    case "overexpress" -> perturb.accept("overexpress", e.getAttribute("id") + "="
                            + e.getAttribute("factor"));
                    case "set" -> perturb.accept("set", e.getAttribute("id") + "=" + e.getAttribute("value"));
                    case "drug" -> perturb.accept("drug", e.getAttribute("id") + "=" + e.getAttribute("nM"));
                    case "vary" -> {
                        boolean combination = kind.equals("combination");
                        option.accept(varied == 0 ? "varied-drug" : "varied-drug-b", e.getAttribute("drug"));
                        option.accept(combination ? (varied == 0 ? "doses-a" : "doses-b") : "doses",
                                e.getAttribute("doses"));
                        varied++;
                    }
                    case "readout" -> option.accept("readout", e.getAttribute("id"));
                    case "points" -> {
                        String[] ids = e.getAttribute("ids").split(",");
                        for (String p : e.getTextContent().trim().split(";")) {
                            String[] v = p.split(",");
                            if (v.length != ids.length) {
                                throw invalid(where + ": a scan point has " + v.length + " values for " + ids.length
                                        + " ids");
                            }
                            StringBuilder point = new StringBuilder();
                            for (int i = 0; i < ids.length; i++) {
                                NumberText.parse(v[i]);
                                point.append(i > 0 ? "," : "").append(ids[i]).append('=').append(v[i]);
                            }
                            option.accept("point", point.toString());
                        }
                    }
                    default -> throw invalid(where + ": unknown element <" + e.getLocalName() + ">");
                }
            }
        } catch (NumberFormatException e) {
            throw invalid(where + ": a number is malformed (" + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- generic runs

    /** A model as SED-ML defines it: a source document plus value changes. */
    private record ModelDef(SBMLDocument document, String key, ModelChanges changes) {
    }

    /**
     * A simulation: output times of a time course, or a steady state (times null), with its
     * algorithm as KiSAO reads it.
     */
    private record SimDef(String id, double initialTime, double[] times, KisaoPolicy.Choice algorithm) {
    }

    /**
     * What a data generator's variable reads: a model value, a species as an amount or as a
     * concentration (quantity; ignored for other ids), or a flux-balance result (fba: "flux",
     * "reducedCost", "shadowPrice", "minFlux", "maxFlux" or
     * "objective"; else null).
     */
    private record Target(String id, Quantity quantity, String fba) {
    }

    /** One simulated run: the range values that led to it, and the values of the targets over its rows. */
    private record Run(Map<String, Double> ranges, double[] times, Map<Target, double[]> values) {
    }

    /**
     * Runs every report of the file as SED-ML defines it.
     *
     * @throws SedmlException UNSUPPORTED or INVALID naming the element at fault
     */
    public List<Report> run(SolverOptions options, Cancellation cancellation) throws SedmlException,
            SimulationException {
        Map<String, Element> tasks = byId(Xml.list(root, "listOfTasks"));
        Map<String, Element> dataGenerators = byId(Xml.list(root, "listOfDataGenerators"));
        // what each task must report
        Map<String, Set<Target>> targets = new LinkedHashMap<>();
        for (Element dg : dataGenerators.values()) {
            for (Element v : Xml.list(dg, "listOfVariables")) {
                String task = v.getAttribute("taskReference");
                if (!tasks.containsKey(task)) {
                    throw invalid("<variable id=\"" + v.getAttribute("id") + "\"> refers to task '" + task
                            + "', which the file does not define");
                }
                Set<Target> t = targets.computeIfAbsent(task, k -> new LinkedHashSet<>());
                if (v.hasAttribute("target")) {
                    t.add(target(v, "<variable id=\"" + v.getAttribute("id") + "\">"));
                } else if (!TIME.equals(v.getAttribute("symbol"))) {
                    throw unsupported("<variable id=\"" + v.getAttribute("id") + "\"> uses symbol '"
                            + v.getAttribute("symbol") + "' without a target; only " + TIME + " is supported");
                }
            }
        }
        Map<String, List<Run>> results = new HashMap<>();
        for (Map.Entry<String, Set<Target>> e : targets.entrySet()) {
            results.put(e.getKey(), execute(tasks, e.getKey(), List.copyOf(e.getValue()), ModelChanges.NONE,
                    Map.of(), options, cancellation, 0));
        }
        List<Report> reports = new ArrayList<>();
        for (Element out : Xml.list(root, "listOfOutputs")) {
            if (!"report".equals(out.getLocalName())) {
                notes.add("<" + out.getLocalName() + " id=\"" + out.getAttribute("id")
                        + "\"> is not drawn; its data generators can be written with a report");
                continue;
            }
            reports.add(report(out, dataGenerators, results));
        }
        if (reports.isEmpty()) {
            throw invalid("the file defines no <report>; the workbench writes reports as CSV and has nothing to write");
        }
        return reports;
    }

    private Report report(Element out, Map<String, Element> dataGenerators, Map<String, List<Run>> results)
            throws SedmlException {
        String rid = out.getAttribute("id");
        List<Element> sets = Xml.list(out, "listOfDataSets");
        if (sets.isEmpty()) {
            throw invalid("<report id=\"" + rid + "\"> has no data sets");
        }
        List<double[]> columns = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Run> shape = null;
        for (Element ds : sets) {
            String ref = ds.getAttribute("dataReference");
            Element dg = dataGenerators.get(ref);
            if (dg == null) {
                throw invalid("<dataSet id=\"" + ds.getAttribute("id") + "\"> refers to data generator '" + ref
                        + "', which the file does not define");
            }
            List<Run> runs = null;
            List<Element> vars = Xml.list(dg, "listOfVariables");
            for (Element v : vars) {
                List<Run> r = results.get(v.getAttribute("taskReference"));
                if (runs != null && r.size() != runs.size()) {
                    throw unsupported("<dataGenerator id=\"" + ref + "\"> combines tasks of different shapes");
                }
                runs = r;
            }
            if (runs == null) {
                throw unsupported("<dataGenerator id=\"" + ref + "\"> has no variables");
            }
            if (shape != null && (shape.size() != runs.size() || rows(shape) != rows(runs))) {
                throw unsupported("<report id=\"" + rid + "\"> mixes tasks of different shapes; write one report per task");
            }
            shape = runs;
            columns.add(evaluate(dg, runs));
            String label = Xml.attr(ds, "label");
            labels.add(label == null || label.isEmpty() ? ds.getAttribute("id") : label);
        }
        List<String> rangeIds = new ArrayList<>(shape.get(0).ranges().keySet());
        List<String> header = new ArrayList<>();
        for (String r : rangeIds) {
            header.add(labels.contains(r) ? r + "_range" : r);
        }
        header.addAll(labels);
        Table t = new Table(header);
        int row = 0;
        for (Run run : shape) {
            for (int i = 0; i < run.times().length; i++, row++) {
                Object[] values = new Object[header.size()];
                for (int k = 0; k < rangeIds.size(); k++) {
                    values[k] = run.ranges().get(rangeIds.get(k));
                }
                for (int c = 0; c < columns.size(); c++) {
                    values[rangeIds.size() + c] = columns.get(c)[row];
                }
                t.add(values);
            }
        }
        return new Report(rid, t);
    }

    private static int rows(List<Run> runs) {
        return runs.stream().mapToInt(r -> r.times().length).sum();
    }

    private double[] evaluate(Element dg, List<Run> runs) throws SedmlException {
        String where = "<dataGenerator id=\"" + dg.getAttribute("id") + "\">";
        Element math = Xml.child(dg, "math");
        if (math == null) {
            throw invalid(where + " has no <math>");
        }
        Map<String, Double> scope = new HashMap<>();
        for (Element p : Xml.list(dg, "listOfParameters")) {
            scope.put(p.getAttribute("id"), number(p, "value", where));
        }
        List<Element> vars = Xml.list(dg, "listOfVariables");
        double[] out = new double[rows(runs)];
        int row = 0;
        for (Run run : runs) {
            for (int i = 0; i < run.times().length; i++, row++) {
                for (Element v : vars) {
                    double x = v.hasAttribute("target")
                            ? run.values().get(target(v, where))[i] : run.times()[i];
                    scope.put(v.getAttribute("id"), x);
                }
                out[row] = MathMl.eval(math, scope, where);
            }
        }
        return out;
    }

    private List<Run> execute(Map<String, Element> tasks, String id, List<Target> ids, ModelChanges overrides,
            Map<String, Double> ranges, SolverOptions options, Cancellation cancellation, int depth)
            throws SedmlException, SimulationException {
        Element t = tasks.get(id);
        if (t == null) {
            throw invalid("task '" + id + "' is referenced but not defined");
        }
        if (depth > 8) {
            throw unsupported("<repeatedTask id=\"" + id + "\"> nests deeper than 8 levels (or refers to itself)");
        }
        String where = "<" + t.getLocalName() + " id=\"" + id + "\">";
        switch (t.getLocalName()) {
            case "task": {
                ModelDef m = model(t.getAttribute("modelReference"), where);
                SimDef sim = simulation(t.getAttribute("simulationReference"), where);
                if (FluxBalance.uses(m.document())) {
                    return List.of(fluxBalance(m, sim, ids, overrides, ranges, where));
                }
                for (Target target : ids) {
                    if (target.fba() != null) {
                        throw unsupported(where + ": the variable reading '" + target.id() + "' asks for a flux-balance "
                                + "result (" + target.fba() + "), but the model has no fbc objective");
                    }
                }
                if (sim.algorithm().fluxBalance()) {
                    throw unsupported(where + ": " + sim.algorithm().kisaoId() + " (flux balance analysis) needs a "
                            + "model with the SBML fbc package");
                }
                PreparedModel pm = prepared(m);
                for (Target target : ids) {
                    if (!pm.compiled().hasId(target.id())) {
                        throw invalid(where + ": model has no id '" + target.id() + "' that a data generator reads");
                    }
                }
                Simulation s = pm.simulation(m.changes().and(overrides));
                List<Output> outs = ids.stream().map(x -> new Output(x.id(), x.quantity())).toList();
                SolverOptions o = sim.algorithm().apply(options);
                Map<Target, double[]> values = new LinkedHashMap<>();
                double[] times;
                if (sim.times() == null) {
                    if (sim.algorithm().stochastic()) {
                        throw unsupported(where + ": a steady state of the stochastic algorithm "
                                + sim.algorithm().kisaoId() + " is not defined; use a uniformTimeCourse");
                    }
                    SteadyState ss = s.steadyState(outs, o, cancellation);
                    times = new double[] { Double.NaN };
                    for (int c = 0; c < ids.size(); c++) {
                        values.put(ids.get(c), new double[] { ss.value(c) });
                    }
                } else {
                    double[] rel = sim.times().clone();
                    if (sim.initialTime() != 0) {
                        s = s.withStartTime(sim.initialTime());
                    }
                    TimeCourse tc = s.run(rel, outs, o, cancellation);
                    times = sim.times();
                    for (int c = 0; c < ids.size(); c++) {
                        double[] col = new double[tc.size()];
                        for (int i = 0; i < col.length; i++) {
                            col[i] = tc.value(i, c);
                        }
                        values.put(ids.get(c), col);
                    }
                }
                return List.of(new Run(ranges, times, values));
            }
            case "repeatedTask":
                return repeated(tasks, t, where, ids, overrides, ranges, options, cancellation, depth);
            default:
                throw unsupported(where + ": task type <" + t.getLocalName() + "> is not supported");
        }
    }

    private List<Run> repeated(Map<String, Element> tasks, Element t, String where, List<Target> ids,
            ModelChanges overrides, Map<String, Double> outer, SolverOptions options, Cancellation cancellation,
            int depth) throws SedmlException, SimulationException {
        if ("false".equals(t.getAttribute("resetModel"))) {
            throw unsupported(where + ": resetModel=\"false\" (continuing from the previous iteration's state) is "
                    + "not supported; every run of the workbench starts from the model with its changes");
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Element r : Xml.list(t, "listOfRanges")) {
            ranges.put(r.getAttribute("id"), range(r, where));
        }
        String master = t.getAttribute("range");
        if (!ranges.containsKey(master)) {
            throw invalid(where + ": the master range '" + master + "' is not among its ranges");
        }
        int n = ranges.get(master).length;
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            if (e.getValue().length < n) {
                throw invalid(where + ": range '" + e.getKey() + "' has " + e.getValue().length
                        + " values, fewer than the master range's " + n);
            }
        }
        List<Element> subs = new ArrayList<>(Xml.list(t, "listOfSubTasks"));
        if (subs.isEmpty()) {
            throw invalid(where + " has no sub-tasks");
        }
        subs.sort((a, b) -> Integer.compare(parseOrder(a), parseOrder(b)));
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cancellation.isCancelled()) {
                throw new SimulationException(SimulationException.Kind.CANCELLED, "the runs were cancelled");
            }
            Map<String, Double> scope = new LinkedHashMap<>(outer);
            for (Map.Entry<String, double[]> e : ranges.entrySet()) {
                scope.put(e.getKey(), e.getValue()[i]);
            }
            Map<String, Double> params = new LinkedHashMap<>(overrides.parameters());
            Map<String, Double> initials = new LinkedHashMap<>(overrides.initialValues());
            for (Element c : Xml.list(t, "listOfChanges")) {
                String cw = where + " <" + c.getLocalName() + " target=\"" + c.getAttribute("target") + "\">";
                if (!"setValue".equals(c.getLocalName())) {
                    throw unsupported(cw + ": only setValue changes are supported in repeated tasks");
                }
                if (!Xml.list(c, "listOfVariables").isEmpty()) {
                    throw unsupported(cw + ": setValue math reading model variables is not supported");
                }
                Map<String, Double> s = new HashMap<>(scope);
                for (Element p : Xml.list(c, "listOfParameters")) {
                    s.put(p.getAttribute("id"), number(p, "value", cw));
                }
                Element math = Xml.child(c, "math");
                double v;
                if (math != null) {
                    v = MathMl.eval(math, s, cw);
                } else if (c.hasAttribute("range")) {
                    v = scope.getOrDefault(c.getAttribute("range"), Double.NaN);
                } else {
                    throw invalid(cw + " has neither math nor a range");
                }
                String target = targetId(c.getAttribute("target"), cw);
                ModelDef m = model(c.getAttribute("modelReference"), cw);
                if (m.document().getModel().getSpecies(target) != null) {
                    Matcher a = ATTR.matcher(c.getAttribute("target"));
                    initials.put(target, inSpeciesUnits(m.document(), target, a.find() ? a.group(1) : "", v,
                            m.changes().and(new ModelChanges(params, Map.of(), Set.of())), cw));
                } else {
                    params.put(target, v);
                }
            }
            ModelChanges changes = new ModelChanges(params, initials, overrides.knockouts());
            Map<String, Double> iteration = new LinkedHashMap<>(outer);
            iteration.put(master, ranges.get(master)[i]);
            for (Map.Entry<String, double[]> e : ranges.entrySet()) {
                iteration.put(e.getKey(), e.getValue()[i]);
            }
            for (Element sub : subs) {
                out.addAll(execute(tasks, sub.getAttribute("task"), ids, changes, iteration, options, cancellation,
                        depth + 1));
            }
        }
        return out;
    }

    private static int parseOrder(Element sub) {
        try {
            return sub.hasAttribute("order") ? Integer.parseInt(sub.getAttribute("order")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private double[] range(Element r, String where) throws SedmlException {
        String rw = where + " <" + r.getLocalName() + " id=\"" + r.getAttribute("id") + "\">";
        switch (r.getLocalName()) {
            case "vectorRange": {
                List<Element> values = Xml.children(r, "value");
                double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    try {
                        v[i] = NumberText.parse(values.get(i).getTextContent().trim());
                    } catch (NumberFormatException e) {
                        throw invalid(rw + ": value '" + values.get(i).getTextContent() + "' is not a number");
                    }
                }
                if (v.length == 0) {
                    throw invalid(rw + " is empty");
                }
                return v;
            }
            case "uniformRange": {
                double start = number(r, "start", rw);
                double end = number(r, "end", rw);
                // L1V3 names the intervals numberOfPoints, L1V4 numberOfSteps
                int points = (int) number(r, r.hasAttribute("numberOfPoints") ? "numberOfPoints" : "numberOfSteps", rw);
                if (points < 0) {
                    throw invalid(rw + ": numberOfPoints must be >= 0");
                }
                boolean log = "log".equals(r.getAttribute("type"));
                if (log && !(start > 0 && end > 0)) {
                    throw invalid(rw + ": a log range needs positive start and end");
                }
                // numberOfPoints counts intervals: numberOfPoints + 1 values
                double[] v = new double[points + 1];
                for (int i = 0; i <= points; i++) {
                    double u = points == 0 ? 0 : (double) i / points;
                    v[i] = log ? Math.exp(Math.log(start) + (Math.log(end) - Math.log(start)) * u)
                            : start + (end - start) * u;
                }
                return v;
            }
            default:
                throw unsupported(rw + ": this range type is not supported (use uniformRange or vectorRange)");
        }
    }

    private SimDef simulation(String id, String where) throws SedmlException {
        for (Element s : Xml.list(root, "listOfSimulations")) {
            if (!id.equals(s.getAttribute("id"))) {
                continue;
            }
            String sw = "<" + s.getLocalName() + " id=\"" + id + "\">";
            switch (s.getLocalName()) {
                case "uniformTimeCourse": {
                    double t0 = number(s, "initialTime", sw);
                    double start = number(s, "outputStartTime", sw);
                    double end = number(s, "outputEndTime", sw);
                    String pointsAttr = s.hasAttribute("numberOfPoints") ? "numberOfPoints" : "numberOfSteps";
                    int n = (int) number(s, pointsAttr, sw);
                    if (!(end >= start && start >= t0) || n < 1) {
                        throw invalid(sw + ": needs initialTime <= outputStartTime <= outputEndTime and at least "
                                + "1 point");
                    }
                    double[] times = new double[n + 1];
                    for (int i = 0; i <= n; i++) {
                        times[i] = start + (end - start) * i / n;
                    }
                    return new SimDef(id, t0, times, KisaoPolicy.read(s, false, sw, notes, source));
                }
                case "steadyState":
                    return new SimDef(id, 0, null, KisaoPolicy.read(s, true, sw, notes, source));
                default:
                    throw unsupported(sw + ": simulation type <" + s.getLocalName()
                            + "> is not supported (use uniformTimeCourse or steadyState)");
            }
        }
        throw invalid(where + " refers to simulation '" + id + "', which the file does not define");
    }

    private ModelDef model(String id, String where) throws SedmlException {
        return model(id, where, 0);
    }

    private ModelDef model(String id, String where, int depth) throws SedmlException {
        for (Element m : Xml.list(root, "listOfModels")) {
            if (!id.equals(m.getAttribute("id"))) {
                continue;
            }
            String mw = "<model id=\"" + id + "\">";
            String src = m.getAttribute("source");
            ModelDef base;
            if (src.startsWith("#")) {
                if (depth > 8) {
                    throw invalid(mw + ": models derive from one another in a loop");
                }
                base = model(src.substring(1), mw, depth + 1);
            } else {
                SBMLDocument doc = document(m);
                base = new ModelDef(doc, src, ModelChanges.NONE);
            }
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Double> initials = new LinkedHashMap<>();
            Set<String> knockouts = new LinkedHashSet<>();
            List<String[]> speciesChanges = new ArrayList<>();
            for (Element c : Xml.list(m, "listOfChanges")) {
                String cw = mw + " <" + c.getLocalName() + " target=\"" + c.getAttribute("target") + "\">";
                if (!"changeAttribute".equals(c.getLocalName())) {
                    throw unsupported(cw + ": only changeAttribute of values is supported (not "
                            + c.getLocalName() + ")");
                }
                String target = c.getAttribute("target");
                Matcher a = ATTR.matcher(target);
                String attr = a.find() ? a.group(1) : "";
                String tid = targetId(target, cw);
                if (Set.of("boundaryCondition", "constant").contains(attr)
                        && base.document().getModel().getSpecies(tid) != null && "true".equals(c.getAttribute("newValue"))) {
                    // a species held constant: a knockout when it is held at zero (checked below)
                    knockouts.add(tid);
                    continue;
                }
                if (!Set.of("value", "initialConcentration", "initialAmount", "size").contains(attr)) {
                    throw unsupported(cw + ": changing attribute '" + attr + "' is not supported (value, "
                            + "initialConcentration, initialAmount or size; boundaryCondition and constant only to "
                            + "hold a species at zero)");
                }
                double v = number(c, "newValue", cw);
                if (base.document().getModel().getSpecies(tid) != null) {
                    speciesChanges.add(new String[] { tid, attr, Double.toString(v), cw });
                } else {
                    params.put(tid, v);
                }
            }
            // Species values after the loop: a concentration needs the compartment's size, which may change too.
            for (String[] sc : speciesChanges) {
                initials.put(sc[0], inSpeciesUnits(base.document(), sc[0], sc[1], Double.parseDouble(sc[2]),
                        base.changes().and(new ModelChanges(params, Map.of(), Set.of())), sc[3]));
            }
            for (String k : knockouts) {
                org.sbml.jsbml.Species sp = base.document().getModel().getSpecies(k);
                Double v = initials.containsKey(k) ? initials.get(k) : base.changes().initialValues().get(k);
                double initial = v != null ? v : sp.isSetInitialConcentration() ? sp.getInitialConcentration()
                        : sp.isSetInitialAmount() ? sp.getInitialAmount() : Double.NaN;
                if (initial != 0) {
                    throw unsupported(mw + ": species '" + k + "' is made constant at a value other than zero; "
                            + "only species held at zero (knockouts) are supported");
                }
                initials.remove(k);
            }
            return new ModelDef(base.document(), base.key(), base.changes().and(new ModelChanges(params, initials,
                    knockouts)));
        }
        throw invalid(where + " refers to model '" + id + "', which the file does not define");
    }

    private SBMLDocument document(Element m) throws SedmlException {
        String src = m.getAttribute("source");
        String mw = "<model id=\"" + m.getAttribute("id") + "\">";
        if (src.startsWith("#")) {
            ModelDef d = model(m.getAttribute("id"), mw);
            return d.document();
        }
        String lang = m.getAttribute("language");
        if (!lang.isEmpty() && !lang.startsWith("urn:sedml:language:sbml")) {
            throw unsupported(mw + ": language '" + lang + "' is not SBML");
        }
        if (src.startsWith("urn:") || src.startsWith("http:") || src.startsWith("https:")) {
            throw unsupported(mw + ": source '" + src + "' is not a file; put the model into the archive and name it "
                    + "by its path");
        }
        SBMLDocument doc = documents.get(src);
        if (doc == null) {
            try {
                doc = new SbmlReader().read(sources.read(src), source + " model " + src);
            } catch (SbmlException e) {
                throw new SedmlException(SedmlException.Kind.INVALID, e.getMessage(), e);
            }
            documents.put(src, doc);
        }
        return doc;
    }

    private PreparedModel prepared(ModelDef m) throws SimulationException {
        PreparedModel p = prepared.get(m.key());
        if (p == null) {
            p = PreparedModel.of(m.document());
            prepared.put(m.key(), p);
        }
        return p;
    }

    /**
     * Solves a flux-balance model (fbc) for a task with the targets the BioSimulators conventions
     * define: flux balance analysis (KISAO:0000437) gives the reaction fluxes ({@code @flux}, or
     * a reaction's plain target), their reduced costs ({@code @reducedCost}), the balanced
     * species' shadow prices ({@code @shadowPrice}) and the objective's value
     * ({@code fbc:objective/@value}); flux variability analysis (KISAO:0000526, fraction of the
     * optimum KISAO:0000531, default 1) gives each reaction's {@code @minFlux} and
     * {@code @maxFlux} and the objective's optimum. Parameter changes (flux bounds) are applied
     * to a copy of the document.
     */
    private Run fluxBalance(ModelDef m, SimDef sim, List<Target> ids, ModelChanges overrides,
            Map<String, Double> ranges, String where) throws SedmlException, SimulationException {
        if (sim.times() != null || !sim.algorithm().fluxBalance()) {
            throw unsupported(where + ": the model is a flux-balance model (SBML fbc); run it with a <steadyState> "
                    + "simulation whose algorithm is KISAO:0000437 (flux balance analysis) or KISAO:0000526 (flux "
                    + "variability analysis), not "
                    + (sim.times() != null ? "a time course" : sim.algorithm().kisaoId()));
        }
        ModelChanges c = m.changes().and(overrides);
        SBMLDocument doc = m.document();
        if (!c.initialValues().isEmpty() || !c.knockouts().isEmpty()) {
            throw unsupported(where + ": changes of species in a flux-balance model ("
                    + String.join(", ", c.initialValues().isEmpty() ? c.knockouts() : c.initialValues().keySet())
                    + ") do not enter its linear programme; change flux-bound parameters instead");
        }
        if (!c.parameters().isEmpty()) {
            doc = doc.clone();
            for (Map.Entry<String, Double> e : c.parameters().entrySet()) {
                org.sbml.jsbml.Parameter p = doc.getModel().getParameter(e.getKey());
                if (p == null) {
                    throw unsupported(where + ": only parameters (flux bounds) of a flux-balance model can be changed, "
                            + "not '" + e.getKey() + "'");
                }
                p.setValue(e.getValue());
            }
        }
        boolean fva = KisaoPolicy.FVA.equals(sim.algorithm().kisaoId());
        String fraction = sim.algorithm().parameters().get(KisaoPolicy.FRACTION_OF_OPTIMUM);
        FluxBalance.Solution solution = fva ? null : FluxBalance.solve(doc);
        FluxBalance.Variability range = fva
                ? FluxBalance.variability(doc, fraction == null ? 1.0 : Double.parseDouble(fraction.trim())) : null;
        String analysis = fva ? "flux variability analysis (KISAO:0000526)" : "flux balance analysis (KISAO:0000437)";
        Map<Target, double[]> values = new LinkedHashMap<>();
        for (Target t : ids) {
            String kind = t.fba() == null ? "flux" : t.fba();
            Map<String, Double> source = switch (kind) {
                case "objective" -> {
                    String objective = fva ? range.objective() : solution.objective();
                    if (!t.id().equals(objective)) {
                        throw unsupported(where + ": objective '" + t.id() + "' is not the model's active objective '"
                                + objective + "'");
                    }
                    yield Map.of(objective, fva ? range.objectiveValue() : solution.objectiveValue());
                }
                case "flux" -> fva ? null : solution.fluxes();
                case "reducedCost" -> fva ? null : solution.reducedCosts();
                case "shadowPrice" -> fva ? null : solution.shadowPrices();
                case "minFlux" -> fva ? range.minFluxes() : null;
                case "maxFlux" -> fva ? range.maxFluxes() : null;
                default -> null;
            };
            if (source == null) {
                throw unsupported(where + ": " + analysis + " does not give @" + kind + " ('" + t.id() + "'); it gives "
                        + (fva ? "@minFlux and @maxFlux of reactions and the objective's @value"
                                : "@flux and @reducedCost of reactions, @shadowPrice of species and the objective's @value")
                        + (fva ? "; run flux balance analysis (KISAO:0000437) for @" + kind
                                : "; run flux variability analysis (KISAO:0000526) for @" + kind));
            }
            Double v = source.get(t.id());
            if (v == null) {
                throw unsupported(where + ": '" + t.id() + "' has no @" + kind + " in the " + analysis + " of model '"
                        + doc.getModel().getId() + "'" + ("shadowPrice".equals(kind)
                                ? " (shadow prices belong to species that are neither boundary conditions nor constant)"
                                : " (it is not a reaction of the model)"));
            }
            values.put(t, new double[] { v });
        }
        return new Run(ranges, new double[] { Double.NaN }, values);
    }

    /**
     * What a variable reads. A species target means the species' concentration, as COPASI and
     * tellurium (BioSimulators' reference simulators) report it; SED-ML L1V4's symbols
     * {@code urn:sedml:symbol:amount} and {@code urn:sedml:symbol:concentration} beside the
     * target choose explicitly. {@code sbml:reaction[...]/@flux} and
     * {@code fbc:objective[...]/@value} read flux-balance results.
     */
    private Target target(Element variable, String where) throws SedmlException {
        String target = variable.getAttribute("target");
        String id = targetId(target, where);
        Matcher a = ATTR.matcher(target);
        String attr = a.find() ? a.group(1) : "";
        String symbol = variable.getAttribute("symbol");
        Quantity q = switch (symbol) {
            case "", CONCENTRATION -> Quantity.CONCENTRATION;
            case AMOUNT -> Quantity.AMOUNT;
            default -> throw unsupported(where + ": symbol '" + symbol + "' beside a target is not supported (use "
                    + AMOUNT + " or " + CONCENTRATION + ")");
        };
        boolean objective = target.contains("objective[");
        switch (attr) {
            case "":
                return new Target(id, q, objective ? "objective" : null);
            case "flux":
                return new Target(id, q, "flux");
            case "value":
                return new Target(id, q, objective ? "objective" : null);
            case "reducedCost", "shadowPrice", "minFlux", "maxFlux":
                return new Target(id, q, attr);
            default:
                if (Set.of("initialConcentration", "initialAmount", "size").contains(attr)) {
                    // the value the attribute stands for, as it changes over the run
                    return new Target(id, "initialAmount".equals(attr) ? Quantity.AMOUNT : q, null);
                }
                throw unsupported(where + ": target '" + target + "' reads attribute @" + attr
                        + ", which is not a value of the model");
        }
    }

    /**
     * A species' new value in its own units, what SBML math reads: its amount when it has only
     * substance units, else its concentration. {@code initialAmount} is an amount,
     * {@code initialConcentration} and a plain species target a concentration; converting
     * between them takes the compartment's size, changed or from the document.
     */
    private double inSpeciesUnits(SBMLDocument doc, String id, String attr, double v, ModelChanges changes,
            String where) throws SedmlException {
        org.sbml.jsbml.Species sp = doc.getModel().getSpecies(id);
        boolean amount = "initialAmount".equals(attr);
        if (amount == sp.getHasOnlySubstanceUnits()) {
            return v;
        }
        String c = sp.getCompartment();
        Double changed = changes.parameters().get(c);
        org.sbml.jsbml.Compartment comp = doc.getModel().getCompartment(c);
        double size = changed != null ? changed : comp != null && comp.isSetSize() ? comp.getSize() : Double.NaN;
        if (!(Double.isFinite(size) && size > 0)) {
            throw unsupported(where + ": converting between the amount and the concentration of species '" + id
                    + "' needs the size of compartment '" + c + "', which the document does not give as a number; "
                    + "change " + (amount ? "initialConcentration" : "initialAmount") + " instead or set the size");
        }
        return amount ? v / size : v * size;
    }

    private String targetId(String target, String where) throws SedmlException {
        Matcher m = ID.matcher(target);
        if (!m.find()) {
            throw unsupported(where + ": target '" + target + "' does not select an element by @id");
        }
        return m.group(1);
    }

    private double number(Element e, String attr, String where) throws SedmlException {
        if (!e.hasAttribute(attr)) {
            throw invalid(where + " lacks the attribute " + attr);
        }
        try {
            double v = NumberText.parse(e.getAttribute(attr).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            throw invalid(where + ": " + attr + "=\"" + e.getAttribute(attr) + "\" is not a finite number");
        }
    }

    private Map<String, Element> byId(List<Element> list) {
        Map<String, Element> m = new LinkedHashMap<>();
        for (Element e : list) {
            m.put(e.getAttribute("id"), e);
        }
        return m;
    }

    private SedmlException invalid(String what) {
        return new SedmlException(SedmlException.Kind.INVALID, source + ": " + what);
    }

    private SedmlException unsupported(String what) {
        return new SedmlException(SedmlException.Kind.UNSUPPORTED, source + ": " + what);
    }
}
