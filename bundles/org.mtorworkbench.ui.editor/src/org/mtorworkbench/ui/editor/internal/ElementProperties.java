package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.jface.viewers.ICellEditorValidator;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.mtorworkbench.diagram.StateVariables;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;

/**
 * The Properties view's page for a selected glyph: the element's id (unique; references follow
 * a change), name, SBO term, MIRIAM annotations, and by kind the initial value and compartment
 * and state variables of a species, the size of a compartment, the kinetic law of a reaction as infix math. Every
 * change is an undoable operation; invalid values are refused with the reason.
 */
public final class ElementProperties implements IPropertySource {

    /** Property ids. */
    public static final String GLYPH = "glyph";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String SBO = "sbo";
    public static final String ANNOTATIONS = "annotations";
    public static final String INITIAL = "initial";
    public static final String COMPARTMENT = "compartment";
    public static final String SIZE = "size";
    public static final String KINETIC_LAW = "kineticLaw";
    public static final String UNITS = "units";
    public static final String STATE_VARIABLES = "stateVariables";

    private final Layout layout;
    private final String glyphId;
    private final Consumer<IUndoableOperation> executor;

    /**
     * @param executor runs the operations (in the editor's history)
     */
    public ElementProperties(Layout layout, String glyphId, Consumer<IUndoableOperation> executor) {
        this.layout = layout;
        this.glyphId = glyphId;
        this.executor = executor;
    }

    /** @return the glyph this page describes */
    public String glyphId() {
        return glyphId;
    }

    private Model model() {
        return layout.getModel();
    }

    /** @return the model element the glyph stands for, or null */
    public NamedSBase element() {
        SpeciesGlyph sg = layout.getSpeciesGlyph(glyphId);
        if (sg != null) {
            return model().getSpecies(sg.getSpecies());
        }
        ReactionGlyph rg = layout.getReactionGlyph(glyphId);
        if (rg != null) {
            return model().getReaction(rg.getReaction());
        }
        CompartmentGlyph cg = layout.getCompartmentGlyph(glyphId);
        return cg != null ? model().getCompartment(cg.getCompartment()) : null;
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> ds = new ArrayList<>();
        ds.add(new PropertyDescriptor(GLYPH, "Glyph"));
        NamedSBase e = element();
        if (e == null) {
            return ds.toArray(IPropertyDescriptor[]::new);
        }
        ds.add(text(ID, "Id"));
        ds.add(text(NAME, "Name"));
        ds.add(text(SBO, "SBO term"));
        ds.add(text(ANNOTATIONS, "Annotations (MIRIAM)"));
        if (e instanceof Species) {
            ds.add(text(INITIAL, "Initial value"));
            ds.add(text(UNITS, "Substance units"));
            ds.add(text(STATE_VARIABLES, "State variables (e.g. P@T308, P@S473)"));
            ComboBoxPropertyDescriptor c = new ComboBoxPropertyDescriptor(COMPARTMENT, "Compartment", compartments());
            c.setCategory("Model");
            ds.add(c);
        } else if (e instanceof Compartment) {
            ds.add(text(SIZE, "Size"));
            ds.add(text(UNITS, "Units"));
        } else if (e instanceof Reaction) {
            ds.add(text(KINETIC_LAW, "Kinetic law"));
        }
        return ds.toArray(IPropertyDescriptor[]::new);
    }

    private TextPropertyDescriptor text(String id, String label) {
        TextPropertyDescriptor d = new TextPropertyDescriptor(id, label);
        d.setCategory("Model");
        d.setValidator(validator(id));
        return d;
    }

    private ICellEditorValidator validator(String property) {
        return value -> validate(property, value);
    }

