package org.mtorworkbench.network.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated network as written in {@code model/mtor-network.txt}: one line per
 * compartment, species, parameter, rule and reaction, fields separated by {@code |}.
 * Parsing is strict: a malformed line is an error naming the line.
 */
public final class ModelSpec {

    /** The resource inside this bundle that holds the network. */
    public static final String RESOURCE = "/model/mtor-network.txt";

    public record Compartment(String id, double size, String name, String sbo) {
    }

    /** A species; {@code annotations} are identifiers such as {@code uniprot:P42345} or {@code chebi:9168}. */
    public record Species(String id, String compartment, double initial, String name, String sbo,
            List<String> annotations, boolean constant, boolean ruleDefined) {
    }

    public record Parameter(String id, double value, String unit, String description, String source) {
    }

    public record Rule(String variable, String formula, String description) {
    }

    /** A modifier of a reaction with its role: catalyst, stimulator or inhibitor. */
    public record Modifier(String species, String role) {
    }

    /** Where a compartment or species is drawn; width and height are 0 for species (sized by glyph kind). */
    public record Placement(String id, double x, double y, double width, double height) {
    }

    public record Reaction(String id, List<String> reactants, List<String> products, String rate,
            List<Modifier> modifiers, String sbo, String description) {
    }

    private final List<Compartment> compartments = new ArrayList<>();
    private final Map<String, Species> species = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final Map<String, Placement> placements = new LinkedHashMap<>();

    private ModelSpec() {
    }

    /** Parses the network shipped in this bundle. */
    public static ModelSpec builtin() {
        try (InputStream in = ModelSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its model resource " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a network description. */
    public static ModelSpec parse(InputStream in, String source) throws IOException {
        ModelSpec spec = new ModelSpec();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = Arrays.stream(t.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            try {
                spec.add(f);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ":" + n + ": " + e.getMessage() + ": " + t, e);
            }
        }
        return spec;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private void add(String[] f) {
        switch (f[0]) {
            case "compartment" -> compartments.add(new Compartment(f[1], Double.parseDouble(f[2]), f[3], f[4]));
            case "species" -> {
                String flags = field(f, 7);
                List<String> ann = field(f, 6).isEmpty() ? List.of() : expand(field(f, 6));
                put(species, f[1], new Species(f[1], f[2], Double.parseDouble(f[3]), f[4], f[5], ann,
                        flags.contains("constant"), flags.contains("rule")));
            }
            case "parameter" -> put(parameters, f[1],
                    new Parameter(f[1], Double.parseDouble(f[2]), f[3], f[4], field(f, 5)));
            case "rule" -> rules.add(new Rule(f[1], f[2], field(f, 3)));
            case "reaction" -> {
                String[] sides = f[2].split("->", -1);
                if (sides.length != 2) {
                    throw new IllegalArgumentException("a reaction needs 'reactants -> products'");
                }
                List<Modifier> mods = new ArrayList<>();
                for (String m : field(f, 4).split(",")) {
                    if (!m.isBlank()) {
                        String[] kv = m.strip().split(":");
                        mods.add(new Modifier(kv[0].strip(), kv[1].strip()));
                    }
                }
                reactions.add(new Reaction(f[1], side(sides[0]), side(sides[1]), f[3], mods, field(f, 5),
                        field(f, 6)));
            }
            case "layout" -> put(placements, f[1], new Placement(f[1], Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), field(f, 4).isEmpty() ? 0 : Double.parseDouble(f[4]),
                    field(f, 5).isEmpty() ? 0 : Double.parseDouble(f[5])));
            default -> throw new IllegalArgumentException("unknown element kind '" + f[0] + "'");
        }
    }

    /** {@code uniprot:A,B;chebi:C} becomes {@code uniprot:A, uniprot:B, chebi:C}. */
    private static List<String> expand(String ann) {
        List<String> out = new ArrayList<>();
        for (String group : ann.split(";")) {
            String[] kv = group.strip().split(":", 2);
            for (String id : kv[1].split(",")) {
                out.add(kv[0].strip() + ":" + id.strip());
            }
        }
        return out;
    }

    private static List<String> side(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\+")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static <T> void put(Map<String, T> map, String id, T value) {
        if (map.putIfAbsent(id, value) != null) {
            throw new IllegalArgumentException("duplicate id '" + id + "'");
        }
    }

    public List<Compartment> compartments() {
        return List.copyOf(compartments);
    }

    public List<Species> species() {
        return List.copyOf(species.values());
    }

    public List<Parameter> parameters() {
        return List.copyOf(parameters.values());
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public List<Reaction> reactions() {
        return List.copyOf(reactions);
    }

    /** @return where compartments and species are drawn, by id */
    public Map<String, Placement> placements() {
        return java.util.Collections.unmodifiableMap(placements);
    }
}
