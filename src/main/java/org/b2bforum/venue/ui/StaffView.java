package org.b2bforum.venue.ui;

import org.b2bforum.base.ui.ComponentTexts;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Passwords;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.DisableLogInDialog;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.base.security.StaffAccount;
import org.b2bforum.base.security.AccountRefusedException;
import org.b2bforum.venue.StaffService;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers create log-ins for the venue staff (check-in at the door, meetings held at the
 * tables) and switch them off after the forum.
 */
@Route("staff")
@Menu(title = "menu.staff", icon = "USERS", order = 14)
@RolesAllowed(Role.ORGANIZER_NAME)
class StaffView extends VerticalLayout implements HasDynamicTitle {

    final TextField email = new TextField();
    final TextField name = new TextField();
    final PasswordField password = new PasswordField();
    final Button create = new Button();
    final Grid<StaffAccount> accounts = new Grid<>();

    private final StaffService staff;

    StaffView(StaffService staff, ForumTime forumTime) {
        this.staff = staff;
        addClassName("page");
        addClassName("staff-view");

        email.setId("staff-email");
        email.setManualValidation(true);
        name.setManualValidation(true);
        password.setManualValidation(true);
        email.setLabel(getTranslation("staff.email"));
        email.setMaxLength(254);
        name.setId("staff-name");
        name.setLabel(getTranslation("staff.name"));
        name.setMaxLength(200);
        password.setId("staff-password");
        ComponentTexts.revealButtons(password);
        password.setLabel(getTranslation("staff.password"));
        password.setHelperText(getTranslation("staff.password.helper", Passwords.MIN_LENGTH));
        password.setMaxLength(Passwords.MAX_LENGTH);
        create.setText(getTranslation("staff.create"));
        create.setId("staff-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> create());
        FormLayout form = new FormLayout(email, name, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));

        accounts.setId("staff-accounts");
        accounts.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        accounts.setAllRowsVisible(true);
        accounts.setEmptyStateText(getTranslation("staff.empty"));
        // on a phone the e-mail under the name, its column and the date left out (PhoneColumns): the grid scrolled
        // sideways to the switch
        accounts.addColumn(LitRenderer.<StaffAccount>of("""
                <span>${item.name}</span><span class="phone-only">${item.email}</span>""")
                .withProperty("name", StaffAccount::displayName).withProperty("email", StaffAccount::email))
                .setHeader(getTranslation("staff.name")).setKey("name").setWidth("10rem").setFlexGrow(1)
                .setFrozen(true); // between a phone and a desktop the grid may scroll: the row's name stays in sight
        Grid.Column<StaffAccount> email = accounts.addColumn(StaffAccount::email).setHeader(getTranslation("staff.email"))
                .setKey("email").setAutoWidth(true).setFlexGrow(1); // an address has no space to wrap at
        Grid.Column<StaffAccount> created = accounts.addColumn(a -> forumTime.format(a.createdAt(), getLocale()))
                .setHeader(getTranslation("staff.created")).setKey("created").setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(new ComponentRenderer<>(this::toggle)).setHeader(getTranslation("staff.access"))
                .setAutoWidth(true).setFlexGrow(0);
        PhoneColumns.leaveOut(accounts, email, created);

        H2 list = new H2(getTranslation("staff.list"));
        list.addClassName("meetings-heading");
        add(new H1(getTranslation("staff.title")), new Paragraph(getTranslation("staff.intro")), form, create, list,
                accounts);
        refresh();
    }

    private Button toggle(StaffAccount account) {
        Button button = new Button(getTranslation(account.enabled() ? "staff.disable" : "staff.enable"), e -> {
            if (account.enabled()) {
                DisableLogInDialog.ask(account.email(), account.displayName(), () -> setEnabled(account, false));
            } else {
                setEnabled(account, true);
            }
        });
        button.setId("staff-toggle-" + account.id());
        button.addThemeVariants(ButtonVariant.SMALL, account.enabled() ? ButtonVariant.ERROR : ButtonVariant.SUCCESS);
        return button;
    }

    private void setEnabled(StaffAccount account, boolean enabled) {
        staff.setEnabled(account.id(), enabled);
        if (enabled) {
            Notices.success(getTranslation("accounts.enabled", account.email()));
        } else {
            Notices.done(getTranslation("accounts.disabled", account.email()));
        }
        refresh();
    }

    private void create() {
        for (HasValidation field : new HasValidation[] {email, name, password}) {
            field.setInvalid(false);
        }
        try {
            staff.create(email.getValue(), name.getValue(), password.getValue());
        } catch (AccountRefusedException e) {
            HasValidation field = switch (e.field()) {
                case "email" -> email;
                case "name" -> name;
                default -> password;
            };
            field.setErrorMessage(getTranslation(e.messageKey(), Passwords.messageArguments(e.messageKey())));
            field.setInvalid(true);
            return;
        }
        Notices.success(getTranslation("staff.created-notice", name.getValue().trim()));
        email.clear();
        name.clear();
        password.clear();
        refresh();
    }

    private void refresh() {
        accounts.setItems(staff.staff());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.title") + " · " + getTranslation("app.short-title");
    }
}
