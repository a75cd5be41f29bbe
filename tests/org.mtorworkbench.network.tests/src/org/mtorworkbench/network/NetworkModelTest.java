package org.mtorworkbench.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.ModelSummary;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;

/** The built-in network honours its contract: ids, units, annotations, SBO terms. */
class NetworkModelTest {

    private static final Set<String> MODIFIER_SBO = Set.of(13, 459, 20).stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.toSet());

    private final SBMLDocument doc = NetworkModel.newDocument();
    private final Model m = doc.getModel();

    @Test
    void hasTheEntitiesOfTheReview() {
        assertEquals(3, doc.getLevel());
        assertEquals(2, doc.getVersion());
        assertEquals("minute", m.getTimeUnits());
        for (String id : List.of("RTK", "IRS1", "pIRS1_S", "PI3K", "PIP2", "PIP3", "PTEN", "PDK1", "pAkt_T308",
                "pAkt_S473", "TSC1", "TSC2", "RhebGTP", "PRAS40", "mTORC1", "mTORC2", "FKBP12", "S6K1", "pS6",
                "p4EBP1", "eIF4E_free", "Mnk", "RasGTP", "pRaf", "pMEK", "pERK", "pRSK", "AMPK_active", "LKB1", "REDD1",
                "RagGTP", "p53_active", "pPKCa", "pSGK1", "CyclinD1", "cMyc", "HIF1a", "VEGF", "proliferation",
                "apoptosis")) {
            assertNotNull(m.getSpecies(id), "missing species " + id);
        }
        assertTrue(m.getReactionCount() >= 60, "reactions: " + m.getReactionCount());
    }

    @Test
    void everyContractIdExists() {
        for (String in : NetworkModel.INPUTS) {
            Parameter p = m.getParameter(in);
            assertNotNull(p, "input " + in);
            assertTrue(p.getConstant(), in + " must be a settable constant parameter");
        }
        assertEquals(1, m.getParameter("GF").getValue());
        assertEquals(1, m.getParameter("aminoacids").getValue());
        assertEquals(0, m.getParameter("energy_stress").getValue());
        for (String r : NetworkModel.READOUTS) {
            boolean species = m.getSpecies(r) != null;
            boolean ruled = m.getRuleByVariable(r) instanceof AssignmentRule;
            assertTrue(species || ruled, "readout " + r + " is neither a species nor a rule-assigned parameter");
        }
    }

    @Test
    void everySpeciesReactionAndModifierCarriesSboAndEveryProteinAUniProtId() {
        List<String> problems = new ArrayList<>();
        for (Species s : m.getListOfSpecies()) {
            if (!s.isSetSBOTerm()) {
                problems.add("species " + s.getId() + " has no SBO term");
            }
            boolean phenotype = s.getSBOTerm() == 358;
            List<String> uris = new ArrayList<>();
            for (CVTerm t : s.getCVTerms()) {
                uris.addAll(t.getResources());
            }
            if (!phenotype && uris.stream().noneMatch(u -> u.contains("uniprot:") || u.contains("CHEBI:"))) {
                problems.add("species " + s.getId() + " has no UniProt or ChEBI annotation");
            }
        }
        for (Reaction r : m.getListOfReactions()) {
            if (!r.isSetSBOTerm()) {
                problems.add("reaction " + r.getId() + " has no SBO term");
            }
            for (ModifierSpeciesReference mod : r.getListOfModifiers()) {
                if (!MODIFIER_SBO.contains(String.valueOf(mod.getSBOTerm()))) {
                    problems.add("modifier " + mod.getSpecies() + " of " + r.getId() + " has SBO " + mod.getSBOTerm());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyParameterStatesItsSource() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Parameter p : m.getListOfParameters()) {
            if (!p.isSetNotes() || p.getNotesString().isBlank()) {
                missing.add(p.getId());
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The document as a user gets it from a file: written, then parsed. */
    private SBMLDocument writtenAndRead() throws Exception {
        byte[] xml = new org.mtorworkbench.sbml.SbmlWriter().toBytes(doc, "builtin:mtor");
        // Kept for inspection with other tools (COPASI, CellDesigner, libSBML).
        java.nio.file.Files.write(org.mtorworkbench.tests.support.SharedData.outputDir("models").resolve("builtin-mtor.xml"),
                xml);
        return new SbmlReader().read(xml, "builtin:mtor");
    }

    @Test
    void writesAndReadsBackWithoutLoss() throws Exception {
        SBMLDocument back = writtenAndRead();
        ModelSummary a = ModelSummary.of(doc);
        ModelSummary b = ModelSummary.of(back);
        assertEquals(a, b);
        assertEquals(m.getSpecies("mTORC1").getCVTerm(0).getResources(),
                back.getModel().getSpecies("mTORC1").getCVTerm(0).getResources());
    }

    @Test
    void jsbmlFindsNoConsistencyErrors() throws Exception {
        // Validated as parsed from a file: some layout rules count the XML elements read.
        SBMLDocument doc = writtenAndRead();
        doc.setConsistencyChecks(org.sbml.jsbml.validator.SBMLValidator.CHECK_CATEGORY.UNITS_CONSISTENCY, false);
        int errors = doc.checkConsistencyOffline();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < doc.getErrorCount(); i++) {
            var e = doc.getError(i);
            if (e.isError() || e.isFatal()) {
                messages.add(e.getCode() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), messages, errors + " problems");
    }

    @Test
    void carriesADiagramWithEverySpeciesAndReaction() {
        ModelSummary s = ModelSummary.of(doc);
        assertTrue(s.hasLayout());
        assertTrue(s.packages().containsAll(List.of("layout", "render")), s.packages().toString());
        var layout = ((org.sbml.jsbml.ext.layout.LayoutModelPlugin) m.getPlugin("layout")).getLayout(0);
        assertEquals(m.getSpeciesCount(), layout.getSpeciesGlyphCount());
        assertEquals(m.getReactionCount(), layout.getReactionGlyphCount());
        assertEquals(m.getCompartmentCount(), layout.getCompartmentGlyphCount());
        var receptor = layout.getSpeciesGlyph("sg_RTK").getBoundingBox().getPosition();
        var outputs = layout.getSpeciesGlyph("sg_proliferation").getBoundingBox().getPosition();
        assertTrue(receptor.getY() < outputs.getY(), "the receptor is drawn above the outputs");
    }

    @Test
    void builtinReferenceOpensAFreshDocument() {
        SBMLDocument a = BuiltinModels.open("builtin:mtor").orElseThrow();
        SBMLDocument b = BuiltinModels.open("builtin:mtor").orElseThrow();
        a.getModel().getParameter("GF").setValue(0);
        assertEquals(1, b.getModel().getParameter("GF").getValue(), "documents must not share state");
        assertFalse(BuiltinModels.open("builtin:nope").isPresent());
    }
}
