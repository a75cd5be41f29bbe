package org.mtorworkbench.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.AutoLayoutOptions;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.DiagramExport;
import org.mtorworkbench.diagram.DiagramPainter;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.diagram.StateVariables;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.SbmlValidator;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas.Decoration;
import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;

/**
 * The editing operations beyond move and delete: palette creations, property changes,
 * copy/paste, align, resize, re-layout of a selection. Each runs through an operation history
 * and must undo and redo exactly and save round-trip; plus the problem badges and the
 * colouring by a simulated time course.
 */
class EditingOperationsTest {

    @TempDir
    Path tmp;

    private SBMLDocument doc;
    private HistoryFixture fx;
    private List<PaletteEntry> palette;

    @BeforeEach
    void open() {
        doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        fx = new HistoryFixture(doc, tmp);
        palette = PaletteEntries.installed();
    }

    private PaletteEntry entry(String label) {
        return palette.stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no palette entry " + label + " in " + palette));
    }

    @Test
    void theWorkbenchPaletteComesFromTheExtensionPointOwnEntriesFirst() {
        List<String> labels = palette.stream().map(PaletteEntry::label).toList();
        assertEquals(List.of("Macromolecule", "Simple Chemical", "Complex", "Phenotype", "Unspecified Entity",
                "Compartment", "Reaction", "Consumption", "Production", "Catalysis", "Stimulation", "Inhibition"),
                labels.subList(0, 12));
        assertEquals(245, entry("Macromolecule").sboTerm());
        assertEquals(ElementKind.MODIFIER, entry("Inhibition").kind());
        assertEquals("org.mtorworkbench.ui.editor", entry("Catalysis").contributor());
    }

    @Test
    void eachSpeciesClassCreatesItsGlyphWithAUniqueId() throws Exception {
        int species = doc.getModel().getSpeciesCount();
        Set<String> ids = new HashSet<>();
        for (String label : List.of("Macromolecule", "Simple Chemical", "Complex", "Phenotype")) {
            InsertOperation op = new Creations(fx.layout).node(entry(label), 100, 100);
            fx.roundTrip(op);
            String glyph = op.glyphIds().get(0);
            SpeciesGlyph g = fx.layout.getSpeciesGlyph(glyph);
            Species s = doc.getModel().getSpecies(g.getSpecies());
            assertTrue(ids.add(s.getId()), "a second species got the id " + s.getId());
            assertEquals(entry(label).sboTerm(), s.getSBOTerm());
            NodeFigure n = Diagram.of(fx.layout).node(glyph).orElseThrow();
            assertEquals(GlyphKind.ofSpeciesSbo(entry(label).sboTerm()), n.kind());
            assertEquals(100, n.centerX(), 1e-9);
        }
        assertEquals(species + 4, doc.getModel().getSpeciesCount());
        // twice the same class: protein_1, protein_2
        InsertOperation again = new Creations(fx.layout).node(entry("Macromolecule"), 300, 100);
        fx.roundTrip(again);
        assertEquals("protein_2", fx.layout.getSpeciesGlyph(again.glyphIds().get(0)).getSpecies());
    }

