package org.mtorworkbench.calibration;

import java.nio.file.Path;

/**
 * A PEtab problem cannot be read or evaluated. The message names the file, the line (1-based, where
 * known), the column or key at fault and what to do.
 */
public class PetabException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** A file is missing or cannot be read. */
        UNREADABLE,
        /** A file is malformed or a value is out of range or undefined. */
        INVALID,
        /** The problem uses a PEtab feature the workbench does not evaluate. */
        UNSUPPORTED,
        /** A simulation failed (no steady state, step-size underflow, non-finite values). */
        NUMERICAL
    }

    private final Kind kind;
    private final transient Path file;
    private final int line;

    public PetabException(Kind kind, Path file, int line, String message) {
        this(kind, file, line, message, null);
    }

    public PetabException(Kind kind, Path file, int line, String message, Throwable cause) {
        super(location(file, line) + message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
    }

    private static String location(Path file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public Kind kind() {
        return kind;
    }

    /** @return the file at fault, or null */
    public Path file() {
        return file;
    }

    /** @return the 1-based line at fault, or 0 when not known */
    public int line() {
        return line;
    }
}
