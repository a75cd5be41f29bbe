package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.SBMLDocument;

/**
 * Hostile input, in bulk: thousands of mutated test-suite files (truncations, byte flips,
 * deleted and duplicated elements, random attributes, broken numbers and references) go
 * through read, validate and write. Nothing but {@link SbmlException} may escape, and no
 * variant may take longer than a bound.
 */
class FuzzTest {

    private static final long SEED = 20261127L;
    private static final int VARIANTS_PER_FILE = 12;
    private static final int FILE_STRIDE = 7;
    private static final long SECONDS_PER_VARIANT = 10;

    private static final Pattern ELEMENT = Pattern.compile("<([A-Za-z]+)\\b[^<>]*?(/>|>[^<]*</\\1>)");
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z]+)\\b");
    private static final Pattern NUMBER = Pattern.compile("\"-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?\"");
    private static final Pattern ID_REF = Pattern.compile("(species|compartment|variable|symbol)=\"[^\"]*\"");
    private static final String[] JUNK = { "NaN", "INF", "-1e999", "", "&amp;", "x y", "\u00e9t\u00e9", "0x1F",
        "SBO:9999999", "true", "-0", "1e-400" };

    @Test
    void mutatedTestSuiteFilesOnlyEverRaiseSbmlException() throws Exception {
        List<Path> files = RoundTripTest.testSuiteCases();
        Random random = new Random(SEED);
        int variants = 0;
        int refused = 0;
        int accepted = 0;
        List<String> escapes = new ArrayList<>();
        ExecutorService exec = Executors.newSingleThreadExecutor(daemon());
        try {
            for (int i = 0; i < files.size(); i += FILE_STRIDE) {
                Path f = files.get(i);
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (int v = 0; v < VARIANTS_PER_FILE; v++) {
                    int kind = v % 8;
                    byte[] mutated = mutate(text, kind, random);
                    String name = f.getFileName() + "#" + v + "(" + KINDS[kind] + ")";
                    variants++;
                    Future<Boolean> result = exec.submit(() -> exercise(mutated, name));
                    try {
                        if (result.get(SECONDS_PER_VARIANT, TimeUnit.SECONDS)) {
                            accepted++;
                        } else {
                            refused++;
                        }
                    } catch (TimeoutException e) {
                        result.cancel(true);
                        escapes.add(name + ": took longer than " + SECONDS_PER_VARIANT + " s");
                        exec.shutdownNow();
                        exec = Executors.newSingleThreadExecutor(daemon());
                    } catch (java.util.concurrent.ExecutionException e) {
                        escapes.add(name + ": " + e.getCause());
                    }
                }
            }
        } finally {
            exec.shutdownNow();
        }
        System.out.println("[fuzz] " + variants + " variants of " + (files.size() + FILE_STRIDE - 1) / FILE_STRIDE
                + " test-suite files: " + refused + " refused with SbmlException, " + accepted
                + " read, validated and written; " + escapes.size() + " escaped or hung");
        assertTrue(variants >= 3000, "variants: " + variants);
        assertEquals(List.of(), escapes);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        };
    }

    /** @return true when the variant was read (and then validated and written), false when refused */
    private static boolean exercise(byte[] content, String name) {
        SBMLDocument doc;
        try {
            doc = new SbmlReader().read(content, name);
        } catch (SbmlException e) {
            assertTrue(e.getMessage().startsWith(name), "message does not name the input: " + e.getMessage());
            return false;
        }
        new SbmlValidator().withJsbmlChecks(false).validate(doc);
        ModelSummary.of(doc);
        for (SbmlTarget t : SbmlTarget.values()) {
            try {
                new SbmlWriter().withTarget(t).toBytes(doc, name);
            } catch (SbmlException e) {
                // A refusal is a correct answer for a mutated model.
            }
        }
        return true;
    }

    private static final String[] KINDS = { "truncate", "flip bytes", "delete element", "duplicate element",
        "random attribute", "break a number", "break a reference", "splice garbage" };

    static byte[] mutate(String text, int kind, Random r) {
        String out;
        switch (kind) {
            case 0 -> out = text.substring(0, r.nextInt(Math.max(1, text.length())));
            case 1 -> {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                int flips = 1 + r.nextInt(6);
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2 -> out = editElement(text, r, false);
            case 3 -> out = editElement(text, r, true);
            case 4 -> {
                List<Integer> tags = positions(START_TAG.matcher(text), 0);
                int at = tags.get(r.nextInt(tags.size()));
                int end = text.indexOf(' ', at);
                int close = text.indexOf('>', at);
                int insert = end > 0 && end < close ? end : close;
                String[] names = { "id", "compartment", "species", "value", "size", "sboTerm", "metaid", "level",
                    "xmlns", "constant", "stoichiometry", "variable" };
                out = text.substring(0, insert) + " " + names[r.nextInt(names.length)] + "=\""
                        + JUNK[r.nextInt(JUNK.length)] + "\"" + text.substring(insert);
            }
            case 5 -> out = replaceOne(NUMBER.matcher(text), text, r, "\"" + JUNK[r.nextInt(JUNK.length)] + "\"");
            case 6 -> out = replaceOne(ID_REF.matcher(text), text, r, "species=\"nowhere_" + r.nextInt(100) + "\"");
            default -> {
                int at = r.nextInt(text.length());
                String[] garbage = { "<", "&", "]]>", "<!--", "\u0000", "<apply><plus/>", "</model>", "&#xFFFF;" };
                out = text.substring(0, at) + garbage[r.nextInt(garbage.length)] + text.substring(at);
            }
        }
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static List<int[]> spans(Matcher m) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] { m.start(), m.end() });
        }
        return spans;
    }

    private static String editElement(String text, Random r, boolean duplicate) {
        List<int[]> spans = spans(ELEMENT.matcher(text));
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        String el = text.substring(s[0], s[1]);
        return text.substring(0, s[0]) + (duplicate ? el + el : "") + text.substring(s[1]);
    }

    private static String replaceOne(Matcher m, String text, Random r, String replacement) {
        List<int[]> spans = spans(m);
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + replacement + text.substring(s[1]);
    }

    private static List<Integer> positions(Matcher m, int group) {
        List<Integer> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.start(group));
        }
        return out;
    }
}
