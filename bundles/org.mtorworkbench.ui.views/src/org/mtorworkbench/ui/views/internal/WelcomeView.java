package org.mtorworkbench.ui.views.internal;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.ViewPart;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.ui.views.ViewIds;
import org.sbml.jsbml.Model;

/**
 * The welcome page the first start shows beside the built-in network: what the network is,
 * three example experiments that run with one click each (in the Experiment Launcher, whose
 * form shows what was run), and links to the guides.
 */
public final class WelcomeView extends ViewPart {

    /** The guides the page links to: the name shown and the file in {@code docs/}. */
    static final Map<String, String> GUIDES = linked("User guide", "user-guide.md", "Experiments and designs",
            "experiments.md", "Result views", "views.md", "The built-in network", "network.md");

    /** Where the first start writes the built-in network ({@code org.mtorworkbench.ui}'s {@code FirstRun}). */
    static final String NETWORK_FILE = "mTOR network/mtor-network.xml";

    /** The workbench's text editor, which shows the guides (Markdown) as text. */
    private static final String TEXT_EDITOR = "org.eclipse.ui.DefaultTextEditor";

    private final List<Button> runButtons = new ArrayList<>();
    private Path docs;
    private ScrolledComposite scroller;

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite page = new Composite(scroller, SWT.NONE);
        page.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        page.setBackgroundMode(SWT.INHERIT_FORCE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 14;
        layout.marginHeight = 12;
        layout.verticalSpacing = 8;
        page.setLayout(layout);
        scroller.setContent(page);

        heading(page, "mTOR Workbench", JFaceResources.HEADER_FONT);
        Model network = NetworkModel.newDocument().getModel();
        paragraph(page, "The diagram beside this page is the built-in network (builtin:mtor): the mTORC1/mTORC2 "
                + "signalling network of the review the workbench ships with. Growth-factor receptors feed the PI3K/Akt "
                + "and Ras/Erk arms; TSC1/2 and Rheb relay them to mTORC1, which drives S6K1 and 4E-BP1, and S6K1 "
                + "feeds back onto IRS-1; mTORC2 phosphorylates Akt at S473. " + network.getSpeciesCount()
                + " species, " + network.getReactionCount() + " reactions, " + Contributions.drugs().drugs().size()
                + " drugs and " + Contributions.contexts().contexts().size() + " cell contexts. "
                + (ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromOSString(NETWORK_FILE)).exists()
                        ? "It is the file " + NETWORK_FILE + " of the workspace: edit it in the diagram, and run "
                                + "experiments on it (or on the built-in original) from the Experiment Launcher."
                        : "File > New > Model from Template writes it into a project; the Experiment Launcher "
                                + "runs experiments on it."));

        heading(page, "Try an experiment", JFaceResources.BANNER_FONT);
        for (Examples.Example e : Examples.ALL) {
            Button run = new Button(page, SWT.PUSH);
            run.setText("Run");
            run.setToolTipText("Run " + e.title() + " in the Experiment Launcher");
            run.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
            run.addListener(SWT.Selection, ev -> runExample(e));
            runButtons.add(run);
            Composite text = new Composite(page, SWT.NONE);
            GridLayout tl = new GridLayout(1, false);
            tl.marginWidth = 0;
            tl.marginHeight = 0;
            text.setLayout(tl);
            text.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
            Label title = new Label(text, SWT.NONE);
            title.setText(e.title());
            title.setFont(JFaceResources.getBannerFont());
            Label what = new Label(text, SWT.WRAP);
            what.setText(e.text());
            GridData wd = new GridData(SWT.FILL, SWT.BEGINNING, true, false);
            wd.widthHint = 300;
            what.setLayoutData(wd);
        }

        heading(page, "Learn more", JFaceResources.BANNER_FONT);
        docs = findDocs();
        Link links = new Link(page, SWT.WRAP);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> g : GUIDES.entrySet()) {
            sb.append(sb.length() == 0 ? "" : " \u00b7 ").append(docs == null ? g.getKey()
                    : "<a href=\"" + g.getValue() + "\">" + g.getKey() + "</a>");
        }
        sb.append(docs == null ? "\nThe guides are the docs/ folder of the mTOR Workbench sources." : "");
        sb.append("\nHeadless commands: ./mtorwb help. Window > Show View > Review Findings checks the review's "
                + "findings on the network.");
        links.setText(sb.toString());
        GridData ld = new GridData(SWT.FILL, SWT.BEGINNING, true, false, 2, 1);
        ld.widthHint = 300;
        links.setLayoutData(ld);
        links.addListener(SWT.Selection, e -> openGuide(e.text));

        scroller.addListener(SWT.Resize, e -> {
            int width = scroller.getClientArea().width;
            scroller.setMinSize(page.computeSize(width, SWT.DEFAULT));
        });
    }

    private static void heading(Composite page, String text, String font) {
        Label l = new Label(page, SWT.NONE);
        l.setText(text);
        l.setFont(JFaceResources.getFont(font));
        l.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false, 2, 1));
    }

    private static void paragraph(Composite page, String text) {
        Label l = new Label(page, SWT.WRAP);
        l.setText(text);
        GridData d = new GridData(SWT.FILL, SWT.BEGINNING, true, false, 2, 1);
        d.widthHint = 300;
        l.setLayoutData(d);
    }

    /** Runs an example in the launcher (shown first); its results open in their view. */
    void runExample(Examples.Example e) {
        IWorkbenchPage page = getSite().getPage();
        try {
            LauncherView launcher = (LauncherView) page.showView(ViewIds.LAUNCHER);
            launcher.runDesigns(e.runs());
        } catch (PartInitException ex) {
            MessageDialog.openError(getSite().getShell(), "Run " + e.title(), ex.getMessage());
        }
    }

    /** Opens a guide in the workbench's text editor. */
    private void openGuide(String file) {
        Path p = docs == null ? null : docs.resolve(file);
        if (p == null || !Files.isRegularFile(p)) {
            MessageDialog.openInformation(getSite().getShell(), "Guides", "The guide " + file + " is not here; the "
                    + "guides are the docs/ folder of the mTOR Workbench sources.");
            return;
        }
        try {
            getSite().getPage().openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(p.toUri())),
                    TEXT_EDITOR);
        } catch (PartInitException ex) {
            MessageDialog.openError(getSite().getShell(), "Guides", "Cannot open " + p + ": " + ex.getMessage());
        }
    }

    /**
     * @return the guides' folder: {@code docs/} of the sources the product was built in (the
     *         product lies under their {@code releng/}) or of the folder {@code ./mtorwb} was
     *         started from; null when neither has one
     */
    static Path findDocs() {
        List<Path> starts = new ArrayList<>();
        Location install = Platform.getInstallLocation();
        URL url = install == null ? null : install.getURL();
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                starts.add(Path.of(url.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                starts.add(Path.of(url.getPath()));
            }
        }
        String cwd = System.getProperty("mtorwb.cwd");
        if (cwd != null) {
            starts.add(Path.of(cwd));
        }
        for (Path start : starts) {
            for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("docs").resolve("user-guide.md"))) {
                    return p.resolve("docs");
                }
            }
        }
        return null;
    }

    /** @return the Run buttons of the examples, in the order of {@link Examples#ALL} */
    public List<Button> runButtons() {
        return List.copyOf(runButtons);
    }

    /** @return the folder of the guides the links open, or null when none was found */
    public Path docs() {
        return docs;
    }

    @Override
    public void setFocus() {
        if (!runButtons.isEmpty()) {
            runButtons.get(0).setFocus();
        }
    }
}
