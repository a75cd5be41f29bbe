package org.mtorworkbench.experiments.sedml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.Perturbation;
import org.mtorworkbench.experiments.extension.PerturbationType;
import org.mtorworkbench.experiments.extension.RunSpecification;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link SavedDesign} as SED-ML Level 1 Version 3, to be run by other tools on
 * the SBML model stored beside it ({@link #MODEL_FILE} in a COMBINE archive). What is written
 * follows the design's {@link RunSpecification}:
 * <ul>
 * <li>the cells are model {@code cells}: the SBML model with the context's and the user's
 * changes ({@code changeAttribute}) and, for designs treated after pre-equilibration, the
 * equilibrated state written as initial values, so other tools start where the workbench's
 * treatments start;</li>
 * <li>drugs given to every run are model {@code treated}, derived from {@code cells}, with the
 * parameter values the drugs set;</li>
 * <li>a single run (a time course, a steady state) is one {@code task}; varied doses (a
 * dose-response, a combination matrix) or points (a scan) are one {@code repeatedTask} whose ranges are vectors iterated in step (the
 * combination's and the grid's points flattened, first axis slowest), and whose
 * {@code setValue} changes compute each drug-affected parameter from the dose with the
 * catalogue's Hill equations in MathML;</li>
 * <li>a scan pre-equilibrates each point: its simulation runs {@link PreparedModel#EQUILIBRATION_TIME}
 * plus the readout time, and reports the end;</li>
 * <li>a report lists the readouts; the saved design (its id, option values and
 * perturbations) is kept in an annotation ({@link #NS}) from which the workbench reruns it
 * exactly.</li>
 * </ul>
 * SED-ML L1V3 cannot express designs without a run specification (sensitivity analyses:
 * their coefficients compare runs), a scan with drugs (the drugs would have to be added after each point's pre-equilibration), or two
 * drugs of a combination that act on the same parameter in different ways; these are
 * refused with {@link SedmlException.Kind#UNSUPPORTED}.
 */
public final class SedmlWriter {

    /** The SED-ML L1V3 namespace. */
    public static final String SEDML = "http://sed-ml.org/sed-ml/level1/version3";
    /** The namespace of the workbench's design annotation. */
    public static final String NS = "https://mtorworkbench.org/ns/sedml-design/1";
    /** The model's file name in an archive, as SED-ML sources name it. */
    public static final String MODEL_FILE = "model.xml";
    /** KiSAO term of the steady-state algorithm (Newton-type root finding). */
    public static final String STEADY_STATE_KISAO = "KISAO:0000407";

    private final Document doc = Xml.newDocument();
    private final String sbmlNs;

    private SedmlWriter(String sbmlNs) {
        this.sbmlNs = sbmlNs;
    }

    /**
     * @param design the design of the request
     * @param request the saved design prepared for the model ({@link DesignRequest#prepare})
     * @param sbml the model the design runs on (its level and version name the language)
     * @param cancelled stops the pre-equilibration run
     * @return the SED-ML document
     * @throws SedmlException UNSUPPORTED for a design SED-ML L1V3 cannot express
     */
    public static String write(ExperimentDesign design, DesignRequest request, SBMLDocument sbml,
            BooleanSupplier cancelled) throws SedmlException, SimulationException {
        RunSpecification spec;
        try {
            spec = design.specification(request);
        } catch (UnsupportedOperationException e) {
            throw new SedmlException(SedmlException.Kind.UNSUPPORTED, e.getMessage(), e);
        }
        int level = sbml.getLevel();
        int version = sbml.getVersion();
        String ns = "http://www.sbml.org/sbml/level" + level + "/version" + version + (level >= 3 ? "/core" : "");
        SedmlWriter w = new SedmlWriter(ns);
        return w.build(request, spec, sbml, cancelled, "urn:sedml:language:sbml.level-" + level + ".version-"
                + version);
    }

    private String build(DesignRequest request, RunSpecification spec, SBMLDocument sbml, BooleanSupplier cancelled,
            String language) throws SedmlException, SimulationException {
        Model m = sbml.getModel();
        SavedDesign d = request.design();
        PreparedModel model = request.model();
        DrugCatalogue catalogue = request.drugs();
        SolverOptions options = request.solverOptions();
        boolean scan = !spec.points().isEmpty();
        if (scan && (!request.doses().isEmpty() || !request.treatment().isEmpty())) {
            throw new SedmlException(SedmlException.Kind.UNSUPPORTED, "a scan with drugs cannot be written as SED-ML "
                    + "L1V3: each point is pre-equilibrated and the drugs added afterwards, which SED-ML has no way "
                    + "to say; save the scan without --drug, or run it with ./mtorwb scan");
        }
        Element root = doc.createElementNS(SEDML, "sedML");
        root.setAttribute("level", "1");
        root.setAttribute("version", "3");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:sbml", sbmlNs);
        doc.appendChild(root);
        root.appendChild(annotation(d));

        // simulations
        Element sims = add(root, "listOfSimulations");
        ReadoutTime time = request.time();
        Element sim;
        if (time.isSteadyState()) {
            sim = add(sims, "steadyState");
            add(sim, "algorithm").setAttribute("kisaoID", STEADY_STATE_KISAO);
        } else {
            sim = add(sims, "uniformTimeCourse");
            double start = scan ? PreparedModel.EQUILIBRATION_TIME : 0;
            sim.setAttribute("initialTime", "0");
            sim.setAttribute("outputStartTime", num(start));
            sim.setAttribute("outputEndTime", num(start + time.minutes()));
            sim.setAttribute("numberOfPoints", String.valueOf(spec.intervals()));
            add(sim, "algorithm").setAttribute("kisaoID", options.get(SolverOptions.SOLVER).kisaoId());
        }
        sim.setAttribute("id", "simulation");

        // models
        Element models = add(root, "listOfModels");
        Element cells = add(models, "model");
        cells.setAttribute("id", "cells");
        cells.setAttribute("name", "cells: " + request.contextLabel() + describeCells(request));
        cells.setAttribute("language", language);
        cells.setAttribute("source", MODEL_FILE);
        Element changes = add(cells, "listOfChanges");
        ModelChanges cellChanges = request.cells();
        cellChanges.parameters().forEach((id, v) -> changeAttribute(changes, m, id, v));
        cellChanges.initialValues().forEach((id, v) -> changeAttribute(changes, m, id, v));
        for (String k : cellChanges.knockouts()) {
            Species s = m.getSpecies(k);
            if (s == null) {
                throw new IllegalArgumentException("cannot knock out '" + k + "': model '" + m.getId()
                        + "' has no such species");
            }
            String base = target(m, k);
            change(changes, base + "/@" + initialAttribute(s), "0");
            change(changes, base + "/@boundaryCondition", "true");
            change(changes, base + "/@constant", "true");
        }
        if (!scan) {
            // the equilibrated state: where every treatment of these cells starts
            Map<String, Double> state = model.equilibrate(cellChanges, options, cancelled);
            state.forEach((id, v) -> {
                if (!cellChanges.knockouts().contains(id)) {
                    changeAttribute(changes, m, id, v);
                }
            });
        }
        if (changes.getFirstChild() == null) {
            cells.removeChild(changes);
        }
        String taskModel = "cells";
        ModelChanges treatment = catalogue.changes(request.doses()).and(request.treatment());
        Map<String, Double> background = treatment.parameters();
        Set<String> variedParams = new LinkedHashSet<>();
        for (String drug : spec.variedDrugs()) {
            for (Drug.Effect e : catalogue.find(drug).orElseThrow().effects()) {
                variedParams.add(e.parameter());
            }
        }
        if (!treatment.isEmpty()) {
            Element treated = add(models, "model");
            treated.setAttribute("id", "treated");
            List<String> words = new ArrayList<>(request.doses().entrySet().stream()
                    .map(e -> e.getKey() + " " + num(e.getValue()) + " nM").toList());
            request.perturbations().stream().filter(p -> p.stage() == PerturbationType.Stage.TREATMENT
                    && !p.type().equals("drug")).forEach(p -> words.add(p.description()));
            treated.setAttribute("name", "treated with " + String.join(" + ", words));
            treated.setAttribute("language", language);
            treated.setAttribute("source", "#cells");
            Element tc = add(treated, "listOfChanges");
            background.forEach((id, v) -> changeAttribute(tc, m, id, v));
            treatment.initialValues().forEach((id, v) -> changeAttribute(tc, m, id, v));
            taskModel = "treated";
        }

        // tasks
        Element tasks = add(root, "listOfTasks");
        Element task = add(tasks, "task");
        task.setAttribute("id", "run");
        task.setAttribute("modelReference", taskModel);
        task.setAttribute("simulationReference", "simulation");
        String reported = "run";
        if (!spec.isSingle()) {
            reported = "design";
            Element rt = add(tasks, "repeatedTask");
            rt.setAttribute("id", reported);
            rt.setAttribute("name", d.design());
            rt.setAttribute("resetModel", "true");
            Element ranges = add(rt, "listOfRanges");
            Element setValues = add(rt, "listOfChanges");
            if (scan) {
                List<String> ids = List.copyOf(spec.points().get(0).keySet());
                for (int k = 0; k < ids.size(); k++) {
                    String rid = "r" + (k + 1) + "_" + ids.get(k).replaceAll("[^A-Za-z0-9_]", "_");
                    List<Double> values = new ArrayList<>();
                    for (Map<String, Double> p : spec.points()) {
                        values.add(p.get(ids.get(k)));
                    }
                    vectorRange(ranges, rid, values);
                    if (k == 0) {
                        rt.setAttribute("range", rid);
                    }
                    Element sv = add(setValues, "setValue");
                    sv.setAttribute("modelReference", taskModel);
                    sv.setAttribute("target", target(m, ids.get(k)));
                    sv.setAttribute("range", rid);
                    sv.appendChild(MathMl.math(doc, MathMl.ci(rid)));
                }
            } else {
                List<String> rangeIds = new ArrayList<>();
                List<List<Double>> values = new ArrayList<>();
                double[] a = withZero(spec.doses().get(0));
                if (spec.variedDrugs().size() == 1) {
                    values.add(box(a));
                } else {
                    double[] b = withZero(spec.doses().get(1));
                    List<Double> va = new ArrayList<>();
                    List<Double> vb = new ArrayList<>();
                    for (double x : a) {
                        for (double y : b) {
                            va.add(x);
                            vb.add(y);
                        }
                    }
                    values.add(va);
                    values.add(vb);
                }
                for (int k = 0; k < spec.variedDrugs().size(); k++) {
                    String rid = "dose_" + spec.variedDrugs().get(k).replaceAll("[^A-Za-z0-9_]", "_");
                    rangeIds.add(rid);
                    vectorRange(ranges, rid, values.get(k));
                }
                rt.setAttribute("range", rangeIds.get(0));
                for (String param : variedParams) {
                    Element sv = add(setValues, "setValue");
                    sv.setAttribute("modelReference", taskModel);
                    sv.setAttribute("target", target(m, param));
                    sv.setAttribute("range", rangeIds.get(0));
                    sv.appendChild(MathMl.math(doc, drugMath(param, spec.variedDrugs(), rangeIds, catalogue,
                            background)));
                }
            }
            Element subs = add(rt, "listOfSubTasks");
            Element sub = add(subs, "subTask");
            sub.setAttribute("order", "1");
            sub.setAttribute("task", "run");
        }

        // data generators and the report
        Element dgs = add(root, "listOfDataGenerators");
        Element outputs = add(root, "listOfOutputs");
        Element report = add(outputs, "report");
        report.setAttribute("id", "report");
        report.setAttribute("name", d.design() + " readouts");
        Element dataSets = add(report, "listOfDataSets");
        List<String> columns = new ArrayList<>();
        if (!time.isSteadyState()) {
            columns.add(null);
        }
        columns.addAll(request.readouts());
        for (String r : columns) {
            String id = r == null ? "time" : r;
            Element dg = add(dgs, "dataGenerator");
            dg.setAttribute("id", "dg_" + id);
            dg.setAttribute("name", id);
            Element v = add(add(dg, "listOfVariables"), "variable");
            v.setAttribute("id", "v_" + id);
            v.setAttribute("taskReference", reported);
            if (r == null) {
                v.setAttribute("symbol", "urn:sedml:symbol:time");
            } else {
                v.setAttribute("target", target(m, r));
            }
            dg.appendChild(MathMl.math(doc, MathMl.ci("v_" + id)));
            Element ds = add(dataSets, "dataSet");
            ds.setAttribute("id", "ds_" + id);
            ds.setAttribute("label", id);
            ds.setAttribute("dataReference", "dg_" + id);
        }
        return Xml.toString(doc);
    }

    /**
     * The value of a drug-affected parameter as a function of the varied doses: concentrations
     * add ({@code background + factor * dose}); inhibitions combine as independent actions
     * ({@code 1 - (1 - background) * prod(1 - max * dose^h / (dose^h + IC50^h))}).
     */
    private Element drugMath(String param, List<String> varied, List<String> rangeIds, DrugCatalogue catalogue,
            Map<String, Double> background) throws SedmlException {
        Drug.Effect.Kind kind = null;
        List<Element> terms = new ArrayList<>();
        for (int k = 0; k < varied.size(); k++) {
            for (Drug.Effect e : catalogue.find(varied.get(k)).orElseThrow().effects()) {
                if (!e.parameter().equals(param)) {
                    continue;
                }
                if (kind != null && kind != e.kind()) {
                    throw new SedmlException(SedmlException.Kind.UNSUPPORTED, "parameter '" + param
                            + "' is both a concentration and an inhibition of the drugs " + varied
                            + "; SED-ML export of this combination is not supported");
                }
                kind = e.kind();
                Element dose = MathMl.ci(rangeIds.get(k));
                if (e.kind() == Drug.Effect.Kind.CONCENTRATION) {
                    terms.add(MathMl.apply("times", MathMl.cn(e.potencyNm()), dose));
                } else {
                    Element x = MathMl.apply("power", dose, MathMl.cn(e.hill()));
                    Element frac = MathMl.apply("divide", MathMl.apply("times", MathMl.cn(e.maximum()), x),
                            MathMl.apply("plus", MathMl.apply("power", MathMl.ci(rangeIds.get(k)), MathMl.cn(e.hill())),
                                    MathMl.cn(Math.pow(e.potencyNm(), e.hill()))));
                    terms.add(MathMl.apply("minus", MathMl.cn(1), frac));
                }
            }
        }
        double bg = background.getOrDefault(param, 0.0);
        if (kind == Drug.Effect.Kind.CONCENTRATION) {
            terms.add(0, MathMl.cn(bg));
            return MathMl.apply("plus", terms.toArray(Element[]::new));
        }
        terms.add(0, MathMl.cn(1 - bg));
        return MathMl.apply("minus", MathMl.cn(1), MathMl.apply("times", terms.toArray(Element[]::new)));
    }

    /**
     * The saved design as the workbench reads it back: {@code <mtorwb:design kind="ID">} with an
     * {@code <mtorwb:option id= value=>} per option value and a {@code <mtorwb:perturbation
     * type= value=>} per perturbation argument, in the order given.
     */
    private Element annotation(SavedDesign d) {
        Element a = doc.createElementNS(SEDML, "annotation");
        Element e = doc.createElementNS(NS, "mtorwb:design");
        a.appendChild(e);
        e.setAttribute("kind", d.design());
        d.options().forEach((id, values) -> values.forEach(v -> item(e, "option", "id", id, "value", v)));
        d.perturbations().forEach((type, values) -> values.forEach(v -> item(e, "perturbation", "type", type,
                "value", v)));
        return a;
    }

    private void item(Element parent, String name, String... attrs) {
        Element e = doc.createElementNS(NS, "mtorwb:" + name);
        for (int i = 0; i < attrs.length; i += 2) {
            e.setAttribute(attrs[i], attrs[i + 1]);
        }
        parent.appendChild(e);
    }

    /** The cells' perturbations other than the context, in words. */
    private static String describeCells(DesignRequest r) {
        StringBuilder sb = new StringBuilder();
        for (Perturbation p : r.perturbations()) {
            if (p.stage() == PerturbationType.Stage.CELLS && !p.type().equals("context")) {
                sb.append(", ").append(p.description());
            }
        }
        return sb.toString();
    }

    private void changeAttribute(Element changes, Model m, String id, double value) {
        String attr;
        if (m.getSpecies(id) != null) {
            attr = initialAttribute(m.getSpecies(id));
        } else if (m.getCompartment(id) != null) {
            attr = "size";
        } else {
            attr = "value";
        }
        change(changes, target(m, id) + "/@" + attr, num(value));
    }

    private void change(Element changes, String target, String value) {
        Element c = add(changes, "changeAttribute");
        c.setAttribute("target", target);
        c.setAttribute("newValue", value);
    }

    private static String initialAttribute(Species s) {
        return s.isSetInitialAmount() && !s.isSetInitialConcentration() ? "initialAmount" : "initialConcentration";
    }

    /** @return the XPath of a species, compartment or parameter of the model */
    static String target(Model m, String id) {
        String kind = m.getSpecies(id) != null ? "Species/sbml:species"
                : m.getCompartment(id) != null ? "Compartments/sbml:compartment" : "Parameters/sbml:parameter";
        return "/sbml:sbml/sbml:model/sbml:listOf" + kind + "[@id='" + id + "']";
    }

    private void vectorRange(Element ranges, String id, List<Double> values) {
        Element r = add(ranges, "vectorRange");
        r.setAttribute("id", id);
        for (double v : values) {
            add(r, "value").setTextContent(num(v));
        }
    }

    private Element add(Element parent, String name) {
        Element e = doc.createElementNS(SEDML, name);
        parent.appendChild(e);
        return e;
    }

    private static double[] withZero(double[] doses) {
        double[] sorted = doses.clone();
        java.util.Arrays.sort(sorted);
        if (sorted.length > 0 && sorted[0] == 0) {
            return sorted;
        }
        double[] all = new double[sorted.length + 1];
        System.arraycopy(sorted, 0, all, 1, sorted.length);
        return all;
    }

    private static List<Double> box(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }

    /** Shortest exact form of a number, as an xsd:double ({@link NumberText#xml}). */
    static String num(double x) {
        return NumberText.xml(x);
    }
}
