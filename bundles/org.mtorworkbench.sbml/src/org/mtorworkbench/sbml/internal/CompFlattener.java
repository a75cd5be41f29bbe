package org.mtorworkbench.sbml.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.CompFlatteningException;
import org.mtorworkbench.sbml.CompFlatteningException.Kind;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AbstractSBase;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.ListOf;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.comp.CompConstants;
import org.sbml.jsbml.ext.comp.CompModelPlugin;
import org.sbml.jsbml.ext.comp.CompSBMLDocumentPlugin;
import org.sbml.jsbml.ext.comp.CompSBasePlugin;
import org.sbml.jsbml.ext.comp.Deletion;
import org.sbml.jsbml.ext.comp.ExternalModelDefinition;
import org.sbml.jsbml.ext.comp.Port;
import org.sbml.jsbml.ext.comp.ReplacedBy;
import org.sbml.jsbml.ext.comp.ReplacedElement;
import org.sbml.jsbml.ext.comp.SBaseRef;
import org.sbml.jsbml.ext.comp.Submodel;

/**
 * Flattens a hierarchical model (the SBML Level 3 {@code comp} package) into one plain model,
 * as the package specification defines it: every submodel is instantiated from its model
 * definition (in the same document or, for an external model definition, in the file its
 * {@code source} names, relative to the document's location), its ids prefixed with
 * {@code submodelId__} (recursively, so {@code A__B__x}); deletions remove elements; a
 * replaced element's references are redirected to its replacement (divided by the
 * replacement's conversion factor, and assignments to it multiplied by that factor); an
 * element replaced by a submodel element gives that element its id; a submodel's time
 * conversion factor divides its {@code time}, its rate rules and kinetic laws and multiplies
 * its delays, and its extent conversion factor multiplies its kinetic laws.
 * <p>
 * The input document is never changed: the result is a new document holding copies. Unit
 * definitions of submodels are not carried over (units do not change a simulation).
 */
public final class CompFlattener {

    /** Between a submodel id and the id of an element it holds, in flattened ids. */
    public static final String SEPARATOR = "__";

    private static final Object UNIT = new Object();

    /** A document from which model definitions are taken, and where it was read from. */
    private record Source(SBMLDocument doc, URI location) {
    }

    /** One instantiated model: the main model, or a submodel at some depth. */
    private static final class Instance {
        final String prefix;
        final Model def;
        final Source source;
        final Submodel via;
        final Instance parent;
        final Map<String, Instance> children = new LinkedHashMap<>();
        final List<SBase> elements = new ArrayList<>();

        Instance(String prefix, Model def, Source source, Submodel via, Instance parent) {
            this.prefix = prefix;
            this.def = def;
            this.source = source;
            this.via = via;
            this.parent = parent;
        }

        String describe() {
            return prefix.isEmpty() ? "the main model" : "submodel '" + prefix.substring(0, prefix.length() - SEPARATOR.length()) + "'";
        }
    }

    /** A redirection of references to a replaced element. */
    private record Redirect(String to, String factor) {
    }

    private final Map<String, SBase> byId = new HashMap<>();
    private final Map<String, Object> byMeta = new HashMap<>();
    private final Set<SBase> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<SBase, SBase> replacer = new IdentityHashMap<>();
    private final Map<String, Redirect> redirects = new HashMap<>();
    /** Replaced local parameters and the global ids their kinetic laws now read instead. */
    private final Map<SBase, String> localRedirects = new IdentityHashMap<>();
    private final Map<URI, SBMLDocument> external = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();

    private CompFlattener() {
    }

    /** @return whether the document uses the comp package (declares it or enables it) */
    public static boolean usesComp(SBMLDocument doc) {
        if (doc.isPackageEnabled(CompConstants.shortLabel)) {
            return true;
        }
        return doc.getDeclaredNamespaces().values().stream().anyMatch(u -> u.contains("/comp/version"));
    }

