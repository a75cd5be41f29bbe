package org.mtorworkbench.sbml;

import java.util.Locale;

/** An SBML level and version the workbench writes. */
public enum SbmlTarget {
    /** SBML Level 2 Version 4: what COPASI and CellDesigner read most widely. */
    L2V4(2, 4),
    /** SBML Level 3 Version 1 (core). */
    L3V1(3, 1),
    /** SBML Level 3 Version 2 (core). */
    L3V2(3, 2);

    private final int level;
    private final int version;

    SbmlTarget(int level, int version) {
        this.level = level;
        this.version = version;
    }

    public int level() {
        return level;
    }

    public int version() {
        return version;
    }

    /** @return the name users type, e.g. {@code l3v1} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code l2v4}, {@code l3v1} or {@code l3v2} (case-insensitive)
     * @return the target, or null for anything else
     */
    public static SbmlTarget fromLabel(String label) {
        for (SbmlTarget t : values()) {
            if (t.label().equalsIgnoreCase(label)) {
                return t;
            }
        }
        return null;
    }

    /** @return the target with this level and version, or null when it is not one the workbench writes */
    public static SbmlTarget of(int level, int version) {
        for (SbmlTarget t : values()) {
            if (t.level == level && t.version == version) {
                return t;
            }
        }
        return null;
    }
}
