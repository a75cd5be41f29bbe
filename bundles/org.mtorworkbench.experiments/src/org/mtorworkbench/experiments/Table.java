package org.mtorworkbench.experiments;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A tidy result table: one row per run per readout per time, the perturbations spelled out
 * in columns. Written as CSV with a header row.
 */
public final class Table {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; values are strings or numbers, in column order. */
    public synchronized Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(List.of(values));
        return this;
    }

    /** Adds a line of summary for people (a command prints it on standard error, beside the CSV). */
    public synchronized Table note(String line) {
        notes.add(line);
        return this;
    }

    /** @return the summary lines, in order */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public List<String> columns() {
        return columns;
    }

    public synchronized List<List<Object>> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Writes CSV: numbers in shortest round-trip form, text quoted when needed. */
    public synchronized void write(PrintStream out) {
        out.println(String.join(",", columns.stream().map(Table::field).toList()));
        StringBuilder sb = new StringBuilder();
        for (List<Object> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = r.get(i);
                sb.append(v instanceof Number n ? number(n.doubleValue()) : field(String.valueOf(v)));
            }
            out.println(sb);
        }
    }

    /** @return a number as tables write it: integers without a decimal point, others in shortest form (10 significant digits) */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.10g", x).replaceFirst("\\.?0+(e|$)", "$1");
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
