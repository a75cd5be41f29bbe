package org.mtorworkbench.diagram.internal;

import static org.mtorworkbench.diagram.internal.CellDesignerXml.find;
import static org.mtorworkbench.diagram.internal.CellDesignerXml.first;
import static org.mtorworkbench.diagram.internal.CellDesignerXml.nonRdf;
import static org.mtorworkbench.diagram.internal.CellDesignerXml.text;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mtorworkbench.diagram.ArcKind;
import org.mtorworkbench.diagram.GlyphKind;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.xml.XMLNode;

/**
 * How CellDesigner 4 draws a diagram, from its annotations: for each species or complex
 * alias the glyph of its species' {@code celldesigner:class}, the colour of its
 * {@code usualView}'s {@code paint} and whether its species is a homodimer; for each reaction
 * the colour and width of its line ({@code celldesigner:line}) and of each modification's line,
 * and each modification's arc (catalysis, inhibition, stimulation, modulation).
 * Read-only: the annotations stay as they are. Glyphs of the layout made from a CellDesigner
 * diagram are named after the aliases, which is how the layout reader finds them here.
 */
final class CellDesignerLook {

    /**
     * How one alias is drawn.
     *
     * @param name the name of an included species (a member of a complex, not an SBML species), else null
     */
    record Alias(GlyphKind kind, Color fill, int multimer, String name) {
    }

    /** A line's colour and width. */
    record Line(Color colour, float width) {
    }

    private final Map<String, Alias> aliases = new HashMap<>();
    private final Map<String, Line> reactionLines = new HashMap<>();
    /** by reaction id + ' ' + modifier alias id */
    private final Map<String, Line> modificationLines = new HashMap<>();
    /** by reaction id + ' ' + modifier alias id */
    private final Map<String, ArcKind> modificationKinds = new HashMap<>();

    private CellDesignerLook() {
    }

    /** @return the look of the model's CellDesigner diagram, if its annotation holds one */
    static Optional<CellDesignerLook> of(Model model) {
        XMLNode top = model == null ? null : nonRdf(model);
        if (top == null || (find(top, "speciesAlias").isEmpty() && find(top, "complexSpeciesAlias").isEmpty())) {
            return Optional.empty();
        }
        CellDesignerLook look = new CellDesignerLook();
        Map<String, String> classes = new HashMap<>();
        Map<String, Integer> multimers = new HashMap<>();
        Map<String, String> includedNames = new HashMap<>();
        for (Species s : model.getListOfSpecies()) {
            identity(s.getId(), nonRdf(s), classes, multimers);
        }
        for (XMLNode included : find(top, "listOfIncludedSpecies")) {
            for (XMLNode s : find(included, "species")) {
                identity(s.getAttrValue("id"), s, classes, multimers);
                if (s.getAttrValue("id") != null && s.getAttrValue("name") != null) {
                    includedNames.put(s.getAttrValue("id"), s.getAttrValue("name"));
                }
            }
        }
        for (String element : new String[] { "speciesAlias", "complexSpeciesAlias" }) {
            for (XMLNode a : find(top, element)) {
                String id = a.getAttrValue("id");
                String species = a.getAttrValue("species");
                if (id == null || id.isEmpty()) {
                    continue;
                }
                GlyphKind kind = GlyphKind.ofCellDesignerClass(classes.get(species))
                        .orElse("complexSpeciesAlias".equals(element) ? GlyphKind.COMPLEX : GlyphKind.MACROMOLECULE);
                XMLNode usual = first(a, "usualView");
                XMLNode paint = usual == null ? null : first(usual, "paint");
                Color fill = paint == null ? null : colour(paint.getAttrValue("color"));
                look.aliases.put(id, new Alias(kind, fill, multimers.getOrDefault(species, 1),
                        includedNames.get(species)));
            }
        }
        for (Reaction r : model.getListOfReactions()) {
            XMLNode ann = nonRdf(r);
            if (ann == null) {
                continue;
            }
            find(ann, "line", "listOfModification").stream().findFirst().flatMap(CellDesignerLook::line)
                    .ifPresent(l -> look.reactionLines.put(r.getId(), l));
            for (XMLNode m : find(ann, "modification")) {
                String aliasList = m.getAttrValue("aliases");
                if (aliasList == null) {
                    continue;
                }
                XMLNode l = first(m, "line");
                ArcKind kind = modificationKind(m.getAttrValue("type"));
                for (String alias : aliasList.split(",")) {
                    String key = r.getId() + " " + alias.strip();
                    if (l != null) {
                        line(l).ifPresent(v -> look.modificationLines.put(key, v));
                    }
                    if (kind != null) {
                        look.modificationKinds.put(key, kind);
                    }
                }
            }
        }
        return Optional.of(look);
    }

    private static void identity(String id, XMLNode annotation, Map<String, String> classes, Map<String, Integer> multimers) {
        if (id == null || annotation == null) {
            return;
        }
        XMLNode identity = first(annotation, "speciesIdentity");
        if (identity == null) {
            return;
        }
        XMLNode cls = first(identity, "class");
        if (cls != null) {
            classes.put(id, text(cls));
        }
        XMLNode homodimer = first(identity, "homodimer");
        if (homodimer != null) {
            try {
                multimers.put(id, Math.max(1, Integer.parseInt(text(homodimer))));
            } catch (NumberFormatException e) {
                // not a count: drawn as one entity
            }
        }
    }

    /** @return the arc of a CellDesigner modification type, or null for one that has none */
    static ArcKind modificationKind(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "CATALYSIS", "UNKNOWN_CATALYSIS" -> ArcKind.CATALYSIS;
            case "INHIBITION", "UNKNOWN_INHIBITION" -> ArcKind.INHIBITION;
            case "PHYSICAL_STIMULATION", "TRIGGER" -> ArcKind.STIMULATION;
            case "MODULATION" -> ArcKind.MODULATION;
            default -> null;
        };
    }

    private static Optional<Line> line(XMLNode l) {
        Color c = colour(l.getAttrValue("color"));
        if (c == null) {
            return Optional.empty();
        }
        float width = 1;
        try {
            width = Float.parseFloat(l.getAttrValue("width"));
        } catch (NumberFormatException | NullPointerException e) {
            // CellDesigner's default width
        }
        return Optional.of(new Line(c, Float.isFinite(width) && width > 0 ? width : 1));
    }

    /** @return CellDesigner's {@code AARRGGBB} as a colour, or null when it is not one */
    static Color colour(String argb) {
        if (argb == null || !argb.matches("[0-9a-fA-F]{8}")) {
            return null;
        }
        long v = Long.parseLong(argb, 16);
        return new Color((int) (v >> 16 & 0xFF), (int) (v >> 8 & 0xFF), (int) (v & 0xFF), (int) (v >> 24 & 0xFF));
    }

    Optional<Alias> alias(String aliasId) {
        return Optional.ofNullable(aliases.get(aliasId));
    }

    Optional<Line> reactionLine(String reactionId) {
        return Optional.ofNullable(reactionLines.get(reactionId));
    }

    Optional<ArcKind> modificationKind(String reactionId, String aliasId) {
        return Optional.ofNullable(modificationKinds.get(reactionId + " " + aliasId));
    }

    Optional<Line> modificationLine(String reactionId, String aliasId) {
        return Optional.ofNullable(modificationLines.get(reactionId + " " + aliasId));
    }
}
