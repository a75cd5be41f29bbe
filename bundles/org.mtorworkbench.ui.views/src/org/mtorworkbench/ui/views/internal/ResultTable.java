package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.mtorworkbench.sbml.NumberText;

/**
 * A result table on screen: a column per table column, sorted by a click on a column
 * header (numbers as numbers; a second click reverses), copied to the clipboard as
 * tab-separated text.
 */
public final class ResultTable {

    private final Table table;
    private List<String> columns = List.of();
    private List<List<Object>> rows = new ArrayList<>();
    private int sortColumn = -1;
    private boolean ascending = true;

    ResultTable(Composite parent) {
        table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            List<Object> row = rows.get(table.indexOf(item));
            for (int c = 0; c < row.size(); c++) {
                item.setText(c, text(row.get(c)));
            }
        });
    }

    /** Shows a table. */
    void show(org.mtorworkbench.experiments.Table result) {
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        columns = result.columns();
        rows = new ArrayList<>(result.rows());
        sortColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(columns.get(i));
            c.setWidth(Math.max(60, 9 * columns.get(i).length() + 20));
            int index = i;
            c.addListener(SWT.Selection, e -> sortBy(index, index == sortColumn ? !ascending : true));
        }
        reload();
    }

    /** Sorts the rows by a column. */
    public void sortBy(int column, boolean up) {
        Comparator<List<Object>> cmp = Comparator.comparing(r -> r.get(column), ResultTable::compare);
        rows.sort(up ? cmp : cmp.reversed());
        sortColumn = column;
        ascending = up;
        table.setSortColumn(table.getColumn(column));
        table.setSortDirection(up ? SWT.UP : SWT.DOWN);
        reload();
    }

    private void reload() {
        table.clearAll();
        table.setItemCount(rows.size());
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String text(Object v) {
        return v instanceof Number n ? Numbers.format(n.doubleValue()) : String.valueOf(v);
    }

    /** @return the rows in their shown order */
    public List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    /** @return the column names */
    public List<String> columns() {
        return columns;
    }

    /** @return the selected rows (all rows when none is selected) as tab-separated text with a header line */
    public String asText() {
        int[] selected = table.getSelectionIndices();
        StringBuilder sb = new StringBuilder(String.join("\t", columns)).append('\n');
        if (selected.length == 0) {
            rows.forEach(r -> line(sb, r));
        } else {
            java.util.Arrays.sort(selected);
            for (int i : selected) {
                line(sb, rows.get(i));
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> row) {
        for (int c = 0; c < row.size(); c++) {
            // Pasted into a spreadsheet or a script: every digit, not the six the cells show.
            Object v = row.get(c);
            sb.append(c == 0 ? "" : "\t").append(v instanceof Number n ? NumberText.format(n.doubleValue()) : text(v));
        }
        sb.append('\n');
    }

    /** Copies {@link #asText()} to the clipboard. */
    void copy() {
        Clipboard cb = new Clipboard(table.getDisplay());
        try {
            cb.setContents(new Object[] { asText() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            cb.dispose();
        }
    }

    /** @return the SWT table */
    public Table control() {
        return table;
    }
}
