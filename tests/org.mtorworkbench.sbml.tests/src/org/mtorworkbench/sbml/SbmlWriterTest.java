package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.sbml.SbmlException.Kind;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.render.GlobalRenderInformation;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.RenderGroup;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;
import org.sbml.jsbml.ext.render.RenderListOfLayoutsPlugin;

/** Writing: targets, conversion and refusal, atomic saves, layout and render in both forms, unknown packages. */
class SbmlWriterTest {

    private static final String L2_WITH_DEFAULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
              <model id="mtor_mini" name="mini">
                <notes><body xmlns="http://www.w3.org/1999/xhtml"><p>Akt phosphorylates TSC2.</p></body></notes>
                <annotation><tool:data xmlns:tool="http://example.org/other-tool" tool:colour="red"/></annotation>
                <listOfCompartments><compartment id="cell" size="1" outside="env"/><compartment id="env" size="10"/></listOfCompartments>
                <listOfSpecies>
                  <species id="Akt" compartment="cell" initialConcentration="1" sboTerm="SBO:0000252"/>
                  <species id="TSC2" compartment="cell" initialConcentration="2"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.1"/></listOfParameters>
                <listOfReactions>
                  <reaction id="r1" reversible="false">
                    <listOfReactants><speciesReference species="TSC2"/></listOfReactants>
                    <listOfProducts><speciesReference species="Akt" stoichiometry="2"/></listOfProducts>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><times/><ci>k</ci><ci>TSC2</ci></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    private static final String L3_WITH_PRIORITY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="pulse">
                <listOfParameters><parameter id="rapamycin" value="0" constant="false"/></listOfParameters>
                <listOfEvents>
                  <event id="dose" useValuesFromTriggerTime="true">
                    <trigger initialValue="false" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>10</cn></apply></math></trigger>
                    <priority><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></priority>
                    <listOfEventAssignments><eventAssignment variable="rapamycin"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>100</cn></math></eventAssignment></listOfEventAssignments>
                  </event>
                </listOfEvents>
              </model>
            </sbml>
            """;

    @TempDir
    Path tmp;

    private static SBMLDocument read(String xml) throws SbmlException {
        return new SbmlReader().read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    @Test
    void upConversionMakesL2DefaultsExplicitAndKeepsEverything() throws Exception {
        SBMLDocument doc = read(L2_WITH_DEFAULTS);
        for (SbmlTarget t : List.of(SbmlTarget.L3V1, SbmlTarget.L3V2)) {
            byte[] bytes = new SbmlWriter().withTarget(t).toBytes(doc, "mini");
            String xml = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(xml.contains("hasOnlySubstanceUnits=\"false\""), xml);
            assertTrue(xml.contains("tool:colour=\"red\""), "other tools' annotation lost:\n" + xml);
            SBMLDocument back = new SbmlReader().read(bytes, t.label());
            assertEquals(t.level(), back.getLevel());
            assertEquals(t.version(), back.getVersion());
            assertEquals(List.of(), ModelComparison.compare(doc, back));
            assertEquals(252, back.getModel().getSpecies("Akt").getSBOTerm());
            assertEquals(2, back.getModel().getReaction("r1").getProduct(0).getStoichiometry(), 0);
            // 'outside' has no L3 form: it travels in the workbench's annotation and comes back in L2.
            SBMLDocument l2 = new SbmlReader().read(new SbmlWriter().withTarget(SbmlTarget.L2V4).toBytes(back, "l2"),
                    "l2");
            assertEquals("env", l2.getModel().getCompartment("cell").getOutside());
            assertEquals(List.of(), ModelComparison.compare(doc, l2));
        }
        assertEquals(2, doc.getLevel(), "the writer must not modify the document it is given");
    }

    @Test
    void downConversionRefusesWhatL2CannotExpressAndNamesIt() throws Exception {
        SBMLDocument doc = read(L3_WITH_PRIORITY);
        SbmlException e = assertThrows(SbmlException.class,
                () -> new SbmlWriter().withTarget(SbmlTarget.L2V4).toBytes(doc, "pulse.xml"));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("pulse.xml: cannot convert to l2v4"), e.getMessage());
        assertTrue(e.getMessage().contains("event 'dose': event priority"), e.getMessage());
        assertTrue(e.getMessage().contains("initialValue=\"false\""), e.getMessage());
        assertTrue(e.getMessage().contains("2 constructs"), e.getMessage());
        // Up to L3V2 works, and the constructs survive.
        SBMLDocument v2 = new SbmlReader().read(new SbmlWriter().withTarget(SbmlTarget.L3V2).toBytes(doc, "p"), "p");
        assertEquals(List.of(), ModelComparison.compare(doc, v2));
    }

    @Test
    void theComparisonSeesChangedValuesMathAndAnnotations() throws Exception {
        SBMLDocument a = read(L2_WITH_DEFAULTS);
        SBMLDocument b = a.clone();
        b.getModel().getParameter("k").setValue(0.2);
        b.getModel().getReaction("r1").getKineticLaw().getMath().getChild(0).setName("Akt");
        b.getModel().getSpecies("Akt").setSBOTerm(253);
        List<String> diffs = ModelComparison.compare(a, b);
        assertEquals(3, diffs.size(), diffs.toString());
    }

    @Test
    void savesAreAtomicAndAFailedSaveLeavesTheOldFile() throws Exception {
        Path file = tmp.resolve("model.xml");
        SBMLDocument doc = read(L3_WITH_PRIORITY);
        new SbmlWriter().write(doc, file);
        byte[] before = Files.readAllBytes(file);
        assertEquals("pulse", new SbmlReader().read(file).getModel().getId());

        // A refused conversion writes nothing.
        SbmlException refused = assertThrows(SbmlException.class,
                () -> new SbmlWriter().withTarget(SbmlTarget.L2V4).write(doc, file));
        assertEquals(Kind.UNSUPPORTED, refused.kind());
        assertArrayEquals(before, Files.readAllBytes(file));

        // An I/O failure while moving into place (the target is a non-empty directory).
        Path dir = tmp.resolve("taken.xml");
        Files.createDirectories(dir.resolve("child"));
        SbmlException io = assertThrows(SbmlException.class, () -> new SbmlWriter().write(doc, dir));
        assertEquals(Kind.IO, io.kind());
        assertTrue(Files.isDirectory(dir.resolve("child")));

        // A directory that does not exist.
        SbmlException missing = assertThrows(SbmlException.class,
                () -> new SbmlWriter().write(doc, tmp.resolve("no/such/dir/m.xml")));
        assertEquals(Kind.IO, missing.kind());
        assertTrue(missing.getMessage().contains("previous file"), missing.getMessage());

        // Overwriting works and leaves no temporary files behind.
        new SbmlWriter().withTarget(SbmlTarget.L3V2).write(doc, file);
        assertEquals(2, new SbmlReader().read(file).getVersion());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("model.xml", "taken.xml"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void layoutIsWrittenAsTheL2AnnotationForL2AndThePackageForL3() throws Exception {
        SBMLDocument doc = read(L2_WITH_DEFAULTS);
        SBMLDocument l3 = new SbmlWriter().withTarget(SbmlTarget.L3V1).convert(doc, "mini");
        LayoutModelPlugin lmp = (LayoutModelPlugin) l3.getModel().getPlugin("layout");
        Layout layout = lmp.createLayout("diagram");
        layout.createDimensions(400, 300, 0);
        layout.createCompartmentGlyph("cg_cell", "cell").createBoundingBox(300, 200, 0).createPosition(5, 5, 0);
        layout.createSpeciesGlyph("sg_Akt", "Akt").createBoundingBox(80, 40, 0).createPosition(10, 20, 0);
        layout.createSpeciesGlyph("sg_TSC2", "TSC2").createBoundingBox(80, 40, 0).createPosition(200, 20, 0);
        // A reaction glyph and a species reference glyph with both a bounding box and a curve.
        org.sbml.jsbml.ext.layout.ReactionGlyph rg = layout.createReactionGlyph("rg_r1", "r1");
        rg.createBoundingBox(10, 10, 0).createPosition(140, 35, 0);
        org.sbml.jsbml.ext.layout.Curve rc = rg.createCurve();
        rc.addCurveSegment(segment(140, 40, 150, 40));
        org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph srg = rg.createSpeciesReferenceGlyph("srg_TSC2");
        srg.setSpeciesGlyph("sg_TSC2");
        srg.setSpeciesReferenceRole(org.sbml.jsbml.ext.layout.SpeciesReferenceRole.SUBSTRATE);
        srg.createBoundingBox(60, 5, 0).createPosition(140, 38, 0);
        srg.createCurve().addCurveSegment(segment(200, 40, 150, 40));

        String l2xml = new String(new SbmlWriter().withTarget(SbmlTarget.L2V4).toBytes(l3, "l2"), StandardCharsets.UTF_8);
        assertTrue(l2xml.contains("<listOfLayouts xmlns=\"http://projects.eml.org/bcb/sbml/level2\""), l2xml);
        assertFalse(l2xml.contains("level3/version1/layout"), "an L2 file must not use the L3 package:\n" + l2xml);
        SBMLDocument l2 = new SbmlReader().read(l2xml.getBytes(StandardCharsets.UTF_8), "l2");
        assertTrue(ModelSummary.of(l2).hasLayout());
        assertEquals(List.of(), ModelComparison.compare(l3, l2));

        org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph srgBack = ((LayoutModelPlugin) l2.getModel().getExtension("layout"))
                .getLayout(0).getReactionGlyph(0).getSpeciesReferenceGlyph(0);
        assertEquals(60, srgBack.getBoundingBox().getDimensions().getWidth(), 0);
        assertEquals(1, srgBack.getCurve().getCurveSegmentCount());
        assertEquals(200, srgBack.getCurve().getCurveSegment(0).getStart().getX(), 0);

        SBMLDocument back = new SbmlReader().read(new SbmlWriter().withTarget(SbmlTarget.L3V2).toBytes(l2, "l3"), "l3");
        assertEquals(List.of(), ModelComparison.compare(l3, back));
        assertTrue(ModelSummary.of(back).packages().contains("layout"));
    }

    private static org.sbml.jsbml.ext.layout.LineSegment segment(double x1, double y1, double x2, double y2) {
        org.sbml.jsbml.ext.layout.LineSegment s = new org.sbml.jsbml.ext.layout.LineSegment();
        s.createStart(x1, y1, 0);
        s.createEnd(x2, y2, 0);
        return s;
    }

    @Test
    void aDocumentInALevelTheWorkbenchDoesNotWriteNeedsATarget() throws Exception {
        SBMLDocument l1 = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level1" level="1" version="2">
                  <model name="old"><listOfCompartments><compartment name="c"/></listOfCompartments></model>
                </sbml>
                """);
        SbmlException e = assertThrows(SbmlException.class, () -> new SbmlWriter().toBytes(l1, "old.xml"));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("choose l2v4, l3v1 or l3v2"), e.getMessage());
        assertEquals(2, new SbmlReader().read(new SbmlWriter().withTarget(SbmlTarget.L2V4).toBytes(l1, "o"), "o")
                .getLevel());
    }

    /** An L3V1 file using a package the workbench does not know: elements and attributes at several levels. */
    static final String UNKNOWN_PACKAGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core"
                xmlns:foo="http://www.example.org/sbml/level3/version1/foo/version1" foo:required="false" level="3" version="1">
              <model id="m" foo:colour="blue">
                <notes><body xmlns="http://www.w3.org/1999/xhtml"><p>A note.</p></body></notes>
                <foo:listOfWidgets foo:kind="demo">
                  <foo:widget foo:id="w1" foo:size="2">text <foo:part foo:ref="p"/></foo:widget>
                  <foo:widget foo:id="w2"/>
                </foo:listOfWidgets>
                <listOfCompartments>
                  <compartment id="c" size="1" constant="true" spatialDimensions="3" foo:shape="sphere"/>
                </listOfCompartments>
                <listOfParameters foo:group="g1">
                  <parameter id="p" value="1" constant="true" foo:isSpatial="false">
                    <annotation><other xmlns="http://example.org/other-tool" colour="red"/></annotation>
                    <foo:extra foo:v="3"/>
                  </parameter>
                </listOfParameters>
                <bar:thing xmlns:bar="http://example.org/bar" bar:x="1"/>
              </model>
            </sbml>
            """;

    @Test
    void contentOfUnknownPackagesIsWrittenBackUnchangedInItsOwnLevel() throws Exception {
        SBMLDocument doc = read(UNKNOWN_PACKAGE);
        byte[] original = UNKNOWN_PACKAGE.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> parts = UnknownParts.of(original);
        assertEquals(5, parts.size(), parts.toString());
        byte[] written = new SbmlWriter().toBytes(doc, "foo.xml");
        assertEquals(parts, UnknownParts.of(written), new String(written, StandardCharsets.UTF_8));
        assertEquals(UnknownParts.order(original), UnknownParts.order(written), "unknown elements keep their place");
        assertFalse(new String(written, StandardCharsets.UTF_8).contains(org.mtorworkbench.sbml.internal.UnknownContent.NS), "nothing parked remains");
        // And again: a second round trip changes nothing.
        SBMLDocument back = new SbmlReader().read(written, "written");
        byte[] again = new SbmlWriter().toBytes(back, "again");
        assertEquals(parts, UnknownParts.of(again));
        assertEquals(List.of(), ModelComparison.compare(doc, back));
        assertEquals(List.of("foo"), ModelSummary.of(back).packages());
        assertEquals("red", back.getModel().getParameter("p").getAnnotation().getNonRDFannotation()
                .getChildElement("other", "http://example.org/other-tool").getAttrValue("colour"));
        // validate lists each kept construct, as information.
        List<SbmlProblem> problems = new SbmlValidator().withJsbmlChecks(false).validate(doc);
        assertEquals(8, problems.stream().filter(p -> p.message().startsWith("not interpreted, kept verbatim")).count(),
                problems.toString());
    }

    @Test
    void contentOfUnknownPackagesIsNotConvertedToAnotherLevelButRefused() throws Exception {
        SBMLDocument doc = read(UNKNOWN_PACKAGE);
        for (SbmlTarget t : List.of(SbmlTarget.L2V4, SbmlTarget.L3V2)) {
            SbmlException e = assertThrows(SbmlException.class, () -> new SbmlWriter().withTarget(t).toBytes(doc, "foo.xml"));
            assertEquals(Kind.UNSUPPORTED, e.kind());
            assertEquals(8, e.problems().size(), e.problems().toString());
            assertTrue(e.getMessage().contains("element <foo:listOfWidgets>"), e.getMessage());
            assertTrue(e.getMessage().contains("on line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("only L3V1 can hold it"), e.getMessage());
        }
        SbmlException cd = assertThrows(SbmlException.class, () -> new SbmlWriter().withCellDesigner(true).toBytes(doc, "f"));
        assertEquals(Kind.UNSUPPORTED, cd.kind());
    }

    @Test
    void unknownContentInsideMathCannotBeKeptAndIsRefused() throws Exception {
        SBMLDocument doc = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="m">
                    <listOfParameters><parameter id="p" value="1" constant="false"/></listOfParameters>
                    <listOfRules><assignmentRule variable="p"><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><plus/><cn>1</cn><cn xmlns:q="http://example.org/q" q:unit="mole">2</cn></apply>
                    </math></assignmentRule></listOfRules>
                  </model>
                </sbml>
                """);
        SbmlException e = assertThrows(SbmlException.class, () -> new SbmlWriter().toBytes(doc, "math.xml"));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("attribute q:unit on <cn>"), e.getMessage());
        assertTrue(e.getMessage().contains("on line 6"), e.getMessage());
        assertEquals(1, new SbmlValidator().withJsbmlChecks(false).validate(doc).stream()
                .filter(p -> p.message().startsWith("not read")).count());
    }

    @Test
    void renderTravelsAsTheL2RenderAnnotationAndBack() throws Exception {
        SBMLDocument l3 = new SbmlReader().read(new SbmlWriter().toBytes(RenderSample.build(), "styled"), "styled");
        String l2xml = new String(new SbmlWriter().withTarget(SbmlTarget.L2V4).toBytes(l3, "l2"), StandardCharsets.UTF_8);
        assertTrue(l2xml.contains("<listOfGlobalRenderInformation xmlns=\"http://projects.eml.org/bcb/sbml/render/level2\""),
                l2xml);
        assertTrue(l2xml.contains("<listOfRenderInformation xmlns=\"http://projects.eml.org/bcb/sbml/render/level2\""),
                l2xml);
        assertTrue(l2xml.contains("<renderInformation id=\"default_style\""), l2xml);
        assertFalse(l2xml.contains("/level3/"), "an L2 file must not use an L3 namespace:\n" + l2xml);

        SBMLDocument l2 = new SbmlReader().read(l2xml.getBytes(StandardCharsets.UTF_8), "l2");
        assertEquals(List.of(), ModelComparison.compare(l3, l2));
        Layout layout = ((LayoutModelPlugin) l2.getModel().getExtension("layout")).getLayout(0);
        LocalRenderInformation local = ((RenderLayoutPlugin) layout.getExtension("render"))
                .getListOfLocalRenderInformation().get(0);
        RenderGroup active = local.getListOfLocalStyles().get(0).getGroup();
        assertEquals("#800000", active.getStroke());
        assertEquals("active_fill", active.getFill());
        assertEquals("serif", active.getFontFamily());
        assertEquals(14, active.getFontSize().intValue());
        assertTrue(active.isFontWeightBold());
        assertTrue(active.isFontStyleItalic());
        GlobalRenderInformation global = ((RenderListOfLayoutsPlugin) ((LayoutModelPlugin) l2.getModel()
                .getExtension("layout")).getListOfLayouts().getExtension("render")).getListOfGlobalRenderInformation()
                .get(0);
        assertEquals("sans-serif", global.getListOfStyles().get(0).getGroup().getFontFamily());
        assertEquals(2, global.getListOfColorDefinitions().size());

        // Back up to L3 from L2: the same render information, as the L3 package.
        for (SbmlTarget t : List.of(SbmlTarget.L3V1, SbmlTarget.L3V2)) {
            byte[] up = new SbmlWriter().withTarget(t).toBytes(l2, "up");
            assertTrue(new String(up, StandardCharsets.UTF_8).contains("render:listOfGlobalRenderInformation"));
            assertEquals(List.of(), ModelComparison.compare(l3, new SbmlReader().read(up, "up")), t.label());
        }
        // The comparison does see a changed stroke.
        SBMLDocument changed = l2.clone();
        ((RenderLayoutPlugin) ((LayoutModelPlugin) changed.getModel().getExtension("layout")).getLayout(0)
                .getExtension("render")).getListOfLocalRenderInformation().get(0).getListOfLocalStyles().get(0)
                .getGroup().setStroke("#000000");
        assertEquals(1, ModelComparison.compare(l2, changed).size());
    }

    @Test
    void cellDesignerExportPlacesAliasesAtTheLayoutsGlyphs() throws Exception {
        SBMLDocument doc = new SbmlWriter().withTarget(SbmlTarget.L3V1).convert(read(L2_WITH_DEFAULTS), "mini");
        Layout layout = ((LayoutModelPlugin) doc.getModel().getPlugin("layout")).createLayout("diagram");
        layout.createDimensions(500, 300, 0);
        layout.createCompartmentGlyph("cg_cell", "cell").createBoundingBox(400, 200, 0).createPosition(10, 10, 0);
        layout.createSpeciesGlyph("sg_Akt", "Akt").createBoundingBox(90, 50, 0).createPosition(40, 60, 0);

        String xml = new String(new SbmlWriter().withCellDesigner(true).toBytes(doc, "cd"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("level=\"2\" version=\"4\""), xml);
        assertTrue(xml.contains("<celldesigner:compartmentAlias id=\"ca_cg_cell\" compartment=\"cell\">"), xml);
        assertTrue(xml.contains("<celldesigner:baseReactant species=\"TSC2\" alias=\"sa_TSC2\"/>"), xml);

        // Read back without the SBML layout annotation: the CellDesigner aliases alone give the diagram.
        String cdOnly = xml.replaceAll("(?s)<listOfLayouts xmlns=\"http://projects.eml.org/bcb/sbml/level2\".*?</listOfLayouts>",
                "");
        SBMLDocument back = new SbmlReader().read(cdOnly.getBytes(StandardCharsets.UTF_8), "cd");
        Layout drawn = ((LayoutModelPlugin) back.getModel().getExtension("layout")).getLayout(0);
        assertEquals("celldesigner_diagram", drawn.getId());
        org.sbml.jsbml.ext.layout.BoundingBox akt = drawn.getSpeciesGlyph("sa_sg_Akt").getBoundingBox();
        assertEquals(40, akt.getPosition().getX(), 0);
        assertEquals(60, akt.getPosition().getY(), 0);
        assertEquals(90, akt.getDimensions().getWidth(), 0);
        assertEquals(10, drawn.getCompartmentGlyph("ca_cg_cell").getBoundingBox().getPosition().getX(), 0);
        // TSC2 had no glyph: it is placed below the diagram.
        assertTrue(drawn.getSpeciesGlyph("sa_TSC2").getBoundingBox().getPosition().getY() >= 300);
        assertEquals(1, drawn.getReactionGlyphCount());
        assertEquals(List.of(), ModelComparison.compare(read(L2_WITH_DEFAULTS), back).stream()
                .filter(d -> !d.contains("annotation") && !d.contains("layout")).toList());
    }
}