    @Test
    void aReactionBetweenTwoSpeciesWithACatalystAndAnInhibitor() throws Exception {
        Reaction r = reaction("sg_PDK1", "sg_PTEN");
        assertEquals("PDK1", r.getReactant(0).getSpecies());
        assertEquals("PTEN", r.getProduct(0).getSpecies());
        assertEquals("k*PDK1", Formulas.toText(r.getKineticLaw().getMath()));
        String rg = fx.layout.getListOfReactionGlyphs().stream().filter(g -> r.getId().equals(g.getReaction())).findFirst()
                .orElseThrow().getId();
        fx.roundTrip(new Creations(fx.layout).arc(entry("Catalysis"), "sg_Akt_T308", rg));
        fx.roundTrip(new Creations(fx.layout).arc(entry("Inhibition"), rg, "sg_PTEN"));
        assertEquals(2, r.getModifierCount());
        ModifierSpeciesReference cat = r.getModifier(0);
        assertEquals(13, cat.getSBOTerm());
        Diagram d = Diagram.of(fx.layout);
        long arcs = d.arcs().stream().filter(a -> a.id().startsWith(rg)).count();
        assertEquals(4, arcs, "reactant, product, catalysis and inhibition arcs");
        assertThrows(IllegalArgumentException.class, () -> new Creations(fx.layout).arc(entry("Catalysis"), "sg_Akt_T308", rg),
                "a species is a modifier once");
        assertThrows(IllegalArgumentException.class, () -> new Creations(fx.layout).arc(entry("Catalysis"), "sg_PDK1", "sg_PTEN"),
                "an arc joins a species and a process");
        var problems = new SbmlValidator().validate(new SbmlReader().read(tmp.resolve("saved.xml")));
        assertTrue(problems.stream().noneMatch(p -> p.elementId().equals(r.getId()) || p.elementId().startsWith(rg)),
                "the new reaction and its glyphs are valid: " + problems);
    }

    private Reaction reaction(String from, String to) throws Exception {
        int reactions = doc.getModel().getReactionCount();
        InsertOperation op = new Creations(fx.layout).reaction(entry("Reaction"), from, null, to, null);
        fx.roundTrip(op);
        assertEquals(reactions + 1, doc.getModel().getReactionCount());
        return doc.getModel().getReaction(fx.layout.getReactionGlyph(op.glyphIds().get(0)).getReaction());
    }

    @Test
    void creationsWorkInLevel2Models() throws Exception {
        SBMLDocument l2 = new SBMLDocument(2, 4);
        var m = l2.createModel("l2");
        m.createCompartment("cell").setSize(1);
        Species a = m.createSpecies("A", m.getCompartment("cell"));
        a.setInitialConcentration(1);
        AutoLayout.firstOrCreate(l2, AutoLayoutOptions.DEFAULTS);
        HistoryFixture f2 = new HistoryFixture(l2, tmp);
        InsertOperation b = new Creations(f2.layout).node(entry("Simple Chemical"), 200, 50);
        f2.roundTrip(b);
        String bGlyph = b.glyphIds().get(0);
        String aGlyph = f2.layout.getListOfSpeciesGlyphs().get(0).getId();
        InsertOperation r = new Creations(f2.layout).reaction(entry("Reaction"), aGlyph, null, bGlyph, null);
        f2.roundTrip(r);
        String rg = r.glyphIds().get(0);
        f2.roundTrip(new Creations(f2.layout).arc(entry("Stimulation"), bGlyph, rg));
        Reaction made = m.getReaction(0);
        assertEquals(1, made.getModifierCount());
        assertEquals(459, made.getModifier(0).getSBOTerm());
        // the file written by the last round trip, read back as the validate command reads it
        var problems = new SbmlValidator().validate(new SbmlReader().read(tmp.resolve("saved.xml")));
        assertEquals(2, new SbmlReader().read(tmp.resolve("saved.xml")).getLevel());
        assertTrue(problems.stream().noneMatch(x -> x.severity() == org.mtorworkbench.sbml.SbmlProblem.Severity.ERROR),
                "the Level 2 model stays valid: " + problems);
    }

    @Test
    void aReactionFromTheBackgroundIsASynthesis() throws Exception {
        InsertOperation op = new Creations(fx.layout).reaction(entry("Reaction"), null, new double[] { 0, 0 }, "sg_PTEN", null);
        fx.roundTrip(op);
        Reaction r = doc.getModel().getReaction(fx.layout.getReactionGlyph(op.glyphIds().get(0)).getReaction());
        assertEquals(0, r.getReactantCount());
        assertEquals("k", Formulas.toText(r.getKineticLaw().getMath()));
        assertEquals(1, Diagram.of(fx.layout).nodes().stream()
                .filter(n -> n.kind() == GlyphKind.SOURCE_SINK && n.id().startsWith(op.glyphIds().get(0))).count(),
                "a source is drawn");
        assertThrows(IllegalArgumentException.class,
                () -> new Creations(fx.layout).reaction(entry("Reaction"), null, new double[2], null, new double[2]));
    }

