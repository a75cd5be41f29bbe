package org.mtorworkbench.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The File, Edit, Window and Help menus. File > New lists the perspective's new-wizard
 * shortcuts (Model from Template, Project, Folder) and Other... for every wizard. Commands of
 * other bundles (Open Model..., the experiment launcher) are contributed to the named groups
 * through plugin.xml.
 */
final class ActionBars extends ActionBarAdvisor {

    private IWorkbenchAction save;
    private IWorkbenchAction saveAs;
    private IWorkbenchAction close;
    private IWorkbenchAction quit;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction delete;
    private IWorkbenchAction selectAll;
    private IWorkbenchAction preferences;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction about;
    private IContributionItem newWizards;

    ActionBars(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        save = reg(ActionFactory.SAVE.create(window));
        saveAs = reg(ActionFactory.SAVE_AS.create(window));
        close = reg(ActionFactory.CLOSE.create(window));
        quit = reg(ActionFactory.QUIT.create(window));
        undo = reg(ActionFactory.UNDO.create(window));
        redo = reg(ActionFactory.REDO.create(window));
        delete = reg(ActionFactory.DELETE.create(window));
        selectAll = reg(ActionFactory.SELECT_ALL.create(window));
        preferences = reg(ActionFactory.PREFERENCES.create(window));
        resetPerspective = reg(ActionFactory.RESET_PERSPECTIVE.create(window));
        about = reg(ActionFactory.ABOUT.create(window));
        newWizards = ContributionItemFactory.NEW_WIZARD_SHORTLIST.create(window);
    }

    private IWorkbenchAction reg(IWorkbenchAction a) {
        register(a);
        return a;
    }

    @Override
    protected void fillMenuBar(IMenuManager bar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        MenuManager newMenu = new MenuManager("&New", ActionFactory.NEW.getId());
        newMenu.add(newWizards);
        file.add(newMenu);
        file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
        file.add(new GroupMarker(IWorkbenchActionConstants.OPEN_EXT));
        file.add(new Separator());
        file.add(close);
        file.add(new Separator(IWorkbenchActionConstants.SAVE_GROUP));
        file.add(save);
        file.add(saveAs);
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(quit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        edit.add(undo);
        edit.add(redo);
        edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
        edit.add(new Separator());
        edit.add(delete);
        edit.add(selectAll);
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager run = new MenuManager("&Run", "org.mtorworkbench.ui.run");
        run.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(getActionBarConfigurer().getWindowConfigurer()
                .getWindow()));
        window.add(showView);
        window.add(resetPerspective);
        window.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        window.add(new Separator());
        window.add(preferences);

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(about);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

        bar.add(file);
        bar.add(edit);
        bar.add(run);
        bar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        bar.add(window);
        bar.add(help);
    }
}
