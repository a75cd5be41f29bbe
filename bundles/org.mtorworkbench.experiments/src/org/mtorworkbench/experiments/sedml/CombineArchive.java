package org.mtorworkbench.experiments.sedml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * COMBINE archives (OMEX 1.0): a zip file with {@code manifest.xml} listing its content and
 * formats. Written with the model, the SED-ML file (marked master) and the manifest; read
 * with bounded sizes (no entry over {@link #MAX_ENTRY_BYTES}, at most {@link #MAX_ENTRIES}).
 */
public final class CombineArchive {

    public static final String MANIFEST_NS = "http://identifiers.org/combine.specifications/omex-manifest";
    public static final String FORMAT_PREFIX = "http://identifiers.org/combine.specifications/";
    /** The name of the SED-ML file in archives the workbench writes. */
    public static final String SEDML_FILE = "experiment.sedml";
    public static final long MAX_ENTRY_BYTES = 64L << 20;
    public static final int MAX_ENTRIES = 1000;

    private final Map<String, byte[]> entries;
    private final Map<String, String> formats;
    private final String master;

    private CombineArchive(Map<String, byte[]> entries, Map<String, String> formats, String master) {
        this.entries = entries;
        this.formats = formats;
        this.master = master;
    }

    /** @return the entries by location (without a leading {@code ./}) */
    public Map<String, byte[]> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** @return the manifest's format of each location */
    public Map<String, String> formats() {
        return java.util.Collections.unmodifiableMap(formats);
    }

    /** @return the location of the SED-ML file to run: the master, or the only SED-ML file */
    public String sedml() {
        return master;
    }

    /**
     * Writes an archive atomically.
     *
     * @param sbmlFormat e.g. {@code sbml.level-3.version-2}
     */
    public static void write(Path file, byte[] model, String sbmlFormat, String sedml) throws IOException {
        Document m = Xml.newDocument();
        Element root = m.createElementNS(MANIFEST_NS, "omexManifest");
        m.appendChild(root);
        content(m, root, ".", "omex", false);
        content(m, root, "./manifest.xml", "omex-manifest", false);
        content(m, root, "./" + SedmlWriter.MODEL_FILE, sbmlFormat, false);
        content(m, root, "./" + SEDML_FILE, "sed-ml.level-1.version-3", true);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".mtorwb", ".omex.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "manifest.xml", Xml.toString(m).getBytes(StandardCharsets.UTF_8));
                put(zip, SedmlWriter.MODEL_FILE, model);
                put(zip, SEDML_FILE, sedml.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void content(Document d, Element root, String location, String format, boolean master) {
        Element c = d.createElementNS(MANIFEST_NS, "content");
        c.setAttribute("location", location);
        c.setAttribute("format", FORMAT_PREFIX + format);
        if (master) {
            c.setAttribute("master", "true");
        }
        root.appendChild(c);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Reads an archive.
     *
     * @throws SedmlException INVALID for a file that is not a zip, lacks a manifest, is too
     *             large or names no SED-ML file
     */
    public static CombineArchive read(Path file) throws SedmlException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw invalid(file, "holds more than " + MAX_ENTRIES + " files");
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] b = new byte[65536];
                long total = 0;
                for (int n; (n = zip.read(b)) > 0;) {
                    total += n;
                    if (total > MAX_ENTRY_BYTES) {
                        throw invalid(file, "entry '" + e.getName() + "' is larger than " + (MAX_ENTRY_BYTES >> 20)
                                + " MB");
                    }
                    buf.write(b, 0, n);
                }
                entries.put(normalise(e.getName()), buf.toByteArray());
            }
        } catch (IOException ex) {
            throw new SedmlException(SedmlException.Kind.INVALID, file + ": cannot be read as a COMBINE archive (zip): "
                    + ex.getMessage(), ex);
        }
        if (entries.isEmpty()) {
            throw invalid(file, "is empty or not a zip file");
        }
        byte[] manifest = entries.get("manifest.xml");
        if (manifest == null) {
            throw invalid(file, "has no manifest.xml; a COMBINE archive lists its content there");
        }
        Element root = Xml.parse(manifest, file + "!/manifest.xml").getDocumentElement();
        if (!"omexManifest".equals(root.getLocalName())) {
            throw invalid(file, "manifest.xml: the root element is <" + root.getLocalName() + ">, not <omexManifest>");
        }
        Map<String, String> formats = new LinkedHashMap<>();
        String master = null;
        String anySedml = null;
        int sedmlCount = 0;
        for (Element c : Xml.children(root, "content")) {
            String loc = normalise(c.getAttribute("location"));
            String format = c.getAttribute("format");
            formats.put(loc, format);
            boolean isSedml = format.contains("sed-ml") || format.contains("sedml");
            if (isSedml) {
                sedmlCount++;
                anySedml = loc;
                if ("true".equals(c.getAttribute("master"))) {
                    master = loc;
                }
            }
        }
        if (master == null) {
            if (sedmlCount == 0) {
                throw invalid(file, "manifest.xml lists no SED-ML file (format " + FORMAT_PREFIX
                        + "sed-ml...); there is no experiment to run");
            }
            if (sedmlCount > 1) {
                throw invalid(file, "manifest.xml lists " + sedmlCount + " SED-ML files and marks none master=\"true\"");
            }
            master = anySedml;
        }
        if (!entries.containsKey(master)) {
            throw invalid(file, "manifest.xml names '" + master + "', which the archive does not hold");
        }
        return new CombineArchive(entries, formats, master);
    }

    private static String normalise(String location) {
        String l = location.replace('\\', '/');
        while (l.startsWith("./") || l.startsWith("/")) {
            l = l.substring(l.startsWith("./") ? 2 : 1);
        }
        return l;
    }

    private static SedmlException invalid(Path file, String what) {
        return new SedmlException(SedmlException.Kind.INVALID, file + ": " + what);
    }
}