    @Test
    void propertiesEditIdNameSboAnnotationsInitialValueCompartmentAndKineticLaw() throws Exception {
        ElementProperties p = new ElementProperties(fx.layout, "sg_PDK1", op -> { });
        assertEquals("PDK1", p.getPropertyValue(ElementProperties.ID));
        long uses = doc.getModel().getListOfReactions().stream().filter(r -> r.getReactantForSpecies("PDK1") != null
                || r.getProductForSpecies("PDK1") != null || r.getModifierForSpecies("PDK1") != null).count();
        assertTrue(uses > 0);

        assertNotNull(p.validate(ElementProperties.ID, "PTEN"), "ids are unique");
        assertNotNull(p.validate(ElementProperties.ID, "9lives"), "ids are SIds");
        fx.roundTrip(p.operation(ElementProperties.ID, "PDK1_kinase"));
        assertNull(doc.getModel().getSpecies("PDK1"));
        assertNotNull(doc.getModel().getSpecies("PDK1_kinase"));
        assertEquals("PDK1_kinase", fx.layout.getSpeciesGlyph("sg_PDK1").getSpecies());
        assertEquals(uses, doc.getModel().getListOfReactions().stream().filter(r -> r.getReactantForSpecies("PDK1_kinase") != null
                || r.getProductForSpecies("PDK1_kinase") != null || r.getModifierForSpecies("PDK1_kinase") != null).count(),
                "every reaction follows the new id");
        assertTrue(doc.getModel().getListOfReactions().stream().filter(Reaction::isSetKineticLaw)
                .noneMatch(r -> Formulas.toText(r.getKineticLaw().getMath()).matches(".*\\bPDK1\\b.*")), "math follows the new id");
        assertTrue(new SbmlValidator().withJsbmlChecks(false).validate(doc).stream()
                .noneMatch(x -> x.message().contains("PDK1")), "no dangling reference to PDK1");

        fx.roundTrip(p.operation(ElementProperties.NAME, "3-phosphoinositide-dependent kinase 1"));
        assertEquals("3-phosphoinositide-dependent kinase 1", Diagram.of(fx.layout).node("sg_PDK1").orElseThrow().label());
        fx.roundTrip(p.operation(ElementProperties.SBO, "SBO:0000252"));
        assertEquals(252, p.element().getSBOTerm());
        assertNotNull(p.validate(ElementProperties.SBO, "SBO:kinase"));

        String uri = "https://identifiers.org/uniprot/O15530";
        fx.roundTrip(p.operation(ElementProperties.ANNOTATIONS, "is: " + uri + "; hasPart: https://identifiers.org/pfam/PF00069"));
        CVTerm is = p.element().getCVTerm(0);
        assertEquals(CVTerm.Qualifier.BQB_IS, is.getQualifier());
        assertEquals(List.of(uri), is.getResources());
        assertEquals("is: " + uri + "; hasPart: https://identifiers.org/pfam/PF00069",
                p.getPropertyValue(ElementProperties.ANNOTATIONS));
        assertNotNull(p.validate(ElementProperties.ANNOTATIONS, "looksLike: " + uri));

        fx.roundTrip(p.operation(ElementProperties.INITIAL, "2.5"));
        assertEquals("2.5", p.getPropertyValue(ElementProperties.INITIAL));
        assertNotNull(p.validate(ElementProperties.INITIAL, "lots"));
        fx.roundTrip(p.operation(ElementProperties.UNITS, "mole"));
        assertEquals("mole", ((Species) p.element()).getSubstanceUnits());
        String why = p.validate(ElementProperties.UNITS, "furlong");
        assertTrue(why != null && why.contains("furlong"), why);
        if (doc.getModel().getCompartmentCount() > 1) {
            String current = ((Species) p.element()).getCompartment();
            int other = doc.getModel().getCompartment(0).getId().equals(current) ? 1 : 0;
            fx.roundTrip(p.operation(ElementProperties.COMPARTMENT, other));
            assertEquals(doc.getModel().getCompartment(other).getId(), ((Species) p.element()).getCompartment());
        }

        String rg = fx.layout.getListOfReactionGlyphs().stream().filter(g -> doc.getModel().getReaction(g.getReaction())
                .isSetKineticLaw()).findFirst().orElseThrow().getId();
        ElementProperties rp = new ElementProperties(fx.layout, rg, op -> { });
        Reaction r = (Reaction) rp.element();
        String species = r.getReactantCount() > 0 ? r.getReactant(0).getSpecies() : doc.getModel().getSpecies(0).getId();
        String parse = rp.validate(ElementProperties.KINETIC_LAW, "2 * (" + species);
        assertNotNull(parse, "an unbalanced bracket is refused");
        assertTrue(parse.contains("is not a formula"), parse);
        String undefined = rp.validate(ElementProperties.KINETIC_LAW, "kcat_unknown * " + species);
        assertTrue(undefined != null && undefined.contains("kcat_unknown"), "undefined symbols are named: " + undefined);
        assertNull(rp.operation(ElementProperties.KINETIC_LAW, "kcat_unknown * " + species), "an invalid law makes no operation");
        fx.roundTrip(rp.operation(ElementProperties.KINETIC_LAW, "0.5 * " + species));
        assertEquals("0.5*" + species, Formulas.toText(r.getKineticLaw().getMath()));
    }

