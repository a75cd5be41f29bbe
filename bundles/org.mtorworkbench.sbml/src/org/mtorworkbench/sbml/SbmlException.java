package org.mtorworkbench.sbml;

import java.nio.file.Path;
import java.util.List;

/**
 * A model could not be read or written. The message names the file, and where known the
 * line, column and SBML element, and says what to do; it is meant to be shown as is.
 */
public class SbmlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of problem this is, so callers can map it to exit codes or markers. */
    public enum Kind {
        /** The file could not be opened, read or written. */
        IO,
        /** The bytes are not well-formed XML (or not in a supported encoding). */
        MALFORMED_XML,
        /** The XML is refused for safety: a DOCTYPE, external entity or excessive size. */
        REFUSED,
        /** Well-formed XML that is not SBML, or SBML that JSBML cannot interpret. */
        NOT_SBML,
        /** SBML that cannot be expressed in the requested target. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String source;
    private final int line;
    private final int column;
    private final String detail;
    private final List<String> problems;

    /**
     * @param kind what went wrong
     * @param source the file name or other description of the input
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param detail the message without the location prefix
     * @param cause the underlying exception, or null
     */
    public SbmlException(Kind kind, String source, int line, int column, String detail, Throwable cause) {
        this(kind, source, line, column, detail, List.of(), cause);
    }

    /**
     * A problem made of several findings, e.g. each construct a conversion cannot express.
     *
     * @param problems the findings, each naming its element; {@code detail} summarises them
     */
    public SbmlException(Kind kind, String source, int line, int column, String detail, List<String> problems,
            Throwable cause) {
        super(format(source, line, column, detail), cause);
        this.kind = kind;
        this.source = source;
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    /** Convenience for a problem with no line information. */
    public SbmlException(Kind kind, Path file, String detail, Throwable cause) {
        this(kind, String.valueOf(file), -1, -1, detail, cause);
    }

    private static String format(String source, int line, int column, String detail) {
        StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(detail).toString();
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    /** @return the 1-based line, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or -1 when unknown */
    public int column() {
        return column;
    }

    /** @return each finding behind this exception (for {@link Kind#UNSUPPORTED}: element and construct), or empty */
    public List<String> problems() {
        return problems;
    }

    /** @return the message without the location prefix */
    public String detail() {
        return detail;
    }
}
