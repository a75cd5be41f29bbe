package org.mtorworkbench.experiments;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mtorworkbench.sbml.NumberText;

/**
 * A tidy result table: one row per run per readout per time, the perturbations spelled out
 * in columns. Written as CSV with a header row.
 */
public final class Table {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

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
                sb.append(cell(r.get(i)));
            }
            out.println(sb);
        }
    }

    /**
     * @return a number as tables write it: the fewest digits that read back as the same double
     *         ({@link NumberText#format}: {@code 100}, {@code 0.1}, {@code 9.437111707e-10},
     *         {@code -0}, {@code NaN}, {@code Infinity})
     */
    public static String number(double x) {
        return NumberText.format(x);
    }

    private static String cell(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        return v instanceof Number n ? number(n.doubleValue()) : field(String.valueOf(v));
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