    @Test
    void renamingAlsoRelabelsAGlyphWhoseLabelHasItsOwnText() throws Exception {
        var label = fx.layout.getListOfTextGlyphs().stream().filter(t -> "sg_PTEN".equals(t.getGraphicalObject()))
                .findFirst().orElseThrow();
        label.unsetOriginOfText();
        label.setText("PTEN (lipid phosphatase)");
        ElementProperties p = new ElementProperties(fx.layout, "sg_PTEN", op -> { });
        fx.roundTrip(p.operation(ElementProperties.NAME, "tensin homologue"));
        assertEquals("tensin homologue", p.element().getName());
        assertEquals("tensin homologue", Diagram.of(fx.layout).node("sg_PTEN").orElseThrow().label());
        fx.undo();
        assertEquals("PTEN (lipid phosphatase)", label.getText(), "undo gives the label its own text back");
    }

    @Test
    void pasteAddsCopiesWithNewIdsAndTheirReaction() throws Exception {
        Reaction r = reaction("sg_PDK1", "sg_PTEN");
        String rg = fx.layout.getListOfReactionGlyphs().stream().filter(g -> r.getId().equals(g.getReaction())).findFirst()
                .orElseThrow().getId();
        int species = doc.getModel().getSpeciesCount();
        int reactions = doc.getModel().getReactionCount();
        CopyPaste.Snapshot snap = CopyPaste.copy(fx.layout, Set.of("sg_PDK1", rg));
        assertEquals(2, snap.size());
        InsertOperation paste = CopyPaste.paste(fx.layout, snap, 30, 30);
        fx.roundTrip(paste);
        assertEquals(species + 1, doc.getModel().getSpeciesCount());
        assertEquals(reactions + 1, doc.getModel().getReactionCount());
        Species copy = doc.getModel().getSpecies("PDK1_2");
        assertNotNull(copy, "the copy has a new id");
        Reaction pasted = doc.getModel().getReaction(r.getId() + "_2");
        assertNotNull(pasted);
        assertEquals("PDK1_2", pasted.getReactant(0).getSpecies(), "the pasted reaction uses the pasted species");
        assertEquals("PTEN", pasted.getProduct(0).getSpecies(), "and the original of what was not copied");
        assertEquals("k*PDK1_2", Formulas.toText(pasted.getKineticLaw().getMath()));
        NodeFigure orig = Diagram.of(fx.layout).node("sg_PDK1").orElseThrow();
        NodeFigure dup = Diagram.of(fx.layout).node(paste.glyphIds().get(0)).orElseThrow();
        assertEquals(orig.x() + 30, dup.x(), 1e-9);
        assertNotEquals(orig.id(), dup.id());
        InsertOperation second = CopyPaste.paste(fx.layout, snap, 60, 60);
        fx.roundTrip(second);
        assertNotNull(doc.getModel().getSpecies("PDK1_3"), "a second paste takes the next id");
        assertTrue(new SbmlValidator().withJsbmlChecks(false).validate(doc).stream()
                .noneMatch(x -> x.severity() == org.mtorworkbench.sbml.SbmlProblem.Severity.ERROR),
                "pasting leaves the model valid");
    }

