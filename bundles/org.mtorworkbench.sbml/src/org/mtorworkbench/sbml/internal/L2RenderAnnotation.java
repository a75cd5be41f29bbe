package org.mtorworkbench.sbml.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.swing.tree.TreeNode;
import javax.xml.XMLConstants;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.render.GlobalRenderInformation;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.RenderConstants;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;
import org.sbml.jsbml.ext.render.RenderListOfLayoutsPlugin;
import org.sbml.jsbml.xml.XMLAttributes;
import org.sbml.jsbml.xml.XMLNode;
import org.sbml.jsbml.xml.XMLTriple;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * SBML Render information in its Level 2 form: the annotations of the L2 layout annotation
 * that COPASI reads and writes for L2 files. Global render information is a {@code
 * <listOfGlobalRenderInformation>} in the annotation of {@code <listOfLayouts>}, each
 * layout's local render information a {@code <listOfRenderInformation>} in the layout's
 * annotation, both in the namespace {@value #NS}. Their elements and attributes are those of
 * the L3 Render package without prefixes, except that global render information is called
 * {@code renderInformation}. The conversion goes through JSBML's own L3 Render reader and
 * writer, so every render construct JSBML knows (colours, gradients, line endings, styles,
 * groups with strokes, fills and fonts, and their shapes) travels.
 */
public final class L2RenderAnnotation {

    /** The namespace of the L2 render annotation. */
    public static final String NS = "http://projects.eml.org/bcb/sbml/render/level2";
    private static final String L3_CORE = "http://www.sbml.org/sbml/level3/version1/core";
    private static final String L3_LAYOUT = "http://www.sbml.org/sbml/level3/version1/layout/version1";
    private static final String L3_RENDER = "http://www.sbml.org/sbml/level3/version1/render/version1";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String GLOBAL_LIST = "listOfGlobalRenderInformation";
    private static final String LOCAL_LIST = "listOfRenderInformation";

    /**
     * Render information as L2 annotation content.
     *
     * @param global the {@code <listOfGlobalRenderInformation>}, or null
     * @param local per layout, in the order of the list of layouts, its {@code
     *            <listOfRenderInformation>} or null
     */
    public record Xml(XMLNode global, List<XMLNode> local) {
        /** @return whether there is any render information */
        public boolean isEmpty() {
            return global == null && local.stream().allMatch(x -> x == null);
        }
    }

    private L2RenderAnnotation() {
    }

    /** @return whether the model's layouts carry render information */
    public static boolean hasRender(Model m) {
        LayoutModelPlugin lmp = layouts(m);
        if (lmp == null) {
            return false;
        }
        if (globalPlugin(lmp) != null) {
            return true;
        }
        for (Layout l : lmp.getListOfLayouts()) {
            if (localPlugin(l) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Render information taken out of a model while JSBML changes its level (JSBML's own level
     * change fails on render shapes between L2 and L3).
     *
     * @param global the global render information
     * @param local per layout, in order, its local render information
     */
    public record Stash(List<GlobalRenderInformation> global, List<List<LocalRenderInformation>> local) {
    }

    /** @return copies of the model's render information, which is removed from the model */
    public static Stash takeOut(Model m) {
        LayoutModelPlugin lmp = layouts(m);
        List<GlobalRenderInformation> global = new ArrayList<>();
        List<List<LocalRenderInformation>> local = new ArrayList<>();
        if (lmp == null) {
            return new Stash(global, local);
        }
        RenderListOfLayoutsPlugin gp = globalPlugin(lmp);
        if (gp != null) {
            gp.getListOfGlobalRenderInformation().forEach(g -> global.add(g.clone()));
        }
        for (Layout l : lmp.getListOfLayouts()) {
            List<LocalRenderInformation> infos = new ArrayList<>();
            RenderLayoutPlugin rp = localPlugin(l);
            if (rp != null) {
                rp.getListOfLocalRenderInformation().forEach(i -> infos.add(i.clone()));
            }
            local.add(infos);
        }
        removeAll(m);
        return new Stash(global, local);
    }

    /** Puts render information taken out by {@link #takeOut} back, in the model's level and version. */
    public static void putBack(Model m, Stash stash) {
        LayoutModelPlugin lmp = layouts(m);
        if (lmp == null) {
            return;
        }
        int level = m.getLevel();
        int version = m.getVersion();
        if (!stash.global().isEmpty()) {
            RenderListOfLayoutsPlugin gp = (RenderListOfLayoutsPlugin) lmp.getListOfLayouts()
                    .getPlugin(RenderConstants.shortLabel);
            stash.global().forEach(g -> gp.addGlobalRenderInformation(relevel(g, level, version)));
        }
        for (int i = 0; i < Math.min(stash.local().size(), lmp.getLayoutCount()); i++) {
            if (!stash.local().get(i).isEmpty()) {
                RenderLayoutPlugin rp = (RenderLayoutPlugin) lmp.getLayout(i).getPlugin(RenderConstants.shortLabel);
                stash.local().get(i).forEach(info -> rp.addLocalRenderInformation(relevel(info, level, version)));
            }
        }
    }

    /** Removes all render information (global and of each layout) from the model. */
    public static void removeAll(Model m) {
        LayoutModelPlugin lmp = layouts(m);
        if (lmp == null) {
            return;
        }
        if (lmp.getListOfLayouts().getExtension(RenderConstants.shortLabel) instanceof RenderListOfLayoutsPlugin gp) {
            gp.unsetListOfGlobalRenderInformation();
        }
        for (Layout l : lmp.getListOfLayouts()) {
            if (l.getExtension(RenderConstants.shortLabel) instanceof RenderLayoutPlugin rp) {
                rp.unsetListOfLocalRenderInformation();
            }
        }
    }

    /**
     * Writes the model's render information in its L2 form. JSBML writes it as the L3 package
     * in a scratch document; the elements are then moved to the L2 namespace.
     */
    public static Xml toL2(Model m) throws Exception {
        LayoutModelPlugin lmp = layouts(m);
        List<XMLNode> local = new ArrayList<>();
        if (lmp == null) {
            return new Xml(null, local);
        }
        SBMLDocument scratch = new SBMLDocument(3, 1);
        Model sm = scratch.createModel("render");
        LayoutModelPlugin slp = (LayoutModelPlugin) sm.getPlugin(LayoutConstants.shortLabel);
        RenderListOfLayoutsPlugin gp = globalPlugin(lmp);
        if (gp != null) {
            RenderListOfLayoutsPlugin sgp = (RenderListOfLayoutsPlugin) slp.getListOfLayouts()
                    .getPlugin(RenderConstants.shortLabel);
            for (GlobalRenderInformation g : gp.getListOfGlobalRenderInformation()) {
                sgp.addGlobalRenderInformation(relevel(g.clone(), 3, 1));
            }
        }
        int i = 0;
        for (Layout l : lmp.getListOfLayouts()) {
            Layout sl = slp.createLayout("layout_" + i++);
            RenderLayoutPlugin rp = localPlugin(l);
            if (rp != null) {
                RenderLayoutPlugin srp = (RenderLayoutPlugin) sl.getPlugin(RenderConstants.shortLabel);
                for (LocalRenderInformation info : rp.getListOfLocalRenderInformation()) {
                    srp.addLocalRenderInformation(relevel(info.clone(), 3, 1));
                }
            }
        }
        String text = Jsbml.call(() -> new org.sbml.jsbml.SBMLWriter().writeSBMLToString(scratch));
        Element root = SafeDom.parse(text.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        XMLNode global = null;
        Element gl = first(root, L3_RENDER, GLOBAL_LIST);
        if (gl != null) {
            global = toL2Node(gl, true, false);
        }
        List<Element> layoutElements = descendants(root, L3_LAYOUT, "layout");
        for (Element le : layoutElements) {
            Element ll = childElement(le, L3_RENDER, LOCAL_LIST);
            local.add(ll == null ? null : toL2Node(ll, true, false));
        }
        return new Xml(global, local);
    }

    /**
     * Reads the render information of an L2 layout annotation into the model's layouts (which
     * {@link L2LayoutReader} made from the same annotation, in the same order).
     *
     * @param listOfLayouts the annotation's {@code <listOfLayouts>} element
     */
    public static void readInto(Model model, Element listOfLayouts) throws Exception {
        Element global = null;
        Element ann = childElement(listOfLayouts, null, "annotation");
        if (ann != null) {
            global = childElement(ann, null, GLOBAL_LIST);
        }
        List<Element> locals = new ArrayList<>();
        boolean any = global != null;
        for (Node n = listOfLayouts.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element le && "layout".equals(le.getLocalName())) {
                Element la = childElement(le, null, "annotation");
                Element list = la == null ? null : childElement(la, null, LOCAL_LIST);
                locals.add(list);
                any |= list != null;
            }
        }
        if (!any) {
            return;
        }
        StringBuilder sb = new StringBuilder("<sbml xmlns=\"").append(L3_CORE).append("\" xmlns:layout=\"")
                .append(L3_LAYOUT).append("\" xmlns:render=\"").append(L3_RENDER).append("\" xmlns:xsi=\"").append(XSI)
                .append("\" layout:required=\"false\" render:required=\"false\" level=\"3\" version=\"1\">")
                .append("<model id=\"render\"><layout:listOfLayouts>");
        if (global != null) {
            toL3Text(global, sb, false);
        }
        for (int i = 0; i < locals.size(); i++) {
            sb.append("<layout:layout layout:id=\"layout_").append(i).append("\">");
            if (locals.get(i) != null) {
                toL3Text(locals.get(i), sb, false);
            }
            sb.append("</layout:layout>");
        }
        sb.append("</layout:listOfLayouts></model></sbml>");
        SBMLDocument scratch = Jsbml.call(() -> new org.sbml.jsbml.SBMLReader().readSBMLFromString(sb.toString()));
        LayoutModelPlugin slp = layouts(scratch.getModel());
        LayoutModelPlugin lmp = (LayoutModelPlugin) model.getPlugin(LayoutConstants.shortLabel);
        int level = model.getLevel();
        int version = model.getVersion();
        RenderListOfLayoutsPlugin sgp = slp == null ? null : globalPlugin(slp);
        if (sgp != null) {
            RenderListOfLayoutsPlugin gp = (RenderListOfLayoutsPlugin) lmp.getListOfLayouts()
                    .getPlugin(RenderConstants.shortLabel);
            for (GlobalRenderInformation g : sgp.getListOfGlobalRenderInformation()) {
                gp.addGlobalRenderInformation(relevel(g.clone(), level, version));
            }
        }
        for (int i = 0; slp != null && i < Math.min(slp.getLayoutCount(), lmp.getLayoutCount()); i++) {
            RenderLayoutPlugin srp = localPlugin(slp.getLayout(i));
            if (srp != null) {
                RenderLayoutPlugin rp = (RenderLayoutPlugin) lmp.getLayout(i).getPlugin(RenderConstants.shortLabel);
                for (LocalRenderInformation info : srp.getListOfLocalRenderInformation()) {
                    rp.addLocalRenderInformation(relevel(info.clone(), level, version));
                }
            }
        }
    }

    private static final java.util.regex.Pattern GLOBAL_LIST_SPAN = java.util.regex.Pattern.compile(
            "(?s)<(\\w+:)?listOfGlobalRenderInformation\\b.*?</(\\w+:)?listOfGlobalRenderInformation>");

    /**
     * Renames the items of L3 lists of global render information between JSBML's spelling
     * ({@code globalRenderInformation}) and the render specification's, which libSBML (and so
     * COPASI) reads and writes ({@code renderInformation}).
     *
     * @param toSpecification true when writing (JSBML's output to the specification's form),
     *            false when reading (to the form JSBML reads)
     */
    public static byte[] renameGlobalItems(byte[] xml, boolean toSpecification) {
        String text = new String(xml, StandardCharsets.UTF_8);
        if (!text.contains(GLOBAL_LIST)) {
            return xml;
        }
        String from = toSpecification ? "globalRenderInformation" : "renderInformation";
        String to = toSpecification ? "renderInformation" : "globalRenderInformation";
        java.util.regex.Matcher m = GLOBAL_LIST_SPAN.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            sb.append(m.group().replaceAll("<(/?)(\\w+:)?" + from + "\\b", "<$1$2" + to));
            last = m.end();
        }
        sb.append(text, last, text.length());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Gives a detached tree the level and version of the document it is going to. */
    private static <T extends SBase> T relevel(T sbase, int level, int version) {
        setLevelAndVersion(sbase, level, version);
        return sbase;
    }

    private static void setLevelAndVersion(TreeNode node, int level, int version) {
        if (node instanceof SBase sb) {
            setOne(sb, level, version);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            setLevelAndVersion(node.getChildAt(i), level, version);
        }
    }

    /** Sets one element, its parents first (some lists are not among their owner's tree children). */
    private static void setOne(SBase sb, int level, int version) {
        if (sb.getParent() instanceof SBase parent && parent != sb
                && (parent.getLevel() != level || parent.getVersion() != version)) {
            setOne(parent, level, version);
        }
        sb.setLevel(level);
        sb.setVersion(version);
    }

    private static LayoutModelPlugin layouts(Model m) {
        return m != null && m.getExtension(LayoutConstants.shortLabel) instanceof LayoutModelPlugin p ? p : null;
    }

    private static RenderListOfLayoutsPlugin globalPlugin(LayoutModelPlugin lmp) {
        if (lmp.isSetListOfLayouts()
                && lmp.getListOfLayouts().getExtension(RenderConstants.shortLabel) instanceof RenderListOfLayoutsPlugin gp
                && gp.isSetListOfGlobalRenderInformation() && !gp.getListOfGlobalRenderInformation().isEmpty()) {
            return gp;
        }
        return null;
    }

    private static RenderLayoutPlugin localPlugin(Layout l) {
        if (l.getExtension(RenderConstants.shortLabel) instanceof RenderLayoutPlugin rp
                && rp.isSetListOfLocalRenderInformation() && !rp.getListOfLocalRenderInformation().isEmpty()) {
            return rp;
        }
        return null;
    }

    /** L3 render element to its L2 form: L2 namespace, attributes without prefix. */
    private static XMLNode toL2Node(Element e, boolean top, boolean inGlobalList) {
        String name = e.getLocalName();
        if (inGlobalList && "globalRenderInformation".equals(name)) {
            name = "renderInformation";
        }
        XMLNode n = new XMLNode(new XMLTriple(name, NS, ""), new XMLAttributes());
        if (top) {
            n.addNamespace(NS);
            n.addNamespace(XSI, "xsi");
        }
        NamedNodeMap atts = e.getAttributes();
        for (int i = 0; i < atts.getLength(); i++) {
            Attr a = (Attr) atts.item(i);
            String ns = a.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            if (XSI.equals(ns)) {
                n.addAttr(a.getLocalName(), a.getValue(), XSI, "xsi");
            } else {
                n.addAttr(a.getLocalName(), a.getValue());
            }
        }
        boolean globalList = GLOBAL_LIST.equals(e.getLocalName());
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                n.addChild(toL2Node(ce, false, globalList));
            } else if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
                n.addChild(new XMLNode(c.getNodeValue()));
            }
        }
        return n;
    }

    /** L2 render element to L3 text for JSBML's render parser. */
    private static void toL3Text(Element e, StringBuilder sb, boolean inGlobalList) {
        String name = e.getLocalName();
        if (inGlobalList && "renderInformation".equals(name)) {
            name = "globalRenderInformation";
        }
        sb.append("<render:").append(name);
        NamedNodeMap atts = e.getAttributes();
        for (int i = 0; i < atts.getLength(); i++) {
            Attr a = (Attr) atts.item(i);
            String ns = a.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            sb.append(' ').append(XSI.equals(ns) ? "xsi:" : "render:").append(a.getLocalName()).append("=\"")
                    .append(escape(a.getValue())).append('"');
        }
        sb.append('>');
        boolean globalList = GLOBAL_LIST.equals(e.getLocalName());
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                toL3Text(ce, sb, globalList);
            } else if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
                sb.append(escape(c.getNodeValue()));
            }
        }
        sb.append("</render:").append(name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static Element first(Element root, String ns, String name) {
        List<Element> all = descendants(root, ns, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> descendants(Element root, String ns, String name) {
        List<Element> out = new ArrayList<>();
        var list = root.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** @return the first child element named {@code name} (in {@code ns}, or any namespace when null) */
    private static Element childElement(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName()) && (ns == null || ns.equals(c.getNamespaceURI()))) {
                return c;
            }
        }
        return null;
    }
}
