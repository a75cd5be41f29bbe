package org.mtorworkbench.sbml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.SBasePlugin;

/**
 * The facts about a model that a modeller checks first: level and version, id, element
 * counts, which SBML packages it uses and whether it carries a diagram. Immutable.
 *
 * @param level SBML level
 * @param version SBML version within the level
 * @param modelId the model's id, empty when it has none
 * @param modelName the model's name, empty when it has none
 * @param compartments number of compartments
 * @param species number of species
 * @param reactions number of reactions
 * @param parameters number of global parameters
 * @param rules number of rules (assignment, rate and algebraic)
 * @param events number of events
 * @param functionDefinitions number of function definitions
 * @param initialAssignments number of initial assignments
 * @param packages SBML Level 3 packages the document declares (known to JSBML or not), sorted
 * @param hasLayout whether the model carries an SBML Layout (L3 package or L2 annotation)
 */
public record ModelSummary(int level, int version, String modelId, String modelName, int compartments,
        int species, int reactions, int parameters, int rules, int events, int functionDefinitions,
        int initialAssignments, List<String> packages, boolean hasLayout) {

    private static final String LAYOUT_PACKAGE = "layout";

    public ModelSummary {
        packages = List.copyOf(packages);
    }

    /** Summarises a document; a document without a model has zero counts. */
    public static ModelSummary of(SBMLDocument doc) {
        TreeSet<String> pkgs = new TreeSet<>();
        // Every L3 package a file declares has a "<prefix>:required" attribute on <sbml>,
        // including packages JSBML does not know.
        for (String attr : doc.getSBMLDocumentAttributes().keySet()) {
            if (attr.endsWith(":required")) {
                pkgs.add(attr.substring(0, attr.length() - ":required".length()));
            }
        }
        // Packages JSBML does not read lose their "required" attribute in JSBML: the reader noted them.
        if (doc.getUserObject(SbmlReader.SOURCE_KEY) instanceof org.mtorworkbench.sbml.internal.XmlPrescan.Root r) {
            pkgs.addAll(r.unknownPackages());
        }
        for (Map.Entry<String, SBasePlugin> e : doc.getExtensionPackages().entrySet()) {
            pkgs.add(shortName(e.getValue().getPackageName(), e.getKey()));
        }
        Model m = doc.getModel();
        if (m == null) {
            return new ModelSummary(doc.getLevel(), doc.getVersion(), "", "", 0, 0, 0, 0, 0, 0, 0, 0,
                    new ArrayList<>(pkgs), false);
        }
        for (Map.Entry<String, SBasePlugin> e : m.getExtensionPackages().entrySet()) {
            pkgs.add(shortName(e.getValue().getPackageName(), e.getKey()));
        }
        if (org.mtorworkbench.sbml.internal.L2RenderAnnotation.hasRender(m)) {
            pkgs.add("render"); // also when read from the L2 render annotation
        }
        boolean layout = pkgs.contains(LAYOUT_PACKAGE) && hasLayouts(m);
        return new ModelSummary(doc.getLevel(), doc.getVersion(), nz(m.getId()), nz(m.getName()),
                m.getCompartmentCount(), m.getSpeciesCount(), m.getReactionCount(), m.getParameterCount(),
                m.getRuleCount(), m.getEventCount(), m.getFunctionDefinitionCount(),
                m.getInitialAssignmentCount(), new ArrayList<>(pkgs), layout);
    }

    private static boolean hasLayouts(Model m) {
        SBasePlugin p = m.getExtension(LAYOUT_PACKAGE);
        return p instanceof org.sbml.jsbml.ext.layout.LayoutModelPlugin lp && lp.getLayoutCount() > 0;
    }

    private static String shortName(String packageName, String key) {
        return packageName != null && !packageName.isEmpty() ? packageName : key;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** @return the packages as an unmodifiable list (never null) */
    @Override
    public List<String> packages() {
        return Collections.unmodifiableList(packages);
    }
}
