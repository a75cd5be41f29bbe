package org.mtorworkbench.sbml;

/**
 * One finding about a model, as the command line prints it and the Problems view shows it.
 *
 * @param severity how bad it is
 * @param elementId the id of the element at fault, or empty when it has none
 * @param line the 1-based line in the file, or -1 when unknown
 * @param message what is wrong and, where it helps, what to do
 * @param origin who found it: {@code jsbml} (JSBML's offline consistency checks) or {@code workbench}
 */
public record SbmlProblem(Severity severity, String elementId, int line, String message, String origin) {

    /** Severity of a problem; the order is from least to most severe. */
    public enum Severity {
        /** Worth knowing; the model is usable. */
        INFO,
        /** Probably a mistake; the model can still be used. */
        WARNING,
        /** The model is invalid or cannot be simulated as written. */
        ERROR
    }

    public SbmlProblem {
        elementId = elementId == null ? "" : elementId;
        message = message == null ? "" : message;
        origin = origin == null ? "" : origin;
    }

    /** @return {@code severity,id,line,message} with the message quoted for CSV */
    public String toCsv() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + "," + csv(elementId) + "," + (line > 0 ? line : "")
                + "," + csv(message);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
