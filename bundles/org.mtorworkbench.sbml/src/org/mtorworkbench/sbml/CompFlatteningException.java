package org.mtorworkbench.sbml;

/**
 * A hierarchical ({@code comp}) model cannot be flattened; the message names the element and
 * submodel at fault.
 */
public class CompFlatteningException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the model cannot be flattened. */
    public enum Kind {
        /** a reference that resolves to nothing, a missing model definition or file, a circular hierarchy */
        INVALID_MODEL,
        /** a construct of the package the flattening does not handle (e.g. replacing a whole submodel) */
        UNSUPPORTED
    }

    private final Kind kind;

    public CompFlatteningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CompFlatteningException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
