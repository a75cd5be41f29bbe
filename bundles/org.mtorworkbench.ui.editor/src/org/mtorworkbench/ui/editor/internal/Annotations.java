package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;

import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.CVTerm.Qualifier;
import org.sbml.jsbml.SBase;

/**
 * MIRIAM annotations (controlled-vocabulary terms) as one line of text:
 * {@code is: https://identifiers.org/uniprot/P31749; hasPart: urn:miriam:chebi:CHEBI%3A15422 ...}.
 * Qualifiers are the BioModels qualifiers' element names ({@code is}, {@code hasPart},
 * {@code isVersionOf}, ...); model qualifiers are written {@code model:is}, {@code model:isDerivedFrom}.
 */
public final class Annotations {

    /** The metaid and terms of an element, as a value an operation can set and set back. */
    public record Value(String metaId, List<CVTerm> terms) {
        public Value {
            terms = terms.stream().map(CVTerm::clone).toList();
        }
    }

    private Annotations() {
    }

    /** @return the element's metaid and a copy of its terms */
    static Value of(SBase s) {
        return new Value(s.isSetMetaId() ? s.getMetaId() : null, s.getCVTerms());
    }

    /** Replaces the element's terms (and metaid) by copies of the value's. */
    static void apply(SBase s, Value v) {
        s.unsetCVTerms();
        if (v.metaId() == null) {
            if (s.isSetMetaId()) {
                s.unsetMetaId();
            }
        } else if (!v.metaId().equals(s.getMetaId())) {
            s.setMetaId(v.metaId());
        }
        v.terms().forEach(t -> s.addCVTerm(t.clone()));
    }

    /** @return the terms as one line */
    public static String format(List<CVTerm> terms) {
        List<String> parts = new ArrayList<>();
        for (CVTerm t : terms) {
            Qualifier q = t.getQualifier();
            String name = q == null ? "unknown" : (q.isModelQualifier() ? "model:" : "") + q.getElementNameEquivalent();
            parts.add(name + ": " + String.join(" ", t.getResources()));
        }
        return String.join("; ", parts);
    }

    /**
     * Parses the one-line form.
     *
     * @throws IllegalArgumentException naming the part at fault
     */
    public static List<CVTerm> parse(String text) {
        List<CVTerm> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("'" + part.trim() + "' needs the form 'qualifier: URI URI ...'"
                        + " (for example 'is: https://identifiers.org/uniprot/P31749')");
            }
            String q = part.substring(0, colon).trim();
            boolean modelQ = q.startsWith("model:");
            String name = modelQ ? q.substring(6) : q;
            Qualifier qualifier = modelQ ? Qualifier.getModelQualifierFor(name) : Qualifier.getBiologicalQualifierFor(name);
            if (qualifier == null || qualifier == Qualifier.BQB_UNKNOWN || qualifier == Qualifier.BQM_UNKNOWN
                    || !qualifier.getElementNameEquivalent().equals(name)) {
                throw new IllegalArgumentException("'" + q + "' is not a BioModels qualifier such as is, hasPart,"
                        + " isVersionOf, isDescribedBy or model:isDerivedFrom");
            }
            String[] uris = part.substring(colon + 2).trim().split("\\s+");
            if (uris.length == 0 || uris[0].isEmpty()) {
                throw new IllegalArgumentException("'" + q + "' has no URI; give one such as https://identifiers.org/uniprot/P31749");
            }
            for (String u : uris) {
                if (!u.matches("(https?://|urn:)\\S+")) {
                    throw new IllegalArgumentException("'" + u + "' is not a URI (identifiers.org URL or urn:miriam:...)");
                }
            }
            out.add(new CVTerm(modelQ ? CVTerm.Type.MODEL_QUALIFIER : CVTerm.Type.BIOLOGICAL_QUALIFIER, qualifier, uris));
        }
        return out;
    }
}
