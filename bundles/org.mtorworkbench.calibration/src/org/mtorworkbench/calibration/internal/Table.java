package org.mtorworkbench.calibration.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.calibration.PetabException;
import org.mtorworkbench.calibration.PetabException.Kind;

/**
 * A PEtab table: tab-separated, a header row, one record per line. Cells are read by column name;
 * every error names the file, the line and the column.
 */
public final class Table {

    /** One data row with its 1-based line number in the file. */
    public final class Row {
        private final String[] cells;
        private final int line;

        Row(String[] cells, int line) {
            this.cells = cells;
            this.line = line;
        }

        public int line() {
            return line;
        }

        public Table table() {
            return Table.this;
        }

        /** @return the stripped cell of a column, "" when the column is absent or the cell empty */
        public String get(String column) {
            Integer c = index.get(column);
            if (c == null || c >= cells.length) {
                return "";
            }
            return cells[c].strip();
        }

        /** @return the cell of a required column, failing with file:line when it is empty */
        public String require(String column) throws PetabException {
            String s = get(column);
            if (s.isEmpty()) {
                throw error("column '" + column + "' is empty; give a value");
            }
            return s;
        }

        /** @return the cell as a double ("" gives {@code empty}; inf, -inf and nan are accepted) */
        public double number(String column, double empty) throws PetabException {
            String s = get(column);
            if (s.isEmpty()) {
                return empty;
            }
            Double d = parseNumber(s);
            if (d == null) {
                throw error("column '" + column + "': '" + s + "' is not a number");
            }
            return d;
        }

        public PetabException error(String message) {
            return new PetabException(Kind.INVALID, file, line, message);
        }
    }

    private final Path file;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private Table(Path file, List<String> columns) {
        this.file = file;
        this.columns = Collections.unmodifiableList(columns);
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i), i);
        }
    }

    /** Reads a table, requiring the given columns in its header. */
    public static Table read(Path file, String... required) throws PetabException {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PetabException(Kind.UNREADABLE, file, 0, "cannot read the table: " + e.getMessage(), e);
        }
        if (text.isEmpty() || text.get(0).isBlank()) {
            throw new PetabException(Kind.INVALID, file, 1, "no header row; a PEtab table starts with its column names");
        }
        String header = text.get(0);
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> cols = new ArrayList<>();
        for (String c : header.split("\t", -1)) {
            cols.add(c.strip());
        }
        Table t = new Table(file, cols);
        for (String r : required) {
            if (!t.index.containsKey(r)) {
                throw new PetabException(Kind.INVALID, file, 1, "the header lacks the column '" + r
                        + "'; columns are tab-separated and named as the PEtab specification says");
            }
        }
        for (int i = 1; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length > cols.size() && !allBlank(cells, cols.size())) {
                throw new PetabException(Kind.INVALID, file, i + 1, "the row has " + cells.length
                        + " cells but the header " + cols.size() + " columns; separate cells with single tabs");
            }
            t.rows.add(t.new Row(cells, i + 1));
        }
        return t;
    }

    private static boolean allBlank(String[] cells, int from) {
        for (int i = from; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** @return a PEtab number (decimal, {@code inf}, {@code -inf}, {@code nan}, any case), or null */
    public static Double parseNumber(String s) {
        String t = s.strip();
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
        case "inf", "+inf", "infinity":
            return Double.POSITIVE_INFINITY;
        case "-inf", "-infinity":
            return Double.NEGATIVE_INFINITY;
        case "nan":
            return Double.NaN;
        default:
            break;
        }
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '+'
                || t.charAt(0) == '.')) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean hasColumn(String c) {
        return index.containsKey(c);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }
}
