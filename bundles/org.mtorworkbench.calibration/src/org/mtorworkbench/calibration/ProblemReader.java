package org.mtorworkbench.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.calibration.internal.MathExpr;
import org.mtorworkbench.calibration.internal.Table;
import org.mtorworkbench.calibration.internal.Yaml;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.SBMLDocument;

/** Reads PEtab v1 and v2 problems: the YAML file, its tables and the SBML model. */
final class ProblemReader {

    private final Path yaml;
    private final Path dir;

    private ProblemReader(Path yaml) {
        this.yaml = yaml;
        Path parent = yaml.toAbsolutePath().getParent();
        this.dir = parent == null ? Path.of(".") : parent;
    }

    static PetabProblem read(Path yaml) throws PetabException {
        if (!Files.isRegularFile(yaml)) {
            throw new PetabException(Kind.UNREADABLE, yaml, 0, "no such file; give the problem's YAML file");
        }
        return new ProblemReader(yaml).read();
    }

    private PetabException error(Yaml.Node at, String message) {
        return new PetabException(Kind.INVALID, yaml, at == null ? 0 : at.line(), message);
    }

    private PetabProblem read() throws PetabException {
        Yaml.MapNode root = Yaml.read(yaml);
        Yaml.Node fv = root.entries().get("format_version");
        if (!(fv instanceof Yaml.Scalar s)) {
            throw error(root, "no 'format_version'; PEtab problems say 'format_version: 1' or 'format_version: 2.0.0'");
        }
        String v = s.text();
        if (v.equals("1") || v.startsWith("1.")) {
            return readV1(root);
        }
        if (v.equals("2") || v.startsWith("2.")) {
            return readV2(root);
        }
        throw new PetabException(Kind.UNSUPPORTED, yaml, fv.line(), "format_version " + v
                + " is not supported; the workbench reads PEtab 1 and 2");
    }

    private List<Path> files(Yaml.MapNode m, String key, boolean required) throws PetabException {
        Yaml.Node n = m.entries().get(key);
        List<Path> out = new ArrayList<>();
        if (n == null) {
            if (required) {
                throw error(m, "no '" + key + "'; list the file(s) under it");
            }
            return out;
        }
        if (n instanceof Yaml.Scalar s) {
            if (!s.text().isEmpty()) {
                out.add(resolve(s));
            }
        } else if (n instanceof Yaml.Seq q) {
            for (Yaml.Node i : q.items()) {
                if (!(i instanceof Yaml.Scalar s)) {
                    throw error(i, "'" + key + "' must list file names");
                }
                out.add(resolve(s));
            }
        } else {
            throw error(n, "'" + key + "' must be a file name or a list of file names");
        }
        if (required && out.isEmpty()) {
            throw error(n, "'" + key + "' lists no file");
        }
        return out;
    }

    private Path resolve(Yaml.Scalar s) throws PetabException {
        Path p = dir.resolve(s.text());
        if (!Files.isRegularFile(p)) {
            throw new PetabException(Kind.UNREADABLE, yaml, s.line(), "the file '" + s.text() + "' (" + p
                    + ") does not exist; paths are relative to the YAML file's folder");
        }
        return p;
    }

