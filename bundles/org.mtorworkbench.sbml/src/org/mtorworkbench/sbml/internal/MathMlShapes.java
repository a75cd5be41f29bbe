package org.mtorworkbench.sbml.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MathML written in shapes libSBML (and with it COPASI, AMICI and tellurium) reads but JSBML
 * 1.6.1 misreads, found by {@link XmlPrescan} and rewritten before JSBML parses the file.
 * <p>
 * The shapes: an {@code <apply>} whose first child is another {@code <apply>} instead of an
 * operator, as in a published PEtab benchmark model,
 * {@code <apply><divide/><apply><apply><times/>...</apply></apply><ci>K</ci></apply>}.
 * libSBML reads the inner {@code <apply>}'s operator as the outer one's: an {@code <apply>}
 * wrapping a single {@code <apply>} is that {@code <apply>}, and
 * {@code <apply><apply><times/>a b</apply> c</apply>} is {@code a*b*c}. JSBML instead closes
 * one element too many at the wrapper's end, so the next arguments land in an enclosing
 * {@code <apply>}: "DIVIDE lacks argument 2", or, inside a relation, a silently different
 * expression. The rewrite removes the inner {@code <apply>}'s start and end tags, which
 * gives libSBML's reading; they are replaced by spaces, so every other line and column stays
 * where it was and error messages still point into the file as written. And an integer written
 * with a decimal point, {@code <cn type="integer"> 1.0 </cn>}: libSBML reads the integer, JSBML
 * stops ("Must be of type int!"); the {@code type} attribute is blanked, so JSBML reads the
 * same value as a real.
 */
public final class MathMlShapes {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.-]*:)?apply(\\s[^>]*)?>");
    private static final Pattern END_TAG = Pattern.compile("</([A-Za-z_][\\w.-]*:)?apply\\s*>");
    private static final Pattern CN_TAG = Pattern.compile("<([A-Za-z_][\\w.-]*:)?cn(\\s[^>]*)?>");
    private static final Pattern INTEGER_TYPE = Pattern.compile("\\stype\\s*=\\s*(\"integer\"|'integer')");
    /** Integers with a decimal point and only zeros after it: libSBML reads the integer before the point. */
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("\\s*[+-]?\\d+\\.0*\\s*");

    private MathMlShapes() {
    }

    /** A MathML shape libSBML reads and JSBML does not, found at a line of the file. */
    public sealed interface Shape permits WrappedApply, DecimalInteger {
        /** @return the line the shape is on */
        int line();

        /** @return what was read, for a warning */
        String message();
    }

    /**
     * An integer {@code <cn>} written with a decimal point and zeros after it.
     *
     * @param line the line where the {@code <cn>} start tag ends
     * @param column the column just after the start tag
     * @param text the number as written
     */
    public record DecimalInteger(int line, int column, String text) implements Shape {
        @Override
        public String message() {
            return "line " + line + ", column " + column + ": <cn type=\"integer\">" + text.strip() + "</cn> is not"
                    + " an integer as MathML writes one; read as libSBML reads it, as " + value()
                    + " (write it without the decimal point to silence this warning)";
        }

        private String value() {
            String t = text.strip();
            return t.substring(0, t.indexOf('.'));
        }

        /** @return the shape of an integer {@code <cn>} holding {@code text}, or null when JSBML reads it as it is */
        static DecimalInteger of(String text, int line, int column) {
            return line > 0 && DECIMAL_INTEGER.matcher(text).matches() ? new DecimalInteger(line, column, text) : null;
        }
    }

    /**
     * An {@code <apply>} whose first child is an {@code <apply>}.
     *
     * @param line the line of the outer {@code <apply>}'s start tag (its end)
     * @param column the column just after the outer {@code <apply>}'s start tag
     * @param startLine the line where the inner {@code <apply>}'s start tag ends
     * @param startColumn the column just after the inner start tag
     * @param endLine the line where the inner {@code <apply>}'s end tag ends
     * @param endColumn the column just after the inner end tag
     * @param furtherArguments how many arguments follow the inner {@code <apply>} in the outer one
     */
    public record WrappedApply(int line, int column, int startLine, int startColumn, int endLine, int endColumn,
            int furtherArguments) implements Shape {

        @Override
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
                out.add(new WrappedApply(line, column, innerApply[0], innerApply[1], innerApply[2], innerApply[3],
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
        for (Shape shape : shapes) {
            if (shape instanceof WrappedApply s) {
                int[] start = tag(out, lineStarts, s.startLine(), s.startColumn());
                int[] end = tag(out, lineStarts, s.endLine(), s.endColumn());
                if (start != null && end != null && matches(out, start, START_TAG) && matches(out, end, END_TAG)) {
                    blank(out, start);
                    blank(out, end);
                }
            } else if (shape instanceof DecimalInteger d) {
                int[] cn = tag(out, lineStarts, d.line(), d.column());
                if (cn != null && matches(out, cn, CN_TAG)) {
                    String text = new String(out, cn[0], cn[1] - cn[0] + 1, StandardCharsets.UTF_8);
                    Matcher m = INTEGER_TYPE.matcher(text);
                    if (m.find() && text.length() == cn[1] - cn[0] + 1) {
                        blank(out, new int[] { cn[0] + m.start(), cn[0] + m.end() - 1 });
                    }
                }
            }
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
        String text = new String(c, range[0], range[1] - range[0] + 1, StandardCharsets.UTF_8);
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
