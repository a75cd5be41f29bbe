package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.comp.CompConstants;
import org.sbml.jsbml.ext.comp.CompModelPlugin;
import org.sbml.jsbml.ext.comp.CompSBMLDocumentPlugin;
import org.sbml.jsbml.ext.comp.Submodel;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.render.ColorDefinition;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.RenderConstants;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;
import org.sbml.jsbml.xml.parsers.ParserManager;

/**
 * JSBML runs inside OSGi as one bundle: core plus the package fragments. A document using
 * layout and render, and one using comp, are written and parsed back with their package
 * content intact (this fails if the package parsers are not found at run time).
 */
class JsbmlPackagesInOsgiTest {

    private static Model newModel(SBMLDocument doc) {
        Model m = doc.createModel("m");
        Compartment c = m.createCompartment("cell");
        c.setSize(1);
        c.setConstant(true);
        c.setSpatialDimensions(3);
        Species s = m.createSpecies("Akt", c);
        s.setInitialConcentration(1.5);
        s.setHasOnlySubstanceUnits(false);
        s.setBoundaryCondition(false);
        s.setConstant(false);
        return m;
    }

    private static String write(SBMLDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = Thread.currentThread();
        ClassLoader prev = t.getContextClassLoader();
        t.setContextClassLoader(ParserManager.class.getClassLoader());
        try {
            new SBMLWriter().write(doc, out);
        } finally {
            t.setContextClassLoader(prev);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void layoutAndRenderSurviveWriteAndParse() throws Exception {
        SBMLDocument doc = new SBMLDocument(3, 1);
        Model m = newModel(doc);
        LayoutModelPlugin lmp = (LayoutModelPlugin) m.getPlugin(LayoutConstants.shortLabel);
        Layout layout = lmp.createLayout("diagram");
        layout.createDimensions(400, 300, 0);
        SpeciesGlyph g = layout.createSpeciesGlyph("glyph_Akt", "Akt");
        BoundingBox bb = g.createBoundingBox(80, 40, 0);
        bb.createPosition(10, 20, 0);
        RenderLayoutPlugin rlp = (RenderLayoutPlugin) layout.getPlugin(RenderConstants.shortLabel);
        LocalRenderInformation info = rlp.createLocalRenderInformation("style");
        info.addColorDefinition(new ColorDefinition("akt_red", Color.RED));

        String xml = write(doc);
        assertTrue(xml.contains("layout:speciesGlyph"), "layout was not written:\n" + xml);
        assertTrue(xml.contains("render:colorDefinition"), "render was not written:\n" + xml);

        SBMLDocument back = new SbmlReader().read(xml.getBytes(StandardCharsets.UTF_8), "layout-render.xml");
        Layout l2 = ((LayoutModelPlugin) back.getModel().getPlugin(LayoutConstants.shortLabel)).getLayout(0);
        assertEquals("diagram", l2.getId());
        SpeciesGlyph g2 = l2.getListOfSpeciesGlyphs().get(0);
        assertEquals("Akt", g2.getSpecies());
        assertEquals(10, g2.getBoundingBox().getPosition().getX(), 0);
        assertEquals(80, g2.getBoundingBox().getDimensions().getWidth(), 0);
        RenderLayoutPlugin r2 = (RenderLayoutPlugin) l2.getPlugin(RenderConstants.shortLabel);
        assertEquals(1, r2.getListOfLocalRenderInformation().size());
        assertEquals("akt_red", r2.getLocalRenderInformation(0).getListOfColorDefinitions().get(0).getId());

        ModelSummary s = ModelSummary.of(back);
        assertTrue(s.hasLayout());
        assertTrue(s.packages().contains("layout"), s.packages().toString());
        assertTrue(s.packages().contains("render"), s.packages().toString());
    }

    @Test
    void compSubmodelsSurviveWriteAndParse() throws Exception {
        SBMLDocument doc = new SBMLDocument(3, 1);
        Model m = newModel(doc);
        CompSBMLDocumentPlugin dp = (CompSBMLDocumentPlugin) doc.getPlugin(CompConstants.shortLabel);
        Model def = dp.createModelDefinition("pi3k_module");
        Compartment c = def.createCompartment("cyto");
        c.setConstant(true);
        c.setSize(1);
        CompModelPlugin mp = (CompModelPlugin) m.getPlugin(CompConstants.shortLabel);
        Submodel sub = mp.createSubmodel("pi3k");
        sub.setModelRef("pi3k_module");

        String xml = write(doc);
        assertTrue(xml.contains("comp:submodel"), "comp was not written:\n" + xml);

        SBMLDocument back = new SbmlReader().read(xml.getBytes(StandardCharsets.UTF_8), "comp.xml");
        CompSBMLDocumentPlugin dp2 = (CompSBMLDocumentPlugin) back.getPlugin(CompConstants.shortLabel);
        assertNotNull(dp2);
        assertEquals(1, dp2.getModelDefinitionCount());
        assertEquals("pi3k_module", dp2.getModelDefinition(0).getId());
        CompModelPlugin mp2 = (CompModelPlugin) back.getModel().getPlugin(CompConstants.shortLabel);
        assertEquals("pi3k_module", mp2.getSubmodel(0).getModelRef());
        assertTrue(ModelSummary.of(back).packages().contains("comp"));
    }
}