    private PetabProblem readV1(Yaml.MapNode root) throws PetabException {
        List<Path> parameterFiles = files(root, "parameter_file", true);
        Yaml.Node problems = root.entries().get("problems");
        if (!(problems instanceof Yaml.Seq q) || q.items().isEmpty()) {
            throw error(problems == null ? root : problems, "'problems' must list one problem");
        }
        if (q.items().size() > 1) {
            throw new PetabException(Kind.UNSUPPORTED, yaml, q.items().get(1).line(),
                    "more than one problem in one file is not supported; split them into one YAML file each");
        }
        if (!(q.items().get(0) instanceof Yaml.MapNode p)) {
            throw error(q, "the problem must be a mapping with sbml_files, condition_files, measurement_files, observable_files");
        }
        List<Path> sbml = files(p, "sbml_files", true);
        if (sbml.size() > 1) {
            throw new PetabException(Kind.UNSUPPORTED, yaml, p.line(), "more than one SBML file; give one model");
        }
        SBMLDocument doc = readModel(sbml.get(0));
        Map<String, PetabParameter> parameters = readParameters(parameterFiles);
        Map<String, PetabCondition> conditions = new LinkedHashMap<>();
        for (Path f : files(p, "condition_files", true)) {
            readConditionsV1(f, conditions);
        }
        Map<String, PetabObservable> observables = new LinkedHashMap<>();
        for (Path f : files(p, "observable_files", true)) {
            readObservables(f, observables, 1);
        }
        List<PetabMeasurement> measurements = new ArrayList<>();
        Map<String, PetabExperiment> experiments = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (Path f : files(p, "measurement_files", true)) {
            Table t = Table.read(f, "observableId", "simulationConditionId", "measurement", "time");
            columns(t, columns);
            for (Table.Row r : t.rows()) {
                String sim = r.require("simulationConditionId");
                String pre = r.get("preequilibrationConditionId");
                for (String c : pre.isEmpty() ? List.of(sim) : List.of(pre, sim)) {
                    if (!conditions.containsKey(c)) {
                        throw r.error("the condition '" + c + "' is not in the condition table; add it or correct the id");
                    }
                }
                String key = pre.isEmpty() ? sim : pre + ":" + sim;
                experiments.computeIfAbsent(key, k -> new PetabExperiment(k, pre.isEmpty()
                        ? List.of(new PetabExperiment.Period(0, List.of(sim)))
                        : List.of(new PetabExperiment.Period(Double.NEGATIVE_INFINITY, List.of(pre)),
                                new PetabExperiment.Period(0, List.of(sim)))));
                measurements.add(measurement(r, observables, key, sim, pre));
            }
        }
        return new PetabProblem(yaml, 1, sbml.get(0), doc, parameters, conditions, experiments, observables,
                measurements, columns);
    }