    /**
     * Flattens the document's main model.
     *
     * @return a new document, of the same level and version, without the comp package
     * @throws CompFlatteningException INVALID_MODEL for references that resolve to nothing, missing
     *         model definitions or external files, cycles of definitions; UNSUPPORTED for
     *         replacements the flattening cannot express
     */
    public static SBMLDocument flatten(SBMLDocument doc) throws CompFlatteningException {
        if (doc == null || !doc.isSetModel()) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, "the document has no model");
        }
        URI location = null;
        if (doc.isSetLocationURI()) {
            try {
                location = new URI(doc.getLocationURI());
            } catch (java.net.URISyntaxException e) {
                location = null;
            }
        }
        return new CompFlattener().run(new Source(doc, location));
    }

    private SBMLDocument run(Source main) throws CompFlatteningException {
        Model top = main.doc().getModel();
        Instance root = instantiate("", top, main, null, null, new ArrayList<>());
        // Deletions and replacements, innermost submodels first.
        List<Instance> postOrder = new ArrayList<>(instances);
        Collections.reverse(postOrder);
        for (Instance inst : postOrder) {
            for (Instance child : inst.children.values()) {
                if (!child.via.isSetListOfDeletions()) {
                    continue;
                }
                for (Deletion d : child.via.getListOfDeletions()) {
                    String where = "deletion " + name(d) + " in " + child.describe();
                    Object t = resolve(child, d, where);
                    if (t instanceof Instance gone) {
                        deleteInstance(gone);
                    } else if (t != UNIT) {
                        delete((SBase) t);
                    }
                }
            }
            for (SBase e : inst.elements) {
                replaceAll(inst, e);
            }
        }
        for (Instance inst : instances) {
            if (inst.via != null) {
                convert(inst);
            }
        }
        return assemble(main, top, root);
    }

    private static String name(SBase s) {
        return s instanceof NamedSBase n && n.isSetId() ? "'" + n.getId() + "'" : "#" + (s.getParent() == null ? 0 : s.getParent().getIndex(s) + 1);
    }

    // ---- instantiation -------------------------------------------------------------------

    private Instance instantiate(String prefix, Model def, Source source, Submodel via, Instance parent, List<String> stack)
            throws CompFlatteningException {
        String key = System.identityHashCode(source.doc()) + "/" + def.getId();
        if (stack.contains(key)) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, "model definition '" + def.getId()
                    + "' contains itself through its submodels; a hierarchy of models must not be circular");
        }
        stack.add(key);
        Instance inst = new Instance(prefix, def, source, via, parent);
        instances.add(inst);
        // Only lists that are set: asking a JSBML model for an absent list would add an empty one to it.
        List<ListOf<? extends SBase>> lists = new ArrayList<>();
        addIfSet(lists, def.isSetListOfFunctionDefinitions(), def::getListOfFunctionDefinitions);
        addIfSet(lists, def.isSetListOfCompartments(), def::getListOfCompartments);
        addIfSet(lists, def.isSetListOfSpecies(), def::getListOfSpecies);
        addIfSet(lists, def.isSetListOfParameters(), def::getListOfParameters);
        addIfSet(lists, def.isSetListOfInitialAssignments(), def::getListOfInitialAssignments);
        addIfSet(lists, def.isSetListOfRules(), def::getListOfRules);
        addIfSet(lists, def.isSetListOfConstraints(), def::getListOfConstraints);
        addIfSet(lists, def.isSetListOfReactions(), def::getListOfReactions);
        addIfSet(lists, def.isSetListOfEvents(), def::getListOfEvents);
        for (ListOf<? extends SBase> list : lists) {
            for (SBase original : list) {
                SBase copy = original.clone();
                index(inst, copy);
                if (!prefix.isEmpty()) {
                    prefixIds(copy, prefix);
                }
                inst.elements.add(copy);
            }
        }
        if (!prefix.isEmpty() && def.isSetConversionFactor()) {
            // A submodel's model-wide species conversion factor applies to its own species.
            for (SBase e : inst.elements) {
                if (e instanceof Species s && !s.isSetConversionFactor()) {
                    s.setConversionFactor(prefix + def.getConversionFactor());
                }
            }
        }
        CompModelPlugin plugin = compModel(def);
        if (plugin != null && plugin.isSetListOfSubmodels()) {
            for (Submodel sm : plugin.getListOfSubmodels()) {
                String where = "submodel '" + sm.getId() + "' of " + inst.describe();
                ModelRef ref = findModel(source, sm.getModelRef(), where, new ArrayList<>());
                Instance child = instantiate(prefix + sm.getId() + SEPARATOR, ref.model(), ref.source(), sm, inst, stack);
                inst.children.put(sm.getId(), child);
                if (sm.isSetMetaId()) {
                    byMeta.put(prefix + sm.getMetaId(), child);
                }
            }
        }
        stack.remove(stack.size() - 1);
        return inst;
    }

    private static void addIfSet(List<ListOf<? extends SBase>> lists, boolean set,
            java.util.function.Supplier<ListOf<? extends SBase>> list) {
        if (set) {
            lists.add(list.get());
        }
    }

    private record ModelRef(Model model, Source source) {
    }

    private ModelRef findModel(Source source, String modelRef, String where, List<String> seen) throws CompFlatteningException {
        if (modelRef == null || modelRef.isEmpty()) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, where + " names no model definition");
        }
        String key = System.identityHashCode(source.doc()) + "/" + modelRef;
        if (seen.contains(key)) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, where + ": the external model definitions of '" + modelRef
                    + "' refer to each other in a circle");
        }
        seen.add(key);
        SBMLDocument doc = source.doc();
        CompSBMLDocumentPlugin dp = compDoc(doc);
        if (dp != null) {
            Model md = dp.isSetListOfModelDefinitions() ? dp.getModelDefinition(modelRef) : null;
            if (md != null) {
                return new ModelRef(md, source);
            }
            ExternalModelDefinition ext = dp.isSetListOfExternalModelDefinitions() ? dp.getExternalModelDefinition(modelRef) : null;
            if (ext != null) {
                Source other = readExternal(source, ext, where);
                Model m = other.doc().getModel();
                if (!ext.isSetModelRef() || (m != null && ext.getModelRef().equals(m.getId()))) {
                    if (m == null) {
                        throw new CompFlatteningException(Kind.INVALID_MODEL, where + ": the file '" + ext.getSource() + "' holds no model");
                    }
                    return new ModelRef(m, other);
                }
                return findModel(other, ext.getModelRef(), where + " (in '" + ext.getSource() + "')", seen);
            }
        }
        if (doc.isSetModel() && modelRef.equals(doc.getModel().getId()) && source.location() != null) {
            // The main model of an external file may be instantiated by its id.
            return new ModelRef(doc.getModel(), source);
        }
        throw new CompFlatteningException(Kind.INVALID_MODEL, where + " refers to model definition '" + modelRef
                + "', which the document does not define");
    }

    private Source readExternal(Source from, ExternalModelDefinition ext, String where) throws CompFlatteningException {
        if (!ext.isSetSource()) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, "external model definition '" + ext.getId() + "' has no source");
        }
        URI target;
        try {
            URI src = new URI(ext.getSource());
            if (src.isAbsolute()) {
                target = src;
            } else if (from.location() != null) {
                target = from.location().resolve(src);
            } else {
                throw new CompFlatteningException(Kind.INVALID_MODEL, "external model definition '" + ext.getId() + "' refers to '"
                        + ext.getSource() + "', but the document's location is unknown; read the document from its file");
            }
        } catch (java.net.URISyntaxException e) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, "external model definition '" + ext.getId()
                    + "' has a source that is not a URI: '" + ext.getSource() + "'");
        }
        if (!"file".equals(target.getScheme())) {
            throw new CompFlatteningException(Kind.UNSUPPORTED, "external model definition '" + ext.getId() + "' refers to '"
                    + target + "'; only local files are read");
        }
        SBMLDocument doc = external.get(target);
        if (doc == null) {
            try {
                doc = new SbmlReader().read(Path.of(target));
            } catch (SbmlException e) {
                throw new CompFlatteningException(Kind.INVALID_MODEL, where + ": cannot read external model definition '"
                        + ext.getId() + "': " + e.getMessage(), e);
            }
            external.put(target, doc);
        }
        return new Source(doc, target);
    }

    private static CompModelPlugin compModel(Model m) {
        return m.isSetPlugin(CompConstants.shortLabel) ? (CompModelPlugin) m.getPlugin(CompConstants.shortLabel) : null;
    }

    private static CompSBMLDocumentPlugin compDoc(SBMLDocument d) {
        return d.isSetPlugin(CompConstants.shortLabel) ? (CompSBMLDocumentPlugin) d.getPlugin(CompConstants.shortLabel) : null;
    }

    private static CompSBasePlugin compOf(SBase s) {
        return s.isSetPlugin(CompConstants.shortLabel) ? (CompSBasePlugin) s.getPlugin(CompConstants.shortLabel) : null;
    }

    /** Records the ids and metaids of a copy (and its descendants) under the instance's prefix. */
    private void index(Instance inst, SBase copy) {
        walk(copy, s -> {
            if (s instanceof NamedSBase n && n.isSetId() && !(s instanceof LocalParameter)) {
                byId.put(inst.prefix + n.getId(), s);
            }
            if (s.isSetMetaId()) {
                byMeta.put(inst.prefix + s.getMetaId(), s);
            }
        });
    }

    private static void walk(SBase s, java.util.function.Consumer<SBase> v) {
        v.accept(s);
        for (int i = 0; i < s.getChildCount(); i++) {
            if (s.getChildAt(i) instanceof SBase c && !(c instanceof SBaseRef) && !(c instanceof ListOf<?> l && isCompList(l))) {
                walk(c, v);
            }
        }
    }

    private static boolean isCompList(ListOf<?> l) {
        return !l.isEmpty() && l.get(0) instanceof SBaseRef;
    }

    // ---- renaming ------------------------------------------------------------------------

    /** Prefixes every id a copy defines or refers to (local parameters and function arguments excepted). */
    private static void prefixIds(SBase copy, String prefix) {
        UnaryOperator<String> f = id -> prefix + id;
        walk(copy, s -> {
            if (s instanceof NamedSBase n && n.isSetId() && !(s instanceof LocalParameter)) {
                n.setId(prefix + n.getId());
            }
        });
        renameReferences(copy, f);
        rewriteMath(copy, n -> name(prefix + n.getName()), f);
    }

    /** Renames the SId-valued attributes (not math) of a copy and its descendants. */
    private static void renameReferences(SBase copy, UnaryOperator<String> f) {
        walk(copy, s -> {
            if (s instanceof Species sp) {
                if (sp.isSetCompartment()) {
                    sp.setCompartment(f.apply(sp.getCompartment()));
                }
                if (sp.isSetConversionFactor()) {
                    sp.setConversionFactor(f.apply(sp.getConversionFactor()));
                }
            } else if (s instanceof Reaction r) {
                if (r.isSetCompartment()) {
                    r.setCompartment(f.apply(r.getCompartment()));
                }
            } else if (s instanceof SimpleSpeciesReference sr) {
                if (sr.isSetSpecies()) {
                    sr.setSpecies(f.apply(sr.getSpecies()));
                }
            } else if (s instanceof ExplicitRule r && r.isSetVariable()) {
                r.setVariable(f.apply(r.getVariable()));
            } else if (s instanceof InitialAssignment ia && ia.isSetVariable()) {
                ia.setVariable(f.apply(ia.getVariable()));
            } else if (s instanceof EventAssignment ea && ea.isSetVariable()) {
                ea.setVariable(f.apply(ea.getVariable()));
            }
        });
    }

    /** Maps an identifier node of some math to its replacement node (or itself, changed). */
    private interface NameMapper {
        ASTNode map(ASTNode nameNode);
    }

    private static void rewriteMath(SBase copy, NameMapper names, UnaryOperator<String> functions) {
        walk(copy, s -> {
            if (s instanceof MathContainer mc && mc.isSetMath()) {
                Set<String> bound = new HashSet<>();
                if (s instanceof KineticLaw kl) {
                    for (LocalParameter lp : kl.getListOfLocalParameters()) {
                        bound.add(lp.getId());
                    }
                }
                mc.setMath(mapNames(mc.getMath(), bound, names, functions));
            }
        });
    }

    /** @return a fresh identifier node (not bound to any element of the input document) */
    private static ASTNode name(String id) {
        ASTNode n = new ASTNode(ASTNode.Type.NAME);
        n.setName(id);
        return n;
    }

    private static ASTNode mapNames(ASTNode n, Set<String> bound, NameMapper names, UnaryOperator<String> functions) {
        switch (n.getType()) {
        case NAME:
            return bound.contains(n.getName()) ? n : names.map(n);
        case LAMBDA: {
            // Function definitions see only their arguments; only calls to other functions are renamed.
            Set<String> inner = new HashSet<>(bound);
            for (int i = 0; i < n.getChildCount() - 1; i++) {
                inner.add(n.getChild(i).getName());
            }
            int last = n.getChildCount() - 1;
            if (last >= 0) {
                ASTNode body = n.getChild(last);
                ASTNode mapped = mapNames(body, inner, m -> m, functions);
                if (mapped != body) {
                    n.replaceChild(last, mapped);
                }
            }
            return n;
        }
        case FUNCTION:
            n.setName(functions.apply(n.getName()));
            break;
        default:
            break;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            ASTNode c = n.getChild(i);
            ASTNode mapped = mapNames(c, bound, names, functions);
            if (mapped != c) {
                n.replaceChild(i, mapped);
            }
        }
        return n;
    }

    // ---- references, deletions, replacements ----------------------------------------------

    private String current(String flatId) {
        String id = flatId;
        for (int guard = 0; redirects.containsKey(id) && guard < 10_000; guard++) {
            id = redirects.get(id).to();
        }
        return id;
    }

    /** @return the element, the {@link Instance} of a submodel, or {@link #UNIT} a reference points to */
    private Object resolve(Instance inst, SBaseRef ref, String where) throws CompFlatteningException {
        Object target;
        String what;
        if (ref.isSetPortRef()) {
            CompModelPlugin plugin = compModel(inst.def);
            Port port = plugin == null || !plugin.isSetListOfPorts() ? null : plugin.getPort(ref.getPortRef());
            if (port == null) {
                throw new CompFlatteningException(Kind.INVALID_MODEL, where + " names port '" + ref.getPortRef() + "', which "
                        + inst.describe() + " (model '" + inst.def.getId() + "') does not have");
            }
            target = resolve(inst, port, where);
            what = "port '" + ref.getPortRef() + "'";
        } else if (ref.isSetIdRef()) {
            String id = ref.getIdRef();
            Instance child = inst.children.get(id);
            target = child != null ? child : byId.get(current(inst.prefix + id));
            what = "id '" + id + "'";
        } else if (ref.isSetMetaIdRef()) {
            target = byMeta.get(inst.prefix + ref.getMetaIdRef());
            what = "metaid '" + ref.getMetaIdRef() + "'";
        } else if (ref.isSetUnitRef()) {
            return UNIT;
        } else {
            throw new CompFlatteningException(Kind.INVALID_MODEL, where + " names no element (no portRef, idRef, metaIdRef or unitRef)");
        }
        while (target instanceof SBase s && deleted.contains(s) && replacer.containsKey(s)) {
            target = replacer.get(s);
        }
        if (target == null) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, where + " refers to " + what + ", which " + inst.describe()
                    + " does not define");
        }
        if (ref.isSetSBaseRef() && !ref.isSetPortRef()) {
            if (!(target instanceof Instance child)) {
                throw new CompFlatteningException(Kind.INVALID_MODEL, where + " looks inside " + what + ", which is not a submodel");
            }
            return resolve(child, ref.getSBaseRef(), where);
        }
        return target;
    }

    private void delete(SBase s) {
        deleted.add(s);
    }

    private void deleteInstance(Instance inst) {
        for (SBase e : inst.elements) {
            delete(e);
        }
        for (Instance c : inst.children.values()) {
            deleteInstance(c);
        }
    }

    /** @return the submodel element a replacement names, or null for a unit definition */
    private SBase replaced(Instance inst, String submodelRef, SBaseRef ref, String where) throws CompFlatteningException {
        Instance sub = inst.children.get(submodelRef);
        if (sub == null) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, where + " names submodel '" + submodelRef + "', which does not exist");
        }
        Object t = resolve(sub, ref, where);
        if (t instanceof Instance) {
            throw new CompFlatteningException(Kind.UNSUPPORTED, where + " names a whole submodel, which the flattening does not support");
        }
        return t == UNIT ? null : (SBase) t;
    }

    /** Applies the replacements an element (and its descendants) declare. */
    private void replaceAll(Instance inst, SBase top) throws CompFlatteningException {
        List<SBase> all = new ArrayList<>();
        walk(top, all::add);
        for (SBase e : all) {
            CompSBasePlugin plugin = compOf(e);
            if (plugin == null || deleted.contains(e)) {
                continue;
            }
            String eId = e instanceof NamedSBase n && n.isSetId() ? n.getId() : null;
            for (ReplacedElement re : plugin.getListOfReplacedElements()) {
                String where = "a replaced element of " + (eId == null ? "an element" : "'" + eId + "'") + " in " + inst.describe();
                if (re.isSetDeletion()) {
                    continue; // the deletion itself removes what it names
                }
                SBase target = replaced(inst, re.getSubmodelRef(), re, where);
                if (target == null) {
                    continue;
                }
                String factor = null;
                if (re.isSetConversionFactor()) {
                    factor = current(inst.prefix + re.getConversionFactor());
                }
                if (target instanceof LocalParameter && eId != null) {
                    localRedirects.put(target, eId);
                } else if (target instanceof NamedSBase tn && tn.isSetId() && !(target instanceof LocalParameter)) {
                    if (eId == null) {
                        throw new CompFlatteningException(Kind.INVALID_MODEL, where + ": an element without an id replaces '" + tn.getId() + "'");
                    }
                    if (!tn.getId().equals(eId)) {
                        redirects.put(tn.getId(), new Redirect(eId, factor));
                    }
                }
                delete(target);
                replacer.put(target, e);
            }
            if (plugin.isSetReplacedBy()) {
                ReplacedBy rb = plugin.getReplacedBy();
                String where = "the replacedBy of " + (eId == null ? "an element" : "'" + eId + "'") + " in " + inst.describe();
                SBase target = replaced(inst, rb.getSubmodelRef(), rb, where);
                if (target == null) {
                    continue;
                }
                delete(e);
                replacer.put(e, target);
                if (eId != null && target instanceof NamedSBase tn && tn.isSetId()) {
                    String old = tn.getId();
                    byId.remove(old);
                    tn.setId(eId);
                    byId.put(eId, target);
                    redirects.put(old, new Redirect(eId, null));
                }
            }
        }
    }

    // ---- conversion factors --------------------------------------------------------------

    /** Applies a submodel's time and extent conversion factors to everything it instantiates. */
    private void convert(Instance inst) {
        Submodel sm = inst.via;
        String tcf = sm.isSetTimeConversionFactor() ? current(inst.parent.prefix + sm.getTimeConversionFactor()) : null;
        String xcf = sm.isSetExtentConversionFactor() ? current(inst.parent.prefix + sm.getExtentConversionFactor()) : null;
        if (tcf == null && xcf == null) {
            return;
        }
        List<SBase> all = new ArrayList<>();
        collect(inst, all);
        // A reaction's rate, read in the submodel's math, is in the submodel's units of extent per time
        // (unless the reaction was replaced: its replacement is in the containing model's units).
        Set<String> reactions = new HashSet<>();
        for (SBase top : all) {
            if (top instanceof Reaction r && r.isSetId() && !deleted.contains(r)) {
                reactions.add(r.getId());
            }
        }
        for (SBase top : all) {
            walk(top, s -> {
                if (!(s instanceof MathContainer mc) || !mc.isSetMath()) {
                    return;
                }
                ASTNode m = mapNames(mc.getMath(), Set.of(), n -> {
                    if (!reactions.contains(n.getName())) {
                        return n;
                    }
                    ASTNode r = n;
                    if (tcf != null) {
                        r = ASTNode.times(r, name(tcf));
                    }
                    return xcf == null ? r : ASTNode.frac(r, name(xcf));
                }, f -> f);
                if (tcf != null) {
                    m = convertTime(m, tcf);
                }
                if (s instanceof KineticLaw) {
                    if (xcf != null) {
                        m = ASTNode.times(m, name(xcf));
                    }
                    if (tcf != null) {
                        m = ASTNode.frac(m, name(tcf));
                    }
                } else if (tcf != null && s instanceof RateRule) {
                    m = ASTNode.frac(m, name(tcf));
                } else if (tcf != null && s instanceof org.sbml.jsbml.Delay) {
                    m = ASTNode.times(m, name(tcf));
                }
                mc.setMath(m);
            });
        }
    }

    private static void collect(Instance inst, List<SBase> out) {
        out.addAll(inst.elements);
        for (Instance c : inst.children.values()) {
            collect(c, out);
        }
    }

    /** time becomes time / f; the lag of delay(x, lag) becomes lag * f; rateOf(x) becomes rateOf(x) * f. */
    private static ASTNode convertTime(ASTNode n, String f) {
        switch (n.getType()) {
        case NAME_TIME:
            return ASTNode.frac(n, name(f));
        case LAMBDA:
            return n;
        default:
            break;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            ASTNode c = n.getChild(i);
            ASTNode mapped = convertTime(c, f);
            if (mapped != c) {
                n.replaceChild(i, mapped);
            }
        }
        if (n.getType() == ASTNode.Type.FUNCTION_DELAY && n.getChildCount() == 2) {
            n.replaceChild(1, ASTNode.times(n.getChild(1), name(f)));
        } else if (n.getType() == ASTNode.Type.FUNCTION_RATE_OF) {
            return ASTNode.times(n, name(f));
        }
        return n;
    }

    // ---- the flat document ---------------------------------------------------------------

    /** The final target of a reference and the conversion factors met on the way. */
    private record Target(String id, List<String> factors) {
    }

    private Target target(String id) {
        String cur = id;
        List<String> factors = new ArrayList<>();
        for (int guard = 0; redirects.containsKey(cur) && guard < 10_000; guard++) {
            Redirect r = redirects.get(cur);
            if (r.factor() != null) {
                factors.add(r.factor());
            }
            cur = r.to();
        }
        return new Target(cur, factors);
    }

    private static ASTNode product(List<String> factors) {
        ASTNode p = name(factors.get(0));
        for (String f : factors.subList(1, factors.size())) {
            p = ASTNode.times(p, name(f));
        }
        return p;
    }

    private SBMLDocument assemble(Source main, Model top, Instance root) throws CompFlatteningException {
        SBMLDocument src = main.doc();
        SBMLDocument out = new SBMLDocument(src.getLevel(), src.getVersion());
        Model flat = out.createModel(top.isSetId() ? top.getId() : "model");
        if (top.isSetName()) {
            flat.setName(top.getName());
        }
        if (top.isSetConversionFactor()) {
            flat.setConversionFactor(current(top.getConversionFactor()));
        }
        if (top.isSetListOfUnitDefinitions()) {
            for (var ud : top.getListOfUnitDefinitions()) {
                flat.addUnitDefinition(ud.clone());
            }
        }
        for (Instance inst : instances) {
            for (SBase e : inst.elements) {
                if (deleted.contains(e)) {
                    continue;
                }
                finish(inst, e);
                add(flat, e);
            }
        }
        return out;
    }

    /** Drops deleted descendants, metaids and comp annotations, and applies the redirections. */
    private void finish(Instance inst, SBase e) {
        List<SBase> gone = new ArrayList<>();
        walk(e, s -> {
            if (s != e && deleted.contains(s)) {
                gone.add(s);
            }
        });
        for (SBase g : gone) {
            KineticLaw law = g instanceof LocalParameter ? (KineticLaw) g.getParentSBMLObject().getParentSBMLObject() : null;
            ((AbstractSBase) g).removeFromParent();
            if (law != null && law.isSetMath()) {
                // Without the local parameter its name means its replacement, or else the submodel's global one.
                String local = ((LocalParameter) g).getId();
                String global = localRedirects.getOrDefault(g, inst.prefix + local);
                law.setMath(mapNames(law.getMath(), Set.of(), n -> {
                    return n.getName().equals(local) ? name(global) : n;
                }, f -> f));
            }
        }
        List<SBase> all = new ArrayList<>();
        walk(e, all::add);
        for (SBase s : all) {
            if (s.isSetMetaId()) {
                s.unsetMetaId();
            }
            if (s.isSetPlugin(CompConstants.shortLabel)) {
                s.unsetPlugin(CompConstants.shortLabel);
            }
        }
        // Assignments to a replaced element that had a conversion factor are scaled by it.
        for (SBase s : all) {
            String variable = s instanceof ExplicitRule r && r.isSetVariable() ? r.getVariable()
                    : s instanceof InitialAssignment ia && ia.isSetVariable() ? ia.getVariable()
                            : s instanceof EventAssignment ea && ea.isSetVariable() ? ea.getVariable() : null;
            if (variable != null && s instanceof MathContainer mc && mc.isSetMath()) {
                Target t = target(variable);
                if (!t.factors().isEmpty()) {
                    mc.setMath(ASTNode.times(mc.getMath(), product(t.factors())));
                }
            }
        }
        rewriteMath(e, n -> {
            Target t = target(n.getName());
            if (t.factors().isEmpty()) {
                return t.id().equals(n.getName()) ? n : name(t.id());
            }
            return ASTNode.frac(name(t.id()), product(t.factors()));
        }, id -> target(id).id());
        renameReferences(e, id -> target(id).id());
    }

    private static void add(Model flat, SBase e) throws CompFlatteningException {
        try {
            if (e instanceof FunctionDefinition fd) {
                flat.addFunctionDefinition(fd);
            } else if (e instanceof Compartment c) {
                flat.addCompartment(c);
            } else if (e instanceof Species s) {
                flat.addSpecies(s);
            } else if (e instanceof Parameter p) {
                flat.addParameter(p);
            } else if (e instanceof InitialAssignment ia) {
                flat.addInitialAssignment(ia);
            } else if (e instanceof Rule r) {
                flat.addRule(r);
            } else if (e instanceof Constraint c) {
                flat.addConstraint(c);
            } else if (e instanceof Reaction r) {
                flat.addReaction(r);
            } else if (e instanceof Event ev) {
                flat.addEvent(ev);
            }
        } catch (IllegalArgumentException ex) {
            throw new CompFlatteningException(Kind.INVALID_MODEL, "flattening the submodels gives two elements the same id ("
                    + ex.getMessage() + "); rename one of them");
        }
    }
}