    private String[] compartments() {
        return model().getListOfCompartments().stream().map(Compartment::getId).toArray(String[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        NamedSBase e = element();
        if (GLYPH.equals(id)) {
            return glyphId;
        }
        if (e == null) {
            return "";
        }
        return switch ((String) id) {
            case ID -> e.getId();
            case NAME -> e.isSetName() ? e.getName() : "";
            case SBO -> e.isSetSBOTerm() ? e.getSBOTermID() : "";
            case ANNOTATIONS -> Annotations.format(e.getCVTerms());
            case STATE_VARIABLES -> StateVariables.format(StateVariables.of(e));
            case INITIAL -> {
                Species s = (Species) e;
                yield s.isSetInitialAmount() ? Double.toString(s.getInitialAmount())
                        : s.isSetInitialConcentration() ? Double.toString(s.getInitialConcentration()) : "";
            }
            case COMPARTMENT -> List.of(compartments()).indexOf(((Species) e).getCompartment());
            case SIZE -> ((Compartment) e).isSetSize() ? Double.toString(((Compartment) e).getSize()) : "";
            case UNITS -> {
                String u = e instanceof Species s ? s.getSubstanceUnits() : e instanceof Compartment c ? c.getUnits() : null;
                yield u == null ? "" : u;
            }
            case KINETIC_LAW -> {
                KineticLaw kl = ((Reaction) e).getKineticLaw();
                yield kl == null ? "" : Formulas.toText(kl.getMath());
            }
            default -> "";
        };
    }

    /**
     * @return why the value cannot be given to the property, or null when it can
     */
    public String validate(String property, Object value) {
        NamedSBase e = element();
        if (e == null) {
            return "the glyph stands for no model element";
        }
        String v = value == null ? "" : value.toString().trim();
        try {
            switch (property) {
                case ID -> {
                    return RenameIdOperation.problem(model(), layout, e.getId(), v);
                }
                case SBO -> {
                    if (!v.isEmpty()) {
                        PaletteEntries.sbo(v);
                    }
                }
                case ANNOTATIONS -> Annotations.parse(v);
                case UNITS -> {
                    if (!v.isEmpty() && model().getUnitDefinition(v) == null
                            && !org.sbml.jsbml.Unit.Kind.isValidUnitKindString(v, model().getLevel(), model().getVersion())) {
                        return "'" + v + "' is neither a unit definition of the model nor a base unit (mole, litre, item, ...)";
                    }
                }
                case INITIAL, SIZE -> {
                    double d = Double.parseDouble(v);
                    if (!Double.isFinite(d) || d < 0) {
                        return "'" + v + "' is not a finite number of at least 0";
                    }
                }
                case COMPARTMENT -> {
                    int i = value instanceof Integer n ? n : -1;
                    if (i < 0 || i >= model().getCompartmentCount()) {
                        return "choose one of the model's compartments";
                    }
                }
                case KINETIC_LAW -> {
                    ASTNode math = Formulas.parse(v);
                    List<String> undefined = Formulas.undefinedSymbols(math, model(), (Reaction) e);
                    if (!undefined.isEmpty()) {
                        return "undefined symbol(s) " + String.join(", ", undefined)
                                + ": add them as parameters or species, or correct the formula";
                    }
                }
                default -> {
                    return null;
                }
            }
        } catch (NumberFormatException ex) {
            return "'" + v + "' is not a number";
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
        return null;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // properties have no defaults to go back to
    }

    /**
     * Sets a property through an undoable operation; invalid values are ignored (the cell
     * editor's validator has shown why).
     */
    @Override
    public void setPropertyValue(Object id, Object value) {
        IUndoableOperation op = operation((String) id, value);
        if (op != null && op.canExecute()) {
            executor.accept(op);
        }
    }

    /** @return the operation that gives the property the value, or null when the value is invalid */
    public IUndoableOperation operation(String property, Object value) {
        NamedSBase e = element();
        if (e == null || validate(property, value) != null) {
            return null;
        }
        String v = value == null ? "" : value.toString().trim();
        return switch (property) {
            case ID -> new RenameIdOperation(model(), e.getId(), v);
            case NAME -> name(e, v.isEmpty() ? null : v);
            case SBO -> new ValueOperation<>("Set SBO Term of " + e.getId(), () -> e.isSetSBOTerm() ? e.getSBOTerm() : -1,
                    n -> {
                        if (n < 0) {
                            e.unsetSBOTerm();
                        } else {
                            e.setSBOTerm(n);
                        }
                    }, v.isEmpty() ? -1 : PaletteEntries.sbo(v));
            case ANNOTATIONS -> annotations(e, v);
            case STATE_VARIABLES -> new ValueOperation<List<String>>("Set State Variables of " + e.getId(),
                    () -> StateVariables.of(e), l -> StateVariables.set(e, l), StateVariables.parse(v));
            case INITIAL -> initial((Species) e, Double.parseDouble(v));
            case COMPARTMENT -> {
                Species s = (Species) e;
                yield new ValueOperation<>("Move " + s.getId() + " to Another Compartment", s::getCompartment,
                        s::setCompartment, compartments()[(Integer) value]);
            }
            case SIZE -> {
                Compartment c = (Compartment) e;
                yield new ValueOperation<>("Set Size of " + c.getId(), () -> c.isSetSize() ? c.getSize() : Double.NaN,
                        c::setSize, Double.parseDouble(v));
            }
            case KINETIC_LAW -> kineticLaw((Reaction) e, v);
            case UNITS -> units(e, v.isEmpty() ? null : v);
            default -> null;
        };
    }

    /**
     * Renames the element; labels of this glyph that carry their own text (rather than
     * showing the element's name) take the new name too, so the diagram shows it.
     */
    private IUndoableOperation name(NamedSBase e, String name) {
        List<org.sbml.jsbml.ext.layout.TextGlyph> labels = layout.getListOfTextGlyphs().stream()
                .filter(t -> glyphId.equals(t.getGraphicalObject()) && t.isSetText()).toList();
        java.util.function.Supplier<List<String>> get = () -> {
            List<String> v = new ArrayList<>();
            v.add(e.isSetName() ? e.getName() : null);
            labels.forEach(t -> v.add(t.getText()));
            return java.util.Collections.unmodifiableList(v);
        };
        List<String> next = new ArrayList<>();
        next.add(name);
        labels.forEach(t -> next.add(name == null ? e.getId() : name));
        return new ValueOperation<List<String>>("Rename " + e.getId(), get, v -> {
            if (v.get(0) == null) {
                e.unsetName();
            } else {
                e.setName(v.get(0));
            }
            for (int i = 0; i < labels.size(); i++) {
                labels.get(i).setText(v.get(i + 1));
            }
        }, java.util.Collections.unmodifiableList(next));
    }

    private static IUndoableOperation annotations(SBase e, String v) {
        Annotations.Value now = Annotations.of(e);
        List<org.sbml.jsbml.CVTerm> terms = Annotations.parse(v);
        String metaId = now.metaId() != null || terms.isEmpty() ? now.metaId() : e.getSBMLDocument().nextMetaId();
        Annotations.Value next = new Annotations.Value(metaId, terms);
        if (Annotations.format(now.terms()).equals(Annotations.format(next.terms()))) {
            return null;
        }
        return new ValueOperation<Annotations.Value>("Set Annotations of " + ((NamedSBase) e).getId(), () -> Annotations.of(e),
                x -> Annotations.apply(e, x), next);
    }

    private static IUndoableOperation units(NamedSBase e, String units) {
        if (e instanceof Species s) {
            return new ValueOperation<>("Set Units of " + s.getId(), () -> s.isSetSubstanceUnits() ? s.getSubstanceUnits() : null,
                    u -> {
                        if (u == null) {
                            s.unsetSubstanceUnits();
                        } else {
                            s.setSubstanceUnits(u);
                        }
                    }, units);
        }
        Compartment c = (Compartment) e;
        return new ValueOperation<>("Set Units of " + c.getId(), () -> c.isSetUnits() ? c.getUnits() : null, u -> {
            if (u == null) {
                c.unsetUnits();
            } else {
                c.setUnits(u);
            }
        }, units);
    }

    private static IUndoableOperation initial(Species s, double value) {
        boolean amount = s.isSetInitialAmount();
        return new ValueOperation<>("Set Initial Value of " + s.getId(),
                () -> amount ? s.getInitialAmount() : s.isSetInitialConcentration() ? s.getInitialConcentration() : Double.NaN,
                x -> {
                    if (Double.isNaN(x)) {
                        s.unsetInitialConcentration();
                    } else if (amount) {
                        s.setInitialAmount(x);
                    } else {
                        s.setInitialConcentration(x);
                    }
                }, value);
    }

    private static IUndoableOperation kineticLaw(Reaction r, String formula) {
        ASTNode math = Formulas.parse(formula);
        if (!r.isSetKineticLaw()) {
            KineticLaw kl = new KineticLaw(r.getLevel(), r.getVersion());
            kl.setMath(math);
            return new ValueOperation<KineticLaw>("Set Kinetic Law of " + r.getId(),
                    () -> r.isSetKineticLaw() ? r.getKineticLaw() : null, k -> {
                        if (k == null) {
                            r.unsetKineticLaw();
                        } else {
                            r.setKineticLaw(k);
                        }
                    }, kl);
        }
        KineticLaw kl = r.getKineticLaw();
        return new ValueOperation<ASTNode>("Set Kinetic Law of " + r.getId(),
                () -> kl.isSetMath() ? kl.getMath().clone() : null, m -> {
                    if (m == null) {
                        kl.unsetMath();
                    } else {
                        kl.setMath(m.clone());
                    }
                }, math);
    }
}
