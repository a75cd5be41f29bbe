package org.mtorworkbench.network;

import java.util.List;
import java.util.Map;

import org.mtorworkbench.sbml.NumberText;

/**
 * One finding of the review, stated as checks that simulations of the built-in network
 * must pass. Each check compares a readout between a treated and a reference condition
 * (a fold change), optionally against the fold change of a second pair, and expects an
 * effect of at least 20% in the stated direction.
 *
 * @param id a short id ({@code 3}, {@code 11b}); tests and the findings table use it
 * @param title what the finding says, in a line
 * @param section where the review says it (section and figure)
 * @param sentence the review's own words
 * @param checks what must hold; the finding passes when every check passes
 */
public record Finding(String id, String title, String section, String sentence, List<Check> checks) {

    /** The smallest effect that counts: 20%. */
    public static final double MIN_EFFECT = 0.2;

    /**
     * A simulated condition: a cell context, inputs during pre-equilibration to steady state,
     * then drugs and input changes applied at time 0 and simulated for {@code minutes}.
     *
     * @param context the cell context id
     * @param before parameter values (inputs) during pre-equilibration
     * @param drugsNm drugs added at time 0, by id, in nM
     * @param after parameter values (inputs) from time 0
     * @param minutes how long after time 0 the readout is taken
     */
    public record Condition(String context, Map<String, Double> before, Map<String, Double> drugsNm,
            Map<String, Double> after, double minutes) {

        public Condition {
            before = ordered(before);
            drugsNm = ordered(drugsNm);
            after = ordered(after);
        }

        private static Map<String, Double> ordered(Map<String, Double> m) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
        }

        /** Wild-type cells with the default inputs, untreated, read after {@code minutes}. */
        public static Condition control(double minutes) {
            return new Condition("wildtype", Map.of(), Map.of(), Map.of(), minutes);
        }

        /** @return this condition with a drug added at time 0 */
        public Condition drug(String id, double nM) {
            Map<String, Double> d = new java.util.LinkedHashMap<>(drugsNm);
            d.put(id, nM);
            return new Condition(context, before, d, after, minutes);
        }

        /** @return this condition in another cell context */
        public Condition in(String contextId) {
            return new Condition(contextId, before, drugsNm, after, minutes);
        }

        /** @return this condition with an input set during pre-equilibration (and after, unless changed) */
        public Condition before(String parameter, double value) {
            Map<String, Double> b = new java.util.LinkedHashMap<>(before);
            b.put(parameter, value);
            return new Condition(context, b, drugsNm, after, minutes);
        }

        /** @return this condition with an input changed at time 0 */
        public Condition after(String parameter, double value) {
            Map<String, Double> a = new java.util.LinkedHashMap<>(after);
            a.put(parameter, value);
            return new Condition(context, before, drugsNm, a, minutes);
        }

        /** @return the condition in words, for tables */
        public String describe() {
            StringBuilder sb = new StringBuilder(context);
            before.forEach((k, v) -> sb.append(", ").append(k).append('=').append(num(v)).append(" before"));
            drugsNm.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(num(v)).append(" nM"));
            after.forEach((k, v) -> sb.append(", ").append(k).append('=').append(num(v)));
            return sb.append(", ").append(num(minutes)).append(" min").toString();
        }

        private static String num(double v) {
            return NumberText.format(v);
        }
    }

    /** What a check expects of its ratio. */
    public enum Expectation {
        /** A rise of at least 20%: ratio &gt;= 1.2. */
        UP("up >= 20%"),
        /** A fall of at least 20%: ratio &lt;= 0.8. */
        DOWN("down >= 20%"),
        /** A strong fall: ratio &lt;= 0.2. */
        STRONG_DOWN("down >= 80%"),
        /** A partial fall: 0.2 &lt; ratio &lt;= 0.8. */
        PARTIAL_DOWN("down 20-80%"),
        /** No fall of 20% or more: ratio &gt; 0.8. */
        NOT_DOWN("not down by 20%"),
        /** No rise of 20% or more: ratio &lt; 1.2. */
        NOT_UP("not up by 20%");

        private final String words;

        Expectation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** @return whether a ratio meets the expectation (NaN never does) */
        public boolean test(double ratio) {
            if (Double.isNaN(ratio)) {
                return false;
            }
            return switch (this) {
                case UP -> ratio >= 1 + MIN_EFFECT;
                case DOWN -> ratio <= 1 - MIN_EFFECT;
                case STRONG_DOWN -> ratio <= MIN_EFFECT;
                case PARTIAL_DOWN -> ratio > MIN_EFFECT && ratio <= 1 - MIN_EFFECT;
                case NOT_DOWN -> ratio > 1 - MIN_EFFECT;
                case NOT_UP -> ratio < 1 + MIN_EFFECT;
            };
        }
    }

    /**
     * One comparison. The ratio is readout(treated) / readout(reference); when
     * {@code versus} is set, that ratio is divided by the versus check's ratio.
     *
     * @param readout the readout id
     * @param treated the treated condition
     * @param reference the reference condition
     * @param expectation what the ratio must show
     * @param versus a second fold change to compare with, or null
     */
    public record Check(String readout, Condition treated, Condition reference, Expectation expectation, Check versus) {

        /** A plain fold change check. */
        public static Check of(String readout, Condition treated, Condition reference, Expectation expectation) {
            return new Check(readout, treated, reference, expectation, null);
        }

        /** A check that compares this fold change with another: ratio = fold(this) / fold(other). */
        public static Check compare(String readout, Condition treated, Condition reference, Expectation expectation,
                String otherReadout, Condition otherTreated, Condition otherReference) {
            return new Check(readout, treated, reference, expectation,
                    new Check(otherReadout, otherTreated, otherReference, expectation, null));
        }

        /** @return the protocol in words */
        public String describe() {
            String s = readout + ": " + treated.describe() + " vs " + reference.describe();
            return versus == null ? s : s + ", relative to " + versus.describe();
        }
    }
}