    @Test
    void alignResizeAndLayoutOfTheSelection() throws Exception {
        Set<String> three = Set.of("sg_PDK1", "sg_PTEN", "sg_Akt_T308");
        fx.roundTrip(new AlignOperation(fx.layout, three, AlignOperation.Alignment.LEFT));
        Diagram d = Diagram.of(fx.layout);
        double x = d.node("sg_PDK1").orElseThrow().x();
        for (String id : three) {
            assertEquals(x, d.node(id).orElseThrow().x(), 1e-9, id + " is not on the left edge");
        }
        Set<String> rows = new HashSet<>();
        java.util.Set<Double> ys = new HashSet<>();
        for (NodeFigure n : d.nodes()) {
            if (n.kind() == GlyphKind.MACROMOLECULE && rows.size() < 3 && ys.add(n.centerY())) {
                rows.add(n.id());
            }
        }
        fx.roundTrip(new AlignOperation(fx.layout, rows, AlignOperation.Alignment.MIDDLE));
        d = Diagram.of(fx.layout);
        double cy = d.node(rows.iterator().next()).orElseThrow().centerY();
        for (String id : rows) {
            assertEquals(cy, d.node(id).orElseThrow().centerY(), 1e-9, id + " is not on the middle line");
        }
        assertFalse(new AlignOperation(fx.layout, Set.of("sg_PDK1"), AlignOperation.Alignment.TOP).canExecute());

        NodeFigure before = d.node("sg_PTEN").orElseThrow();
        fx.roundTrip(new ResizeOperation(fx.layout, "sg_PTEN", 150, 60));
        NodeFigure after = Diagram.of(fx.layout).node("sg_PTEN").orElseThrow();
        assertEquals(150, after.width(), 1e-9);
        assertEquals(60, after.height(), 1e-9);
        assertEquals(before.x(), after.x(), 1e-9, "the top-left corner stays");

        Set<String> sel = new HashSet<>(Set.of("sg_PDK1", "sg_PTEN", "sg_Akt_T308"));
        Diagram old = Diagram.of(fx.layout);
        var placement = RelayoutOperation.placementOfSelection(doc.clone(), fx.layout, sel);
        assertEquals(3, placement.size());
        fx.roundTrip(new RelayoutOperation(fx.layout, placement, sel));
        Diagram now = Diagram.of(fx.layout);
        for (NodeFigure n : old.nodes()) {
            if (!sel.contains(n.id()) && n.elementId() != null && n.kind() != GlyphKind.COMPARTMENT) {
                assertEquals(n.x(), now.node(n.id()).orElseThrow().x(), 1e-9, n.id() + " moved though not selected");
            }
        }
        double minX = sel.stream().mapToDouble(id -> old.node(id).orElseThrow().x()).min().orElseThrow();
        assertEquals(minX, sel.stream().mapToDouble(id -> now.node(id).orElseThrow().x()).min().orElseThrow(), 1e-6,
                "the selection keeps its left edge");
        for (BoundingBox b : placement.values()) {
            assertTrue(Double.isFinite(b.getPosition().getX()));
        }
    }

