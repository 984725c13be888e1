package org.b2bforum.base.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.AccountSummary;
import org.b2bforum.base.security.PasswordResetService;
import org.b2bforum.base.security.Role;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers see every log-in, switch any off or on (its open sessions end at once), and issue a
 * password reset link to pass on when the owner cannot get e-mail.
 */
@Route("accounts")
@Menu(title = "menu.accounts", icon = "USER_CARD", order = 15)
@RolesAllowed(Role.ORGANIZER_NAME)
class AccountsView extends VerticalLayout implements HasDynamicTitle {

    final TextField text = new TextField();
    final ComboBox<Role> role = new ComboBox<>();
    final Grid<AccountSummary> grid = new Grid<>();

    private final AccountService accounts;
    private final PasswordResetService resets;
    private final ForumTime forumTime;

    AccountsView(AccountService accounts, PasswordResetService resets, ForumTime forumTime) {
        this.accounts = accounts;
        this.forumTime = forumTime;
        this.resets = resets;
        addClassName("page");
        setSizeFull();

        text.setId("accounts-filter-text");
        text.setLabel(getTranslation("accounts.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        role.setId("accounts-filter-role");
        role.setLabel(getTranslation("accounts.filter.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setPlaceholder(getTranslation("accounts.filter.any"));
        role.setClearButtonVisible(true);
        role.addValueChangeListener(e -> refresh());

        grid.setId("accounts-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        // two columns, the account's lines under each other and its two buttons under each other: five columns side
        // by side (12 + 10 rem, the role, the date, 15 rem) reached 720 px, and at 390 px the role and the buttons were
        // off-screen to the right, behind a sideways scroll (ux59)
        grid.addColumn(new ComponentRenderer<>(this::account)).setHeader(getTranslation("accounts.column.account"))
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("accounts.column.access"))
                .setWidth("11rem").setFlexGrow(0);
        HorizontalLayout filters = new HorizontalLayout(text, role);
        filters.setWrap(true);
        add(new H1(getTranslation("accounts.title")), filters, grid);
        refresh();
    }

    /** The log-in's e-mail, its owner's name and company, then the role and when it was made. */
    Div account(AccountSummary account) {
        Span email = new Span(account.email());
        email.addClassName("account-email");
        Span name = new Span(account.displayName() + (account.demo() ? " (" + getTranslation("accounts.demo") + ")" : "")
                + (account.company() == null ? "" : ", " + getTranslation("text.quoted", account.company())));
        name.addClassName("account-name");
        Span meta = new Span(getTranslation("role." + account.role().name()) + " · " + getTranslation("staff.created")
                + " " + forumTime.format(account.createdAt(), getLocale()));
        meta.addClassName("account-meta");
        Div cell = new Div(email, name, meta);
        cell.addClassName("account-cell");
        return cell;
    }

    private HorizontalLayout actions(AccountSummary account) {
        Button toggle = new Button(getTranslation(account.enabled() ? "accounts.disable" : "accounts.enable"),
                e -> {
                    if (account.enabled()) {
                        DisableLogInDialog.ask(account.email(), account.displayName(), () -> setEnabled(account, false));
                    } else {
                        setEnabled(account, true);
                    }
                });
        toggle.setId("accounts-toggle-" + account.id());
        toggle.addThemeVariants(ButtonVariant.SMALL, account.enabled() ? ButtonVariant.ERROR : ButtonVariant.SUCCESS);
        Button reset = new Button(getTranslation("accounts.reset-link"), e -> showResetLink(account));
        reset.setId("accounts-reset-" + account.id());
        reset.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        reset.addClassName("account-reset"); // its words wrap in the narrow column (forum.css)
        reset.setEnabled(account.enabled());
        HorizontalLayout actions = new HorizontalLayout(toggle, reset);
        actions.setWrap(true);
        actions.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-s)");
        return actions;
    }

    void setEnabled(AccountSummary account, boolean enabled) {
        try {
            accounts.setEnabled(account.id(), enabled);
        } catch (AccountRefusedException e) {
            Notices.error(getTranslation(e.messageKey()));
            return;
        }
        if (enabled) {
            Notices.success(getTranslation("accounts.enabled", account.email()));
        } else {
            Notices.done(getTranslation("accounts.disabled", account.email()));
        }
        grid.getDataProvider().refreshAll();
    }

    void showResetLink(AccountSummary account) {
        String link;
        try {
            link = resets.issueLink(account.id());
        } catch (AccountRefusedException e) { // switched off meanwhile, by another organizer
            Notices.error(getTranslation(e.messageKey()));
            grid.getDataProvider().refreshAll();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("accounts.reset-link"));
        CopyableLink linkText = new CopyableLink("accounts-reset-link", getTranslation("accounts.reset-link.field"), link);
        dialog.add(new Paragraph(getTranslation("accounts.reset-link.intro", account.email())), linkText);
        dialog.getFooter().add(new Button(getTranslation("accounts.reset-link.close"), e -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        String filterText = text.getValue();
        Role filterRole = role.getValue();
        grid.setItems(query -> accounts.accounts(filterText, filterRole, query.getOffset(), query.getLimit()).stream(),
                query -> accounts.countAccounts(filterText, filterRole));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · " + getTranslation("app.short-title");
    }
}