    private PetabProblem readV2(Yaml.MapNode root) throws PetabException {
        Yaml.Node models = root.entries().get("model_files");
        if (!(models instanceof Yaml.MapNode mm) || mm.entries().size() != 1) {
            throw error(models == null ? root : models, "'model_files' must name one model (id: {language: sbml, location: FILE})");
        }
        Yaml.Node model = mm.entries().values().iterator().next();
        if (!(model instanceof Yaml.MapNode m)) {
            throw error(model, "the model entry must give 'language' and 'location'");
        }
        Yaml.Node lang = m.entries().get("language");
        if (lang instanceof Yaml.Scalar ls && !ls.text().equalsIgnoreCase("sbml")) {
            throw new PetabException(Kind.UNSUPPORTED, yaml, ls.line(), "model language '" + ls.text()
                    + "' is not supported; the workbench simulates SBML models");
        }
        List<Path> loc = files(m, "location", true);
        SBMLDocument doc = readModel(loc.get(0));
        Map<String, PetabParameter> parameters = readParameters(files(root, "parameter_files", true));
        Map<String, PetabCondition> conditions = new LinkedHashMap<>();
        for (Path f : files(root, "condition_files", false)) {
            readConditionsV2(f, conditions);
        }
        Map<String, PetabExperiment> experiments = new LinkedHashMap<>();
        for (Path f : files(root, "experiment_files", false)) {
            readExperiments(f, experiments, conditions);
        }
        Map<String, PetabObservable> observables = new LinkedHashMap<>();
        for (Path f : files(root, "observable_files", true)) {
            readObservables(f, observables, 2);
        }
        List<PetabMeasurement> measurements = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Path f : files(root, "measurement_files", true)) {
            Table t = Table.read(f, "observableId", "time", "measurement");
            columns(t, columns);
            for (Table.Row r : t.rows()) {
                String e = r.get("experimentId");
                if (e.isEmpty()) {
                    experiments.putIfAbsent("", new PetabExperiment("", List.of(new PetabExperiment.Period(0, List.of()))));
                } else if (!experiments.containsKey(e)) {
                    throw r.error("the experiment '" + e + "' is not in the experiment table; add it or correct the id");
                }
                measurements.add(measurement(r, observables, e, "", ""));
            }
        }
        return new PetabProblem(yaml, 2, loc.get(0), doc, parameters, conditions, experiments, observables,
                measurements, columns);
    }

    private static void columns(Table t, List<String> columns) {
        for (String c : t.columns()) {
            if (!c.isEmpty() && !columns.contains(c)) {
                columns.add(c);
            }
        }
    }

    private SBMLDocument readModel(Path file) throws PetabException {
        try {
            return new SbmlReader().read(file);
        } catch (SbmlException e) {
            throw new PetabException(Kind.INVALID, file, 0, "the model cannot be read: " + e.getMessage(), e);
        }
    }

    private Map<String, PetabParameter> readParameters(List<Path> files) throws PetabException {
        Map<String, PetabParameter> out = new LinkedHashMap<>();
        for (Path f : files) {
            Table t = Table.read(f, "parameterId", "estimate");
            for (Table.Row r : t.rows()) {
                String id = identifier(r, "parameterId");
                if (out.containsKey(id)) {
                    throw r.error("the parameter '" + id + "' is listed twice; keep one row");
                }
                ParameterScale scale = ParameterScale.of(r.get("parameterScale"));
                if (scale == null) {
                    throw r.error("column 'parameterScale': '" + r.get("parameterScale") + "' is not lin, log or log10");
                }
                String est = r.require("estimate");
                boolean estimated = switch (est.toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw r.error("column 'estimate': '" + est + "' is not 1/0 or true/false");
                };
                double lower = r.number("lowerBound", Double.NEGATIVE_INFINITY);
                double upper = r.number("upperBound", Double.POSITIVE_INFINITY);
                double nominal = r.number("nominalValue", Double.NaN);
                if (Double.isNaN(nominal)) {
                    throw r.error("column 'nominalValue' is empty for '" + id + "'; give the value to use");
                }
                if (estimated && lower > upper) {
                    throw r.error("lowerBound " + lower + " is above upperBound " + upper + " for '" + id + "'");
                }
                if (estimated && scale != ParameterScale.LIN && (lower < 0 || nominal <= 0)) {
                    throw r.error("'" + id + "' is estimated on the " + scale.id()
                            + " scale but its lower bound or nominal value is not positive; use lin or positive values");
                }
                String prior = first(r, "priorDistribution", "objectivePriorType", "priorType");
                String priorPars = first(r, "priorParameters", "objectivePriorParameters");
                out.put(id, new PetabParameter(id, r.get("parameterName"), scale, lower, upper, nominal, estimated,
                        prior, priorPars));
            }
        }
        return out;
    }

    private static String first(Table.Row r, String... columns) {
        for (String c : columns) {
            if (!r.get(c).isEmpty()) {
                return r.get(c);
            }
        }
        return "";
    }

    private static String identifier(Table.Row r, String column) throws PetabException {
        String id = r.require(column);
        if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw r.error("column '" + column + "': '" + id + "' is not a valid id (letters, digits, '_', not starting with a digit)");
        }
        return id;
    }

    private void readConditionsV1(Path f, Map<String, PetabCondition> out) throws PetabException {
        Table t = Table.read(f, "conditionId");
        for (Table.Row r : t.rows()) {
            String id = identifier(r, "conditionId");
            if (out.containsKey(id)) {
                throw r.error("the condition '" + id + "' is listed twice; keep one row");
            }
            List<PetabCondition.Change> changes = new ArrayList<>();
            for (String c : t.columns()) {
                if (c.equals("conditionId") || c.equals("conditionName") || c.isEmpty()) {
                    continue;
                }
                String value = r.get(c);
                Double d = Table.parseNumber(value);
                if (value.isEmpty() || (d != null && d.isNaN())) {
                    continue; // NaN: keep the value
                }
                checkExpression(r, c, value);
                changes.add(new PetabCondition.Change(c, value, r.line()));
            }
            out.put(id, new PetabCondition(id, r.get("conditionName"), changes));
        }
    }

    private void readConditionsV2(Path f, Map<String, PetabCondition> out) throws PetabException {
        Table t = Table.read(f, "conditionId", "targetId", "targetValue");
        Map<String, List<PetabCondition.Change>> changes = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            String id = identifier(r, "conditionId");
            String target = identifier(r, "targetId");
            String value = r.require("targetValue");
            checkExpression(r, "targetValue", value);
            List<PetabCondition.Change> list = changes.computeIfAbsent(id, k -> new ArrayList<>());
            for (PetabCondition.Change c : list) {
                if (c.target().equals(target)) {
                    throw r.error("condition '" + id + "' sets '" + target + "' twice (line " + c.line() + " too)");
                }
            }
            list.add(new PetabCondition.Change(target, value, r.line()));
        }
        for (Map.Entry<String, List<PetabCondition.Change>> e : changes.entrySet()) {
            out.put(e.getKey(), new PetabCondition(e.getKey(), "", e.getValue()));
        }
    }

    private void readExperiments(Path f, Map<String, PetabExperiment> out, Map<String, PetabCondition> conditions)
            throws PetabException {
        Table t = Table.read(f, "experimentId", "time");
        Map<String, TreeMap<Double, List<String>>> periods = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            String id = identifier(r, "experimentId");
            double time = r.number("time", Double.NaN);
            if (Double.isNaN(time) || time == Double.POSITIVE_INFINITY) {
                throw r.error("column 'time' must be a number or -inf (pre-equilibration)");
            }
            String c = r.get("conditionId");
            if (!c.isEmpty() && !conditions.containsKey(c)) {
                throw r.error("the condition '" + c + "' is not in the condition table; add it or correct the id");
            }
            List<String> at = periods.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(time, k -> new ArrayList<>());
            if (!c.isEmpty()) {
                at.add(c);
            }
        }
        for (Map.Entry<String, TreeMap<Double, List<String>>> e : periods.entrySet()) {
            List<PetabExperiment.Period> list = new ArrayList<>();
            e.getValue().forEach((time, cs) -> list.add(new PetabExperiment.Period(time, cs)));
            if (list.size() == 1 && list.get(0).preequilibration()) {
                // Only pre-equilibration: the measured simulation starts from its steady state at t = 0.
                list.add(new PetabExperiment.Period(0, List.of()));
            }
            out.put(e.getKey(), new PetabExperiment(e.getKey(), list));
        }
    }

    private static void checkExpression(Table.Row r, String column, String value) throws PetabException {
        try {
            MathExpr.parse(value);
        } catch (MathExpr.SyntaxException e) {
            throw r.error("column '" + column + "': '" + value + "' is not a valid expression (" + e.getMessage()
                    + " at character " + (e.offset() + 1) + ")");
        }
    }

    private static final Pattern V1_PLACEHOLDER = Pattern.compile("(observable|noise)Parameter([0-9]+)_(.+)");

    private void readObservables(Path f, Map<String, PetabObservable> out, int version) throws PetabException {
        Table t = Table.read(f, "observableId", "observableFormula");
        for (Table.Row r : t.rows()) {
            String id = identifier(r, "observableId");
            if (out.containsKey(id)) {
                throw r.error("the observable '" + id + "' is listed twice; keep one row");
            }
            String formula = r.require("observableFormula");
            checkExpression(r, "observableFormula", formula);
            String noise = r.get("noiseFormula");
            if (noise.isEmpty()) {
                throw r.error("column 'noiseFormula' is empty for '" + id + "'; give sigma (a number or formula)");
            }
            checkExpression(r, "noiseFormula", noise);
            String dist = r.get("noiseDistribution").toLowerCase(java.util.Locale.ROOT);
            String trans = r.get("observableTransformation").toLowerCase(java.util.Locale.ROOT);
            NoiseModel.Transformation tr = switch (trans) {
            case "", "lin" -> NoiseModel.Transformation.LIN;
            case "log" -> NoiseModel.Transformation.LOG;
            case "log10" -> NoiseModel.Transformation.LOG10;
            default -> throw r.error("column 'observableTransformation': '" + trans + "' is not lin, log or log10");
            };
            NoiseModel nm = switch (dist) {
            case "", "normal" -> new NoiseModel(NoiseModel.Distribution.NORMAL, tr);
            case "laplace" -> new NoiseModel(NoiseModel.Distribution.LAPLACE, tr);
            case "log-normal", "lognormal" -> new NoiseModel(NoiseModel.Distribution.NORMAL, NoiseModel.Transformation.LOG);
            case "log-laplace" -> new NoiseModel(NoiseModel.Distribution.LAPLACE, NoiseModel.Transformation.LOG);
            case "log10-normal" -> new NoiseModel(NoiseModel.Distribution.NORMAL, NoiseModel.Transformation.LOG10);
            default -> throw r.error("column 'noiseDistribution': '" + dist
                    + "' is not normal or laplace" + (version == 2 ? " (or log-normal, log-laplace)" : ""));
            };
            List<String> obsPh = placeholders(r, "observablePlaceholders", formula, "observable", id);
            List<String> noisePh = placeholders(r, "noisePlaceholders", noise, "noise", id);
            out.put(id, new PetabObservable(id, r.get("observableName"), formula, noise, nm, obsPh, noisePh));
        }
    }

    /** Placeholders from the v2 column, or the v1 naming {@code observableParameter<n>_<id>}. */
    private static List<String> placeholders(Table.Row r, String column, String formula, String kind, String obsId)
            throws PetabException {
        String col = r.get(column);
        if (!col.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String s : col.split(";")) {
                out.add(s.strip());
            }
            return out;
        }
        TreeMap<Integer, String> found = new TreeMap<>();
        try {
            for (String name : MathExpr.parse(formula).identifiers()) {
                Matcher m = V1_PLACEHOLDER.matcher(name);
                if (m.matches() && m.group(1).equals(kind)) {
                    if (!m.group(3).equals(obsId)) {
                        throw r.error("the placeholder '" + name + "' names another observable; use "
                                + kind + "Parameter" + m.group(2) + "_" + obsId);
                    }
                    found.put(Integer.parseInt(m.group(2)), name);
                }
            }
        } catch (MathExpr.SyntaxException e) {
            throw new IllegalStateException(e); // checked before
        }
        List<String> out = new ArrayList<>();
        int n = 1;
        for (Map.Entry<Integer, String> e : found.entrySet()) {
            if (e.getKey() != n++) {
                throw r.error("the " + kind + " placeholders of '" + obsId + "' must be numbered 1, 2, ... without gaps");
            }
            out.add(e.getValue());
        }
        return out;
    }

    private static PetabMeasurement measurement(Table.Row r, Map<String, PetabObservable> observables, String exp,
            String sim, String pre) throws PetabException {
        String obs = r.require("observableId");
        PetabObservable o = observables.get(obs);
        if (o == null) {
            throw r.error("the observable '" + obs + "' is not in the observable table; add it or correct the id");
        }
        double time = r.number("time", Double.NaN);
        if (Double.isNaN(time) || time == Double.NEGATIVE_INFINITY) {
            throw r.error("column 'time' must be a number or inf (steady state)");
        }
        double value = r.number("measurement", Double.NaN);
        if (Double.isNaN(value)) {
            throw r.error("column 'measurement' is " + (r.get("measurement").isEmpty() ? "empty" : "NaN")
                    + "; drop the row or give the measured value");
        }
        List<String> op = overrides(r, "observableParameters", o.observablePlaceholders(), obs);
        List<String> np = overrides(r, "noiseParameters", o.noisePlaceholders(), obs);
        return new PetabMeasurement(obs, exp, sim, pre, time, value, op, np, r.line());
    }

    private static List<String> overrides(Table.Row r, String column, List<String> placeholders, String obs)
            throws PetabException {
        String s = r.get(column);
        List<String> out = new ArrayList<>();
        if (!s.isEmpty()) {
            for (String p : s.split(";")) {
                String v = p.strip();
                if (Table.parseNumber(v) == null && !v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw r.error("column '" + column + "': '" + v + "' is neither a number nor a parameter id");
                }
                out.add(v);
            }
        }
        if (out.size() != placeholders.size()) {
            throw r.error("column '" + column + "' gives " + out.size() + " value(s) but observable '" + obs + "' has "
                    + placeholders.size() + " placeholder(s) " + placeholders + "; give one value per placeholder, ';'-separated");
        }
        return out;
    }
}
