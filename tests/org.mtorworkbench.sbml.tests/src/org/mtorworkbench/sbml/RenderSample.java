package org.mtorworkbench.sbml;

import java.util.ArrayList;
import java.util.List;

import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.render.ColorDefinition;
import org.sbml.jsbml.ext.render.Ellipse;
import org.sbml.jsbml.ext.render.GlobalRenderInformation;
import org.sbml.jsbml.ext.render.HTextAnchor;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.LocalStyle;
import org.sbml.jsbml.ext.render.Rectangle;
import org.sbml.jsbml.ext.render.RelAbsVector;
import org.sbml.jsbml.ext.render.RenderGroup;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;
import org.sbml.jsbml.ext.render.RenderListOfLayoutsPlugin;
import org.sbml.jsbml.ext.render.Style;

/**
 * A small L3V1 model with a layout and render information of both kinds: global render
 * information (colour definitions, a style by role and glyph type with stroke, fill and
 * fonts) and a layout's local render information (styles by glyph id with strokes, fills,
 * fonts and shapes), as a diagram drawn in the workbench carries.
 */
final class RenderSample {

    private RenderSample() {
    }

    static SBMLDocument build() {
        SBMLDocument d = new SBMLDocument(3, 1);
        Model m = d.createModel("styled");
        Compartment c = m.createCompartment("cell");
        c.setConstant(true);
        c.setSize(1);
        c.setSpatialDimensions(3);
        for (String id : List.of("mTORC1", "S6K1")) {
            Species s = m.createSpecies(id, c);
            s.setHasOnlySubstanceUnits(false);
            s.setBoundaryCondition(false);
            s.setConstant(false);
            s.setInitialConcentration(1);
        }
        LayoutModelPlugin lmp = (LayoutModelPlugin) m.getPlugin("layout");
        Layout layout = lmp.createLayout("diagram");
        layout.createDimensions(400, 200, 0);
        layout.createCompartmentGlyph("cg_cell", "cell").createBoundingBox(380, 180, 0).createPosition(10, 10, 0);
        layout.createSpeciesGlyph("sg_mTORC1", "mTORC1").createBoundingBox(90, 40, 0).createPosition(40, 60, 0);
        layout.createSpeciesGlyph("sg_S6K1", "S6K1").createBoundingBox(90, 40, 0).createPosition(250, 60, 0);

        RenderListOfLayoutsPlugin gp = (RenderListOfLayoutsPlugin) lmp.getListOfLayouts().getPlugin("render");
        GlobalRenderInformation global = new GlobalRenderInformation("default_style", 3, 1);
        global.setProgramName("mTOR Workbench");
        gp.addGlobalRenderInformation(global);
        global.addColorDefinition(colour("kinase_fill", new java.awt.Color(0xff, 0xe0, 0xb0)));
        global.addColorDefinition(colour("outline", new java.awt.Color(0x20, 0x20, 0x20)));
        RenderGroup speciesGroup = new RenderGroup(3, 1);
        speciesGroup.setStroke("outline");
        speciesGroup.setStrokeWidth(1.5);
        speciesGroup.setFill("kinase_fill");
        speciesGroup.setFontFamily("sans-serif");
        speciesGroup.setFontSize(Short.valueOf((short) 11));
        speciesGroup.setTextAnchor(HTextAnchor.MIDDLE);
        Rectangle box = new Rectangle();
        box.setX(new RelAbsVector(0, 0));
        box.setY(new RelAbsVector(0, 0));
        box.setWidth(new RelAbsVector(0, 100));
        box.setHeight(new RelAbsVector(0, 100));
        box.setRx(new RelAbsVector(5, 0));
        box.setRy(new RelAbsVector(5, 0));
        speciesGroup.addElement(box);
        Style byType = new Style(3, 1, speciesGroup);
        byType.setId("species_style");
        byType.setTypeList(new ArrayList<>(List.of(Style.Type.SPECIESGLYPH)));
        byType.setRoleList(new ArrayList<>(List.of("species")));
        global.addStyle(byType);

        RenderLayoutPlugin rp = (RenderLayoutPlugin) layout.getPlugin("render");
        LocalRenderInformation local = rp.createLocalRenderInformation("mtor_style");
        local.setReferenceRenderInformation("default_style");
        local.addColorDefinition(colour("active_fill", new java.awt.Color(0xc0, 0xf0, 0xc0)));
        RenderGroup active = new RenderGroup(3, 1);
        active.setStroke("#800000");
        active.setStrokeWidth(2);
        active.setFill("active_fill");
        active.setFontFamily("serif");
        active.setFontSize(Short.valueOf((short) 14));
        active.setFontWeightBold(true);
        active.setFontStyleItalic(true);
        Ellipse e = active.createEllipse();
        e.setCx(new RelAbsVector(0, 50));
        e.setCy(new RelAbsVector(0, 50));
        e.setRx(new RelAbsVector(0, 50));
        e.setRy(new RelAbsVector(0, 50));
        LocalStyle byId = new LocalStyle(3, 1, active);
        byId.setId("mTORC1_style");
        byId.setIDList(new ArrayList<>(List.of("sg_mTORC1")));
        local.addLocalStyle(byId);
        RenderGroup wall = new RenderGroup(3, 1);
        wall.setStroke("outline");
        wall.setStrokeWidth(3);
        wall.setFill("none");
        LocalStyle compartment = new LocalStyle(3, 1, wall);
        compartment.setId("cell_style");
        compartment.setIDList(new ArrayList<>(List.of("cg_cell")));
        local.addLocalStyle(compartment);
        return d;
    }

    private static ColorDefinition colour(String id, java.awt.Color value) {
        ColorDefinition cd = new ColorDefinition(id, 3, 1);
        cd.setValue(value);
        return cd;
    }
}