    /** The two-species Akt model, read from a file and laid out. */
    private SBMLDocument akt() throws Exception {
        Path f = tmp.resolve("akt.xml");
        java.nio.file.Files.writeString(f, SampleModels.AKT_PHOSPHORYLATION);
        SBMLDocument akt = new SbmlReader().read(f);
        AutoLayout.firstOrCreate(akt, AutoLayoutOptions.DEFAULTS);
        return akt;
    }

    @Test
    void problemsBecomeBadgesOnTheGlyphsOfTheirElements() throws Exception {
        SBMLDocument akt = akt();
        var l = AutoLayout.find(akt.getModel(), null).orElseThrow();
        var problems = new SbmlValidator().validate(akt);
        assertTrue(problems.stream().anyMatch(p -> p.elementId().equals("phos")), problems.toString());
        var badges = ProblemMarkers.decorations(l, problems);
        String rg = l.getListOfReactionGlyphs().get(0).getId();
        assertEquals(Decoration.WARNING, badges.get(rg), "the reaction without kinetics has a warning badge: " + badges);
        assertFalse(badges.containsKey(l.getListOfSpeciesGlyphs().get(0).getId()));
    }

    @Test
    void simulatedValuesColourTheSpeciesFromPaleToRed() throws Exception {
        SBMLDocument akt = akt();
        var l = AutoLayout.find(akt.getModel(), null).orElseThrow();
        ElementProperties rp = new ElementProperties(l, l.getListOfReactionGlyphs().get(0).getId(), op -> { });
        var op = rp.operation(ElementProperties.KINETIC_LAW, "0.1 * Akt");
        assertNotNull(op);
        op.execute(null, null);
        ResultColours rc = ResultColours.simulate(akt.clone(), 50, 50, new NullProgressMonitor());
        assertEquals(51, rc.size());
        Diagram d = Diagram.of(l);
        String akt0 = l.getListOfSpeciesGlyphs().stream().filter(g -> g.getSpecies().equals("Akt")).findFirst().orElseThrow().getId();
        String pakt = l.getListOfSpeciesGlyphs().stream().filter(g -> g.getSpecies().equals("pAkt")).findFirst().orElseThrow().getId();
        assertEquals(ResultColours.HIGH, rc.fills(d, 0).get(akt0), "Akt starts at its peak");
        assertEquals(ResultColours.LOW, rc.fills(d, 0).get(pakt), "pAkt starts at 0");
        // pAkt = 1 - exp(-0.1 t) peaks at the end; Akt = exp(-0.1 t) at the start
        assertEquals((1 - Math.exp(-2.5)) / (1 - Math.exp(-5)), rc.fraction("pAkt", 25), 1e-4);
        assertEquals(Math.exp(-5), rc.fraction("Akt", 50), 1e-4);
        assertEquals(ResultColours.HIGH, rc.fills(d, 50).get(pakt));
    }

    @Test
    void reactionArcsFollowTheFluxTheEngineReports() throws Exception {
        SBMLDocument akt = akt();
        var l = AutoLayout.find(akt.getModel(), null).orElseThrow();
        ElementProperties rp = new ElementProperties(l, l.getListOfReactionGlyphs().get(0).getId(), op -> { });
        rp.operation(ElementProperties.KINETIC_LAW, "0.1 * Akt").execute(null, null);
        ResultColours rc = ResultColours.simulate(akt.clone(), 50, 50, new NullProgressMonitor());
        // v = 0.1 Akt = 0.1 exp(-0.1 t): the largest flux is at t = 0
        assertEquals(0.1, rc.flux("phos", 0), 1e-6);
        assertEquals(0.1 * Math.exp(-2.5), rc.flux("phos", 25), 1e-5);
        assertEquals(0.1, rc.fluxPeak(), 1e-6);
        assertEquals(Math.exp(-2.5), rc.fluxFraction("phos", 25), 1e-4);
        assertTrue(Double.isNaN(rc.flux("Akt", 0)), "a species is not a reaction");
        Diagram d = Diagram.of(l);
        String process = l.getListOfReactionGlyphs().get(0).getId();
        List<String> arcs = d.arcs().stream().filter(a -> process.equals(a.processId())).map(a -> a.id()).toList();
        assertFalse(arcs.isEmpty());
        var atStart = rc.arcStyles(d, 0);
        var atMiddle = rc.arcStyles(d, 25);
        for (String a : arcs) {
            assertEquals(ResultColours.ARC_MAX_WIDTH, atStart.get(a).width(), 1e-4, "the largest flux draws the widest arc");
            assertEquals(ResultColours.ARC_HIGH, atStart.get(a).stroke());
            float expected = (float) (ResultColours.ARC_MIN_WIDTH
                    + Math.exp(-2.5) * (ResultColours.ARC_MAX_WIDTH - ResultColours.ARC_MIN_WIDTH));
            assertEquals(expected, atMiddle.get(a).width(), 1e-3, "the arc narrows with the flux");
            assertNotEquals(ResultColours.ARC_HIGH, atMiddle.get(a).stroke());
        }
        assertEquals(arcs.size(), atStart.size(), "only the reaction's arcs are restyled: " + atStart);
        assertFalse(rc.fills(d, 0).containsKey(process), "the process node is not filled as a species");
    }

