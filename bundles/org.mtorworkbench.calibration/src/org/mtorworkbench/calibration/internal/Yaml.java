package org.mtorworkbench.calibration.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.calibration.PetabException;
import org.mtorworkbench.calibration.PetabException.Kind;

/**
 * A strict reader of the YAML subset PEtab files use: block mappings and sequences (a sequence may
 * sit at its key's indentation), flow sequences and mappings of scalars ({@code []}, {@code [a, b]},
 * {@code {}}), plain and quoted scalars, comments. Anchors, tags, multi-line scalars and multiple
 * documents are refused with the file and line. Every node remembers its line for error messages.
 */
public final class Yaml {

    /** A parsed node: {@link Scalar}, {@link Seq} or {@link MapNode}. */
    public sealed interface Node permits Scalar, Seq, MapNode {
        int line();
    }

    /** A scalar; {@code quoted} tells a quoted string from a plain one. */
    public record Scalar(String text, boolean quoted, int line) implements Node {
    }

    public record Seq(List<Node> items, int line) implements Node {
    }

    public record MapNode(Map<String, Node> entries, int line) implements Node {
    }

    private record Line(int indent, String text, int number) {
    }

    private final Path file;
    private final List<Line> lines = new ArrayList<>();
    private int pos;

    private Yaml(Path file) {
        this.file = file;
    }

    /** Reads a YAML file whose top level is a mapping. */
    public static MapNode read(Path file) throws PetabException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PetabException(Kind.UNREADABLE, file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses YAML text whose top level is a mapping; {@code file} names it in errors. */
    public static MapNode parse(String text, Path file) throws PetabException {
        Yaml y = new Yaml(file);
        y.split(text);
        if (y.lines.isEmpty()) {
            return new MapNode(Map.of(), 1);
        }
        Line first = y.lines.get(0);
        if (first.indent != 0) {
            throw y.error(first.number, "the first entry is indented; a PEtab YAML file starts with unindented keys");
        }
        Node n = y.block(0);
        if (y.pos < y.lines.size()) {
            Line l = y.lines.get(y.pos);
            throw y.error(l.number, "unexpected indentation of '" + l.text + "'; align it with the keys above");
        }
        if (!(n instanceof MapNode m)) {
            throw y.error(first.number, "the top level must be a mapping of keys (like 'format_version: 1')");
        }
        return m;
    }

    private PetabException error(int line, String message) {
        return new PetabException(Kind.INVALID, file, line, message);
    }

    private void split(String text) throws PetabException {
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (s.indexOf('\t') >= 0 && s.substring(0, s.length() - s.stripLeading().length()).indexOf('\t') >= 0) {
                throw error(i + 1, "a tab in the indentation; YAML indents with spaces");
            }
            String body = stripComment(s, i + 1);
            if (body.isBlank()) {
                continue;
            }
            if (i == 0 && body.strip().equals("---")) {
                continue;
            }
            if (body.strip().equals("---") || body.strip().equals("...")) {
                throw error(i + 1, "a second YAML document; a PEtab file holds one");
            }
            int indent = body.length() - body.stripLeading().length();
            lines.add(new Line(indent, body.strip(), i + 1));
        }
    }

