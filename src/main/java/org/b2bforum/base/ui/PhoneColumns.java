package org.b2bforum.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * The columns a grid leaves out on a phone, where the page's styles lay the pages out for a narrow screen (forum.css,
 * {@code max-width: 600px}); what a row needs there goes into the columns that stay (the approval queue: the city
 * under the company's name). The browser hides them with the column's own {@code hidden}, so that the grid lays out
 * the rest as if they were not there, whenever the width crosses 600 px (a phone turned, a window narrowed); the server
 * keeps them visible and is not asked: no round trip, and the desktop's grid is the one the server made. The columns of
 * automatic width are measured again then (the queue's status: its two badges side by side on a desktop, one over the
 * other on a phone).
 */
public final class PhoneColumns {

    /** The class of the columns left out on a phone. */
    public static final String WIDE_ONLY = "wide-only";

    /** One listener for the page, whatever the grids it has shown: it hides or shows every such column there is. */
    private static final String FIT = """
            if (!window.b2bforumPhoneColumns) {
              const phone = window.matchMedia('(max-width: 600px)');
              window.b2bforumPhoneColumns = crossed => {
                const columns = [...document.querySelectorAll('vaadin-grid-column.wide-only')];
                columns.forEach(column => column.hidden = phone.matches);
                // crossed with rows shown: the columns of automatic width measured again, their content laid out
                // otherwise now (a grid just made measures them itself once its first rows are in)
                if (crossed) {
                  new Set(columns.map(column => column.closest('vaadin-grid')))
                      .forEach(grid => requestAnimationFrame(() => grid.recalculateColumnWidths()));
                }
              };
              phone.addEventListener('change', () => window.b2bforumPhoneColumns(true));
            }
            window.b2bforumPhoneColumns(false);""";

    private PhoneColumns() {
    }

    @SafeVarargs
    public static <T> void leaveOut(Grid<T> grid, Grid.Column<T>... columns) {
        for (Grid.Column<T> column : columns) {
            column.getElement().getClassList().add(WIDE_ONLY);
        }
        grid.addAttachListener(e -> grid.getElement().executeJs(FIT));
    }
}
