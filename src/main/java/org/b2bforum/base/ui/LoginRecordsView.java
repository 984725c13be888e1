package org.b2bforum.base.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.LoginAttempt;
import org.b2bforum.base.security.LoginOutcome;
import org.b2bforum.base.security.LoginRecords;
import org.b2bforum.base.security.Role;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Organizers read the log-in records: who tried to log in, from where, and how it ended. */
@Route("logins")
@Menu(title = "menu.logins", icon = "SIGN_IN", order = 16)
@RolesAllowed(Role.ORGANIZER_NAME)
class LoginRecordsView extends VerticalLayout implements HasDynamicTitle {

    final TextField text = new TextField();
    final ComboBox<LoginOutcome> outcome = new ComboBox<>();
    final Grid<LoginAttempt> grid = new Grid<>();

    private final LoginRecords records;

    LoginRecordsView(LoginRecords records, ForumTime forumTime) {
        this.records = records;
        addClassName("page");
        setSizeFull();
        text.setId("logins-filter-text");
        text.setLabel(getTranslation("logins.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        outcome.setId("logins-filter-outcome");
        outcome.setLabel(getTranslation("logins.filter.outcome"));
        outcome.setItems(LoginOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("login.outcome." + o.name()));
        outcome.setPlaceholder(getTranslation("accounts.filter.any"));
        outcome.setClearButtonVisible(true);
        outcome.addValueChangeListener(e -> refresh());

        grid.setId("logins-grid");
        // wrapped: e-mails and addresses, with no space to wrap at, break anywhere (forum.css) rather than end in "…";
        // a width from the content would be read from the lazy grid's first rows only ("0:0:0:0:0:0:0:…" further down)
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(a -> forumTime.format(a.attemptedAt(), getLocale())).setHeader(getTranslation("logins.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.email().isEmpty() ? getTranslation("logins.not-an-email") : a.email())
                .setHeader(getTranslation("logins.column.email")).setWidth("12rem").setFlexGrow(2);
        grid.addColumn(LoginAttempt::address).setHeader(getTranslation("logins.column.address")).setWidth("9rem")
                .setFlexGrow(1);
        // a width, wrapped: a width from the content is read from the rows the grid measures first ("Вход"), which
        // left "Неверная" of a later row cut on a phone (AccessibilityIT)
        grid.addColumn(a -> getTranslation("login.outcome." + a.outcome().name()))
                .setHeader(getTranslation("logins.column.outcome")).setWidth("9rem").setFlexGrow(0);
        // a LOCKED record stands for the refusals since the previous one of its lock (docs/security.md)
        grid.addColumn(LoginAttempt::refused).setHeader(getTranslation("logins.column.refused")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        HorizontalLayout filters = new HorizontalLayout(text, outcome);
        filters.setWrap(true);
        add(new H1(getTranslation("logins.title")), filters, grid);
        refresh();
    }

    private void refresh() {
        String filterText = text.getValue();
        LoginOutcome filterOutcome = outcome.getValue();
        grid.setItems(query -> records.attempts(filterText, filterOutcome, query.getOffset(), query.getLimit()).stream(),
                query -> records.count(filterText, filterOutcome));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("logins.title") + " · " + getTranslation("app.short-title");
    }
}
