package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.calibration.internal.Table;

/**
 * Parameter values for an evaluation, read from a PEtab parameter table (its {@code nominalValue}
 * column) or from a two-column tab-separated file of id and linear value (a header row is optional).
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** @return linear values by parameter id, in file order */
    public static Map<String, Double> read(Path file) throws PetabException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PetabException(Kind.UNREADABLE, file, 0, "cannot read: " + e.getMessage(), e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (!lines.isEmpty() && lines.get(0).contains("parameterId") && lines.get(0).contains("nominalValue")) {
            Table t = Table.read(file, "parameterId", "nominalValue");
            for (Table.Row r : t.rows()) {
                double v = r.number("nominalValue", Double.NaN);
                if (Double.isNaN(v)) {
                    throw r.error("column 'nominalValue' is empty or NaN; give the value");
                }
                out.put(r.require("parameterId"), v);
            }
            return Collections.unmodifiableMap(out);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 2) {
                throw new PetabException(Kind.INVALID, file, i + 1, "expected two tab-separated cells (id, value), found "
                        + cells.length);
            }
            Double v = Table.parseNumber(cells[1]);
            if (v == null) {
                if (out.isEmpty() && i == firstContentLine(lines)) {
                    continue; // a header row
                }
                throw new PetabException(Kind.INVALID, file, i + 1, "'" + cells[1].strip() + "' is not a number");
            }
            if (out.put(cells[0].strip(), v) != null) {
                throw new PetabException(Kind.INVALID, file, i + 1, "'" + cells[0].strip() + "' is given twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                return i;
            }
        }
        return -1;
    }
}
