package org.mtorworkbench.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.ext.layout.Layout;

/** Models without a layout are laid out by ELK, and the layout is kept in the document. */
class AutoLayoutTest {

    @TempDir
    Path tmp;

    static final String TWO_COMPARTMENTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="akt_cycle">
                <listOfCompartments>
                  <compartment id="cyt" name="cytosol" size="1" constant="true"/>
                  <compartment id="nuc" name="nucleus" size="1" constant="true"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="Akt" sboTerm="SBO:0000245" compartment="cyt" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="pAkt" sboTerm="SBO:0000245" compartment="cyt" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="ATP" sboTerm="SBO:0000247" compartment="cyt" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="PDK1" sboTerm="SBO:0000245" compartment="cyt" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="PTEN" sboTerm="SBO:0000245" compartment="cyt" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="FOXO" sboTerm="SBO:0000245" compartment="nuc" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfReactions>
                  <reaction id="phos" reversible="false">
                    <listOfReactants><speciesReference id="phos_s" species="Akt" stoichiometry="1" constant="true"/>
                      <speciesReference id="phos_atp" species="ATP" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts><speciesReference id="phos_p" species="pAkt" stoichiometry="1" constant="true"/></listOfProducts>
                    <listOfModifiers><modifierSpeciesReference species="PDK1" sboTerm="SBO:0000013"/>
                      <modifierSpeciesReference species="PTEN" sboTerm="SBO:0000020"/></listOfModifiers>
                  </reaction>
                  <reaction id="dephos" reversible="false">
                    <listOfReactants><speciesReference species="pAkt" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts><speciesReference species="Akt" stoichiometry="1" constant="true"/></listOfProducts>
                  </reaction>
                  <reaction id="foxo_export" reversible="false">
                    <listOfReactants><speciesReference species="FOXO" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfModifiers><modifierSpeciesReference species="pAkt" sboTerm="SBO:0000459"/></listOfModifiers>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    private SBMLDocument read(String xml) throws Exception {
        Path f = tmp.resolve("m.xml");
        Files.writeString(f, xml);
        return new SbmlReader().read(f);
    }

    @Test
    void aModelWithoutLayoutGetsOneWithAGlyphForEveryElement() throws Exception {
        SBMLDocument doc = read(TWO_COMPARTMENTS);
        Model m = doc.getModel();
        assertTrue(AutoLayout.layouts(m).isEmpty());
        Layout l = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
        assertEquals(AutoLayoutOptions.DEFAULT_LAYOUT_ID, l.getId());
        assertEquals(m.getSpeciesCount(), l.getSpeciesGlyphCount());
        assertEquals(m.getReactionCount(), l.getReactionGlyphCount());
        assertEquals(2, l.getCompartmentGlyphCount());
        assertEquals(l, AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS), "a second call lays out again");

        Diagram d = Diagram.of(l);
        assertEquals(1, d.count(GlyphKind.SIMPLE_CHEMICAL));
        assertEquals(5, d.count(GlyphKind.MACROMOLECULE));
        assertEquals(1, d.count(GlyphKind.SOURCE_SINK), "the export reaction has no product: a sink");
        assertEquals(List.of(ArcKind.CONSUMPTION, ArcKind.CONSUMPTION, ArcKind.PRODUCTION, ArcKind.CATALYSIS,
                ArcKind.INHIBITION), d.arcs().stream().filter(a -> a.processId().equals("rg_phos")).map(ArcFigure::kind).toList());
        assertNoOverlaps(d);
        // species lie inside their compartment's glyph
        NodeFigure nuc = d.node("cg_nuc").orElseThrow();
        assertTrue(nuc.bounds().contains(d.node("sg_FOXO").orElseThrow().bounds()));
        NodeFigure cyt = d.node("cg_cyt").orElseThrow();
        assertTrue(cyt.bounds().contains(d.node("sg_Akt").orElseThrow().bounds()));
    }

    @Test
    void theLayoutIsSavedWithTheDocument() throws Exception {
        SBMLDocument doc = read(TWO_COMPARTMENTS);
        Diagram before = Diagram.of(AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS));
        Path saved = tmp.resolve("saved.xml");
        new SBMLWriter().write(doc, saved.toFile());
        SBMLDocument again = new SbmlReader().read(saved);
        Layout l = AutoLayout.find(again.getModel(), AutoLayoutOptions.DEFAULT_LAYOUT_ID).orElseThrow();
        Diagram after = Diagram.of(l);
        assertEquals(before.nodes(), after.nodes());
        assertEquals(before.arcs(), after.arcs());
    }

    @Test
    void anExistingLayoutIdIsNotReused() throws Exception {
        SBMLDocument doc = read(TWO_COMPARTMENTS);
        Layout a = AutoLayout.create(doc, AutoLayoutOptions.DEFAULTS);
        Layout b = AutoLayout.create(doc, AutoLayoutOptions.DEFAULTS.withNodeSpacing(40));
        assertFalse(a.getId().equals(b.getId()));
        assertEquals(2, AutoLayout.layouts(doc.getModel()).size());
    }

    static void assertNoOverlaps(Diagram d) {
        List<NodeFigure> nodes = d.nodes().stream().filter(n -> n.kind() != GlyphKind.COMPARTMENT
                && n.kind() != GlyphKind.SOURCE_SINK).toList();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).bounds().intersects(nodes.get(j).bounds()),
                        nodes.get(i).id() + " overlaps " + nodes.get(j).id());
            }
        }
    }
}
