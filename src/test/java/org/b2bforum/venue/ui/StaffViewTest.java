package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.venue.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;

/** Organizers create staff log-ins with the usual password rules, and switch them off. */
@ForumSpringTest
class StaffViewTest extends ForumBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    StaffService staff;

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_creates_a_staff_log_in_after_fixing_a_weak_password_and_switches_it_off() {
        StaffView view = navigate(StaffView.class);
        String email = TestData.uniqueEmail("door");
        test(view.email).setValue(email);
        test(view.name).setValue("Марина Ковалёва");
        test(view.password).setValue("qwerty1234");
        test(view.create).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Этот пароль слишком простой");
        assertThat(accounts.isEmailRegistered(email)).isFalse();

        test(view.password).setValue("Door-Check-2026");
        test(view.create).click();

        assertThat(view.password.isInvalid()).isFalse();
        assertThat(view.email.getValue()).isEmpty();
        ForumUser created = accounts.loadUserByUsername(email);
        assertThat(created.role()).isEqualTo(Role.STAFF);
        assertThat(created.isEnabled()).isTrue();
        assertThat(created.displayName()).isEqualTo("Марина Ковалёва");
        assertThat(test(view.accounts).size()).isEqualTo(staff.staff().size());
        assertThat(staff.staff()).anyMatch(a -> a.email().equals(email));

        // the same e-mail twice is refused at the field
        test(view.email).setValue(email.toUpperCase());
        test(view.name).setValue("Другой сотрудник");
        test(view.password).setValue("Door-Check-2026");
        test(view.create).click();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Эта почта уже используется для входа");

        var grid = test(view.accounts);
        int row = java.util.stream.IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).email().equals(email))
                .findFirst().orElseThrow();
        assertThat(grid.getLitRendererPropertyValue(row, 0, "name", String.class)).isEqualTo("Марина Ковалёва");
        assertThat(view.accounts.getColumns().getFirst().isFrozen())
                .as("if the grid scrolls sideways to the switch, the row's name stays in sight").isTrue();
        // at 390 px the grid scrolled sideways to the switch: a phone leaves out the e-mail's column and the date, and
        // shows the e-mail under the name (forum.css, on a narrow screen only)
        assertThat(view.accounts.getColumns().stream()
                .filter(c -> c.getElement().getClassList().contains(PhoneColumns.WIDE_ONLY)).map(Grid.Column::getKey))
                .containsExactly("email", "created");
        assertThat(grid.getLitRendererPropertyValue(row, 0, "email", String.class)).isEqualTo(email);
        Button toggle = (Button) grid.getCellComponent(row, 3);
        assertThat(toggle.getText()).isEqualTo("Отключить");
        test(toggle).click();
        // it asks first: switching off ends the staff member's sessions at once, at the door
        ConfirmDialog confirm = $(ConfirmDialog.class).id("confirm-disable-log-in");
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Отключить вход " + email + "?");
        assertThat(confirm.getElement().getProperty("message")).startsWith("Марина Ковалёва не сможет войти");
        assertThat(accounts.loadUserByUsername(email).isEnabled()).as("not before yes").isTrue();
        test(confirm).confirm();
        assertThat(accounts.loadUserByUsername(email).isEnabled()).as("switched off").isFalse();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Вход " + email + " отключён, открытые сеансы завершены");
    }

    @Test
    void only_organizers_manage_staff() {
        String email = TestData.uniqueEmail("staff");
        accounts.createStaffAccount(email, "Venue-Test-2026", "Сотрудник");
        TestData.logInAs(accounts, email);
        assertThatThrownBy(() -> staff.create(TestData.uniqueEmail("x"), "X", "Venue-Test-2026"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.staff()).isInstanceOf(AccessDeniedException.class);
    }
}
