package org.mtorworkbench.experiments.sedml;

/**
 * A SED-ML file or COMBINE archive that cannot be read, run or written: the message is one
 * line naming the file and the element at fault and saying what to do.
 */
public class SedmlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The file is unreadable, not well-formed or breaks the SED-ML structure. */
        INVALID,
        /** The file uses a construct the workbench does not run, or a design SED-ML cannot express. */
        UNSUPPORTED
    }

    private final Kind kind;

    public SedmlException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SedmlException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
