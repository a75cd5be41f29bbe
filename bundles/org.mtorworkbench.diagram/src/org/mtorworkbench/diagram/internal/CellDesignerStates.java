package org.mtorworkbench.diagram.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.xml.XMLNode;

import static org.mtorworkbench.diagram.internal.CellDesignerXml.find;
import static org.mtorworkbench.diagram.internal.CellDesignerXml.nonRdf;
import static org.mtorworkbench.diagram.internal.CellDesignerXml.text;

/**
 * The modification states CellDesigner 4 keeps for its species ({@code celldesigner:listOfModifications}
 * in a species' annotation, naming residues of the protein it refers to, whose names are in the
 * model's {@code celldesigner:listOfProteins}), as SBGN state variables such as {@code P@S473}.
 * Read-only: the CellDesigner annotations stay as they are.
 */
final class CellDesignerStates {

    /** CellDesigner's modification states and the SBGN abbreviations drawn for them. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("phosphorylated", "P"),
            Map.entry("acetylated", "Ac"), Map.entry("ubiquitinated", "Ub"), Map.entry("methylated", "Me"),
            Map.entry("hydroxylated", "OH"), Map.entry("glycosylated", "G"), Map.entry("myristoylated", "My"),
            Map.entry("palmytoylated", "Pa"), Map.entry("prenylated", "Pr"), Map.entry("protonated", "H"),
            Map.entry("sulfated", "S"), Map.entry("don't care", "*"), Map.entry("unknown", "?"));

    /** Residue names by protein id, then residue id. */
    private final Map<String, Map<String, String>> residues = new HashMap<>();

    CellDesignerStates(Model model) {
        XMLNode top = nonRdf(model);
        if (top == null) {
            return;
        }
        for (XMLNode protein : find(top, "protein")) {
            Map<String, String> names = new HashMap<>();
            for (XMLNode r : find(protein, "modificationResidue")) {
                String id = r.getAttrValue("id");
                String name = r.getAttrValue("name");
                if (id != null && !id.isEmpty()) {
                    names.put(id, name == null || name.isEmpty() ? id : name);
                }
            }
            String pid = protein.getAttrValue("id");
            if (pid != null && !pid.isEmpty()) {
                residues.put(pid, names);
            }
        }
    }

    /** @return the species' CellDesigner modification states as state variables, empty when it has none */
    List<String> of(SBase species) {
        XMLNode top = nonRdf(species);
        if (top == null) {
            return List.of();
        }
        List<XMLNode> identity = find(top, "speciesIdentity");
        if (identity.isEmpty()) {
            return List.of();
        }
        // The species' own identity (an included species of a complex has its own annotation).
        XMLNode id = identity.get(0);
        List<XMLNode> refs = find(id, "proteinReference");
        Map<String, String> names = refs.isEmpty() ? Map.of() : residues.getOrDefault(text(refs.get(0)), Map.of());
        List<String> out = new ArrayList<>();
        for (XMLNode m : find(id, "modification")) {
            String residue = m.getAttrValue("residue");
            String state = m.getAttrValue("state");
            if (residue == null || residue.isEmpty() || state == null || state.isEmpty() || "empty".equals(state)) {
                continue;
            }
            String site = names.getOrDefault(residue, residue);
            out.add(ABBREVIATIONS.getOrDefault(state, state) + "@" + site.replace(",", " "));
        }
        return out;
    }
}