    @Test
    void stateVariablesAreSetInThePropertiesAndDrawnOnTheGlyphBorder() throws Exception {
        NodeFigure m = Diagram.of(fx.layout).nodes().stream().filter(n -> n.kind() == GlyphKind.MACROMOLECULE)
                .findFirst().orElseThrow();
        assertTrue(m.stateVariables().isEmpty());
        String before = DiagramExport.svg(Diagram.of(fx.layout));
        ElementProperties p = new ElementProperties(fx.layout, m.id(), op -> { });
        assertEquals("", p.getPropertyValue(ElementProperties.STATE_VARIABLES));
        var op = p.operation(ElementProperties.STATE_VARIABLES, "P@T308, P@S473");
        assertNotNull(op);
        fx.roundTrip(op);
        assertEquals(List.of("P@T308", "P@S473"), StateVariables.of(doc.getModel().getSpecies(m.elementId())));
        assertEquals("P@T308, P@S473", p.getPropertyValue(ElementProperties.STATE_VARIABLES));
        Diagram after = Diagram.of(fx.layout);
        NodeFigure drawn = after.node(m.id()).orElseThrow();
        assertEquals(List.of("P@T308", "P@S473"), drawn.stateVariables());
        // the saved file keeps them (the round trip compares the nodes read back, state variables included)
        java.awt.FontMetrics fm = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics().getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 8));
        var shapes = DiagramPainter.stateVariableShapes(drawn, fm);
        assertEquals(2, shapes.size());
        for (var e : shapes) {
            assertEquals(drawn.y(), e.getCenterY(), 1e-9, "each state variable sits on the top border");
            assertTrue(e.getMinX() >= drawn.x() && e.getMaxX() <= drawn.x() + drawn.width() + 1, e + " on " + drawn);
        }
        assertTrue(shapes.get(0).getMaxX() < shapes.get(1).getMinX(), "they do not overlap");
        String svg = DiagramExport.svg(after);
        assertEquals(ellipses(before) + 4, ellipses(svg), "two more ellipses, each filled and outlined");
        assertTrue(svg.contains("P@T308") && svg.contains("P@S473"), "the labels are drawn");
        var png = DiagramExport.image(after, 2);
        assertTrue(png.getWidth() > 0 && png.getHeight() > 0);
        // clearing them removes the annotation element again
        fx.roundTrip(p.operation(ElementProperties.STATE_VARIABLES, ""));
        assertTrue(Diagram.of(fx.layout).node(m.id()).orElseThrow().stateVariables().isEmpty());
        assertEquals(ellipses(before), ellipses(DiagramExport.svg(Diagram.of(fx.layout))));
    }

    private static int ellipses(String svg) {
        int n = 0;
        for (int i = svg.indexOf("<ellipse"); i >= 0; i = svg.indexOf("<ellipse", i + 1)) {
            n++;
        }
        return n;
    }
}
