package org.mtorworkbench.sbml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MathML written in shapes libSBML (and with it COPASI, AMICI and tellurium) reads but JSBML
 * 1.6.1 misreads, found by {@link XmlPrescan} and rewritten before JSBML parses the file.
 * <p>
 * The shape: an {@code <apply>} whose first child is another {@code <apply>} instead of an
 * operator, as in a published PEtab benchmark model,
 * {@code <apply><divide/><apply><apply><times/>...</apply></apply><ci>K</ci></apply>}.
 * libSBML reads the inner {@code <apply>}'s operator as the outer one's: an {@code <apply>}
 * wrapping a single {@code <apply>} is that {@code <apply>}, and
 * {@code <apply><apply><times/>a b</apply> c</apply>} is {@code a*b*c}. JSBML instead closes
 * one element too many at the wrapper's end, so the next arguments land in an enclosing
 * {@code <apply>}: "DIVIDE lacks argument 2", or, inside a relation, a silently different
 * expression. The rewrite removes the inner {@code <apply>}'s start and end tags, which
 * gives libSBML's reading; they are replaced by spaces, so every other line and column stays
 * where it was and error messages still point into the file as written.
 */
public final class MathMlShapes {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.-]*:)?apply(\\s[^>]*)?>");
    private static final Pattern END_TAG = Pattern.compile("</([A-Za-z_][\\w.-]*:)?apply\\s*>");

    private MathMlShapes() {
    }

    /**
     * One rewritten shape.
     *
     * @param line the line of the outer {@code <apply>}'s start tag (its end)
     * @param column the column just after the outer {@code <apply>}'s start tag
     * @param startLine the line where the inner {@code <apply>}'s start tag ends
     * @param startColumn the column just after the inner start tag
     * @param endLine the line where the inner {@code <apply>}'s end tag ends
     * @param endColumn the column just after the inner end tag
     * @param furtherArguments how many arguments follow the inner {@code <apply>} in the outer one
     */
    public record Shape(int line, int column, int startLine, int startColumn, int endLine, int endColumn,
            int furtherArguments) {

        /** @return what was read, for a warning */
        public String message() {
            return "line " + line + ", column " + column + ": an <apply> whose first child is another <apply> instead"
                    + " of an operator; read as libSBML reads it, as "
                    + (furtherArguments == 0 ? "the inner <apply> itself"
                            : "the inner <apply>'s operator applied to its arguments and the " + furtherArguments
                                    + " further argument" + (furtherArguments == 1 ? "" : "s") + " of the outer one")
                    + " (write the operator as the <apply>'s first child to silence this warning)";
        }
    }

    /** An element open inside MathML while {@link XmlPrescan} scans. */
    static final class Frame {
        private final Frame parent;
        private final boolean apply;
        private final int line;
        private final int column;
        private final boolean firstChildOfApply;
        private int children;
        private int[] innerApply;

        private Frame(Frame parent, boolean apply, int line, int column, boolean firstChildOfApply) {
            this.parent = parent;
            this.apply = apply;
            this.line = line;
            this.column = column;
            this.firstChildOfApply = firstChildOfApply;
        }

        /** @return the frame of a MathML element {@code localName} (empty outside MathML's namespace) just opened */
        static Frame open(Frame parent, String localName, int line, int column) {
            boolean first = false;
            if (parent != null) {
                parent.children++;
                first = parent.apply && parent.children == 1;
            }
            return new Frame(parent, "apply".equals(localName), line, column, first);
        }

        /** Closes this frame, the end tag ending at {@code endLine:endColumn}; adds the shapes found to {@code out}. */
        void close(int endLine, int endColumn, List<Shape> out) {
            if (apply && firstChildOfApply && children > 0 && line > 0) {
                parent.innerApply = new int[] { line, column, endLine, endColumn };
            }
            if (innerApply != null) {
                out.add(new Shape(line, column, innerApply[0], innerApply[1], innerApply[2], innerApply[3],
                        children - 1));
            }
        }
    }

    /**
     * @return {@code content} with the inner {@code <apply>} tags of {@code shapes} replaced by
     *         spaces; the same array when there is nothing to do or the file is not in an
     *         ASCII-compatible encoding (then JSBML reads it as it is)
     */
    public static byte[] rewrite(byte[] content, List<Shape> shapes) {
        if (shapes.isEmpty() || !asciiCompatible(content)) {
            return content;
        }
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lineStarts.add(i + 1);
            }
        }
        byte[] out = content.clone();
        for (Shape s : shapes) {
            int[] start = tag(out, lineStarts, s.startLine(), s.startColumn());
            int[] end = tag(out, lineStarts, s.endLine(), s.endColumn());
            if (start == null || end == null || !matches(out, start, START_TAG) || !matches(out, end, END_TAG)) {
                continue;
            }
            blank(out, start);
            blank(out, end);
        }
        return out;
    }

    private static boolean asciiCompatible(byte[] c) {
        if (c.length >= 2 && ((c[0] == (byte) 0xFE && c[1] == (byte) 0xFF) || (c[0] == (byte) 0xFF && c[1] == (byte) 0xFE)
                || c[0] == 0 || c[1] == 0)) {
            return false;
        }
        return true;
    }

    /** @return the byte range [from, to] of the tag whose '>' is just before {@code line:column}, or null */
    private static int[] tag(byte[] c, List<Integer> lineStarts, int line, int column) {
        if (line < 1 || line > lineStarts.size() || column < 2) {
            return null;
        }
        // The locator counts characters (UTF-16 units) from 1; walk the line's UTF-8 bytes.
        int i = lineStarts.get(line - 1);
        int chars = 0;
        while (i < c.length && chars < column - 2) {
            int b = c[i] & 0xFF;
            i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            chars += b >= 0xF0 ? 2 : 1;
        }
        if (i >= c.length || c[i] != '>') {
            return null;
        }
        int lt = i;
        while (lt >= 0 && c[lt] != '<') {
            lt--;
        }
        return lt < 0 ? null : new int[] { lt, i };
    }

    private static boolean matches(byte[] c, int[] range, Pattern p) {
        String text = new String(c, range[0], range[1] - range[0] + 1, java.nio.charset.StandardCharsets.UTF_8);
        return p.matcher(text).matches();
    }

    private static void blank(byte[] c, int[] range) {
        for (int i = range[0]; i <= range[1]; i++) {
            if (c[i] != '\n' && c[i] != '\r') {
                c[i] = ' ';
            }
        }
    }
}