    private String stripComment(String s, int line) throws PetabException {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                if (i == 0 || " :-[,{".indexOf(s.charAt(i - 1)) >= 0) {
                    quote = c;
                }
            } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        if (quote != 0) {
            throw error(line, "an unterminated quoted string; close it with " + quote);
        }
        return s;
    }

    private Node block(int indent) throws PetabException {
        Line l = lines.get(pos);
        if (isItem(l.text)) {
            return sequence(indent);
        }
        return mapping(indent);
    }

    private static boolean isItem(String t) {
        return t.equals("-") || t.startsWith("- ");
    }

    private Seq sequence(int indent) throws PetabException {
        int start = lines.get(pos).number;
        List<Node> items = new ArrayList<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent < indent) {
                break;
            }
            if (l.indent > indent || !isItem(l.text)) {
                if (l.indent == indent) {
                    break; // a key after a sequence at its key's indentation
                }
                throw error(l.number, "unexpected indentation of '" + l.text + "'");
            }
            String rest = l.text.substring(1).strip();
            if (rest.isEmpty()) {
                pos++;
                if (pos < lines.size() && lines.get(pos).indent > indent) {
                    items.add(block(lines.get(pos).indent));
                } else {
                    items.add(new Scalar("", false, l.number));
                }
            } else {
                int inner = indent + (l.text.length() - rest.length());
                if (isItem(rest) || keyEnd(rest) >= 0) {
                    // "- key: value" opens a mapping whose keys sit where 'key' starts.
                    lines.set(pos, new Line(inner, rest, l.number));
                    items.add(block(inner));
                } else {
                    items.add(scalarOrFlow(rest, l.number));
                    pos++;
                }
            }
        }
        return new Seq(Collections.unmodifiableList(items), start);
    }

    /** @return the index of the ':' that ends a key, or -1 */
    private static int keyEnd(String t) {
        if (t.startsWith("\"") || t.startsWith("'")) {
            int close = t.indexOf(t.charAt(0), 1);
            if (close > 0 && close + 1 < t.length() && t.charAt(close + 1) == ':'
                    && (close + 2 == t.length() || t.charAt(close + 2) == ' ')) {
                return close + 1;
            }
            return -1;
        }
        if (t.startsWith("[") || t.startsWith("{")) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ':' && (i + 1 == t.length() || t.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private MapNode mapping(int indent) throws PetabException {
        int start = lines.get(pos).number;
        Map<String, Node> entries = new LinkedHashMap<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent < indent) {
                break;
            }
            if (l.indent > indent) {
                throw error(l.number, "unexpected indentation of '" + l.text + "'; align it with the keys above");
            }
            if (isItem(l.text)) {
                throw error(l.number, "a sequence item '" + l.text + "' where a key was expected");
            }
            int colon = keyEnd(l.text);
            if (colon < 0) {
                throw error(l.number, "'" + l.text + "' is not 'key: value'");
            }
            String key = unquote(l.text.substring(0, colon).strip());
            if (key.startsWith("&") || key.startsWith("*") || key.startsWith("!") || key.equals("<<")) {
                throw error(l.number, "anchors, aliases, tags and merge keys are not supported in PEtab files");
            }
            if (entries.containsKey(key)) {
                throw error(l.number, "the key '" + key + "' appears twice");
            }
            String rest = l.text.substring(colon + 1).strip();
            pos++;
            Node value;
            if (!rest.isEmpty()) {
                value = scalarOrFlow(rest, l.number);
            } else if (pos < lines.size() && lines.get(pos).indent > indent) {
                value = block(lines.get(pos).indent);
            } else if (pos < lines.size() && lines.get(pos).indent == indent && isItem(lines.get(pos).text)) {
                value = sequence(indent);
            } else {
                value = new Scalar("", false, l.number);
            }
            entries.put(key, value);
        }
        return new MapNode(Collections.unmodifiableMap(entries), start);
    }

    private Node scalarOrFlow(String t, int line) throws PetabException {
        if (t.startsWith("&") || t.startsWith("*") || t.startsWith("!")) {
            throw error(line, "anchors, aliases and tags are not supported in PEtab files: '" + t + "'");
        }
        if (t.equals("|") || t.equals(">") || t.startsWith("|-") || t.startsWith(">-")) {
            throw error(line, "multi-line scalars are not supported; write the value on one line");
        }
        if (t.startsWith("[")) {
            if (!t.endsWith("]")) {
                throw error(line, "a flow sequence '" + t + "' must close on the same line with ']'");
            }
            List<Node> items = new ArrayList<>();
            String inner = t.substring(1, t.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : splitFlow(inner, line)) {
                    items.add(scalar(part.strip(), line));
                }
            }
            return new Seq(Collections.unmodifiableList(items), line);
        }
        if (t.startsWith("{")) {
            if (!t.endsWith("}")) {
                throw error(line, "a flow mapping '" + t + "' must close on the same line with '}'");
            }
            Map<String, Node> entries = new LinkedHashMap<>();
            String inner = t.substring(1, t.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : splitFlow(inner, line)) {
                    String p = part.strip();
                    int colon = keyEnd(p);
                    if (colon < 0) {
                        throw error(line, "'" + p + "' in a flow mapping is not 'key: value'");
                    }
                    entries.put(unquote(p.substring(0, colon).strip()), scalar(p.substring(colon + 1).strip(), line));
                }
            }
            return new MapNode(Collections.unmodifiableMap(entries), line);
        }
        return scalar(t, line);
    }

    private List<String> splitFlow(String inner, int line) throws PetabException {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                throw error(line, "nested flow collections are not supported; write them as blocks");
            } else if (c == ',') {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        return parts;
    }

    private Scalar scalar(String t, int line) throws PetabException {
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'')) {
            char q = t.charAt(0);
            if (t.charAt(t.length() - 1) != q) {
                throw error(line, "text after the quoted string " + t);
            }
            String body = t.substring(1, t.length() - 1);
            return new Scalar(q == '\'' ? body.replace("''", "'") : unescape(body, line), true, line);
        }
        return new Scalar(t, false, line);
    }

    private String unescape(String s, int line) throws PetabException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw error(line, "a backslash at the end of a quoted string");
            }
            char e = s.charAt(i);
            switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case '\\', '"', '/' -> b.append(e);
            default -> throw error(line, "the escape \\" + e + " is not supported");
            }
        }
        return b.toString();
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')
                && key.charAt(key.length() - 1) == key.charAt(0)) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}
