package org.b2bforum.fair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.fair.FairService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.VenueFixture;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;

/** An exhibitor's delegate opens a visitor's badge link on the phone: a lead, or a refusal in words. */
@ForumSpringTest
class LeadScanViewTest extends ForumBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FairFixture fair;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    ForumUser exhibitorDelegate;
    TestCompany exhibitor;
    FairFixture.Stand stand;
    @Autowired
    FairService fairService;

    @BeforeEach
    void setUp() {
        exhibitor = booking.approvedCompany();
        stand = fair.standFor(exhibitor);
        exhibitorDelegate = venue.delegateAccount(exhibitor.firstDelegate());
    }


    /** The leads page only told a company without a stand that it was not an exhibitor: the entry is an exhibitor's. */
    @Test
    void only_an_exhibitors_people_have_the_leads_in_their_menu() {
        BookingFixture.logInAs(exhibitorDelegate);
        assertThat(menu()).contains("Контакты со стенда", "Выставка-ярмарка");
        BookingFixture.logInAs(exhibitor);
        assertThat(menu()).contains("Контакты со стенда");

        BookingFixture.logInAs(booking.approvedCompany()); // approved, without a stand
        assertThat(menu()).contains("Выставка-ярмарка").doesNotContain("Контакты со стенда");

        RegistrationForm pending = TestData.registrationForm();
        registrations.register(pending);
        TestData.logInAs(accounts, pending.getLoginEmail());
        assertThat(menu()).isNotEmpty().doesNotContain("Контакты со стенда");
    }

    /** The logged-in user's menu: a page without the frame first, so that the frame is made again for them. */
    private List<String> menu() {
        UI.getCurrent().navigate("forgot-password");
        UI.getCurrent().navigate("notifications");
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void the_badge_link_opened_by_an_exhibitors_delegate_gives_a_lead_of_a_consenting_visitor() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.delegateIds().get(1));
        String token = venue.badgeToken(visitor.delegateIds().get(1));
        BookingFixture.logInAs(exhibitorDelegate);

        UI.getCurrent().navigate("check-in/" + token);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("fair/scan/" + token);
        assertThat(find(H2.class).id("lead-name").getText()).isEqualTo("Anna Smirnova");
        assertThat(find(Paragraph.class).id("lead-status").getText()).startsWith("Контакт сохранён");
        LeadScanView view = (LeadScanView) getCurrentView();
        test(view.note).setValue("Прислать каталог");
        test(view.saveNote).click();
        assertThat(jdbc.queryForObject("select note from fair_lead where visitor_delegate_id = ?", String.class,
                visitor.delegateIds().get(1))).isEqualTo("Прислать каталог");
    }

    /**
     * The organizers freed the exhibitor's stand while a lead's page was open on a phone: Save note says why next to
     * the note, which stays (before: AccessDeniedException, the error page, the note lost).
     */
    @Test
    void a_note_saved_after_the_stand_was_freed_meanwhile_is_refused_next_to_the_field_and_kept() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        String token = venue.badgeToken(visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);
        UI.getCurrent().navigate("fair/scan/" + token);
        LeadScanView view = (LeadScanView) getCurrentView();
        booking.asOrganizer(() -> fairService.unassign(stand.id()));

        test(view.note).setValue("Прислать каталог");
        test(view.saveNote).click();

        assertThat(view.note.isInvalid()).isTrue();
        assertThat(view.note.getErrorMessage()).startsWith("У вашей компании нет стенда");
        assertThat(view.note.getValue()).isEqualTo("Прислать каталог");
    }

    @Test
    void in_the_english_ui_the_lead_names_the_visitors_city_in_english_and_the_leads_page_shows_the_note_whole() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);
        UI.getCurrent().setLocale(Languages.ENGLISH);

        UI.getCurrent().navigate("fair/scan/" + venue.badgeToken(visitor.firstDelegate()));
        assertThat(find(Paragraph.class).id("lead-company").getText()).endsWith(" · Moscow");
        LeadScanView scan = (LeadScanView) getCurrentView();
        String note = "Wants the full catalogue of road machinery and a quote for twelve graders before October";
        test(scan.note).setValue(note);
        test(scan.saveNote).click();

        LeadsView leads = navigate(LeadsView.class);
        String visitorCell = test(leads.grid).getCellComponent(0, 0).getElement().getTextRecursively();
        assertThat(visitorCell).as("name, company and city, when and by whom, in the visitor's one cell")
                .contains(exhibitorDelegate.displayName()).contains(" · Moscow");
        assertThat(test(leads.grid).getCellComponent(0, 1).getElement().getTextRecursively()).startsWith(note);
        assertThat(leads.grid.getColumns()).as("two columns, so that a phone shows both whole").hasSize(2);
        // a long note wraps in its cell instead of ending in "…"
        assertThat(leads.grid.getThemeNames()).contains(GridVariant.WRAP_CELL_CONTENT.getVariantName());
    }

    /** The note could be written only at the scan; after the talk it had nowhere to go (ux60). */
    @Test
    void a_note_is_written_on_the_leads_page_after_the_scan_and_one_too_long_is_refused_next_to_the_field() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);
        UI.getCurrent().navigate("fair/scan/" + venue.badgeToken(visitor.firstDelegate()));
        long lead = jdbc.queryForObject("select id from fair_lead where visitor_delegate_id = ?", Long.class,
                visitor.firstDelegate());

        LeadsView leads = navigate(LeadsView.class);
        Button add = noteButton(leads, lead);
        assertThat(add.getText()).isEqualTo("Добавить заметку");
        add.click(); // a cell's component, made by the renderer for the test, not in the page's tree
        TextArea note = find(TextArea.class).id("lead-note-edit");
        test(note).setValue("x".repeat(1001));
        test(find(Button.class).id("lead-note-save")).click();
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).startsWith("Заметка слишком длинная: её длина — не больше 1").endsWith("000"); // "1 000", Russian
        assertThat(note.getValue()).as("the text stays to be shortened").hasSize(1001);
        assertThat(jdbc.queryForObject("select note from fair_lead where id = ?", String.class, lead)).isNull();

        test(note).setValue("Просили видео испытаний катка");
        test(find(Button.class).id("lead-note-save")).click();
        assertThat(jdbc.queryForObject("select note from fair_lead where id = ?", String.class, lead))
                .isEqualTo("Просили видео испытаний катка");
        assertThat(test(leads.grid).getCellComponent(0, 1).getElement().getTextRecursively())
                .startsWith("Просили видео испытаний катка");
        assertThat(noteButton(leads, lead).getText()).isEqualTo("Изменить заметку");
    }

    /**
     * The camera will not read a badge at the stand: its code typed in on the leads page gives the lead, in the list at
     * once; a wrong code, one of a visitor who did not consent, one that is no code, say why next to the field (ux79).
     */
    @Test
    void a_badge_code_typed_on_the_leads_page_adds_the_lead_and_a_refusal_shows_next_to_the_field() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        String code = venue.badgeCode(visitor.firstDelegate());
        String noConsent = venue.badgeCode(visitor.delegateIds().get(1));
        BookingFixture.logInAs(exhibitorDelegate);
        LeadsView leads = navigate(LeadsView.class);
        assertThat(leads.code.getLabel()).isEqualTo("Код с бейджа");

        test(leads.code).setValue("7KQ-3P");
        test(leads.addByCode).click();
        assertThat(leads.code.isInvalid()).isTrue();
        assertThat(leads.code.getErrorMessage()).startsWith("Код бейджа — шесть букв и цифр");
        test(leads.code).setValue(noConsent);
        test(leads.addByCode).click();
        assertThat(leads.code.getErrorMessage()).startsWith("Посетитель не дал согласия");
        assertThat(leads.code.getValue()).as("kept to be corrected").isEqualTo(noConsent);

        test(leads.code).setValue(code.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
        test(leads.addByCode).click();
        assertThat(leads.code.isInvalid()).isFalse();
        assertThat(leads.code.getValue()).isEmpty();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Контакт сохранён: Иван Петров");
        assertThat(test(leads.grid).size()).isOne();
        assertThat(test(leads.grid).getCellComponent(0, 0).getElement().getTextRecursively()).startsWith("Иван Петров");
    }

    /** The note's button in the first row, which is the lead's (the exhibitor's only one). */
    private Button noteButton(LeadsView leads, long lead) {
        Button button = (Button) test(leads.grid).getCellComponent(0, 1).getChildren()
                .filter(c -> c instanceof Button).findFirst().orElseThrow();
        assertThat(button.getId()).contains("lead-note-" + lead);
        return button;
    }

    @Test
    void a_leads_file_that_cannot_be_made_at_the_click_says_so_on_the_page() {
        BookingFixture.logInAs(exhibitorDelegate);
        navigate(LeadsView.class);
        Anchor csv = find(Anchor.class).id("leads-csv");
        Anchor xlsx = find(Anchor.class).id("leads-xlsx");
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        test(csv).download(made);
        assertThat(made.size()).as("made").isPositive();
        assertThat(find(Notification.class).all()).isEmpty();

        // refused (here: the log-in ended meanwhile; at the forum, the database away): before, a failed download and
        // the page as it was, the click seemed to do nothing
        TestData.logOut();
        org.assertj.core.api.Assertions.catchThrowable(() -> test(csv).download(new ByteArrayOutputStream()));
        org.assertj.core.api.Assertions.catchThrowable(() -> test(xlsx).download(new ByteArrayOutputStream()));
        assertThat(find(Notification.class).all()).hasSize(2).allSatisfy(n -> assertThat(test(n).getText())
                .startsWith("Что-то пошло не так, действие не выполнено. Ваши данные в сохранности."));
    }

    @Test
    void a_visitor_without_consent_or_an_unknown_badge_is_refused_in_words() {
        TestCompany visitor = booking.approvedCompany();
        String token = venue.badgeToken(visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);

        UI.getCurrent().navigate("check-in/" + token);
        assertThat(find(Paragraph.class).id("lead-refused").getText())
                .startsWith("Посетитель не дал согласия передавать свои данные экспонентам");
        UI.getCurrent().navigate("fair/scan/unknown-" + TestData.unique());
        assertThat(find(Paragraph.class).id("lead-refused").getText()).startsWith("Бейдж не распознан");
        assertThat(jdbc.queryForObject("select count(*) from fair_lead where exhibitor_company_id = ?", Integer.class,
                exhibitor.id())).isZero();
    }

    @Test
    void a_company_without_a_stand_reads_why_it_has_no_leads_on_the_leads_page_and_when_scanning() {
        TestCompany visitor = booking.approvedCompany();
        jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        TestCompany withoutStand = booking.approvedCompany();
        BookingFixture.logInAs(withoutStand);

        navigate(LeadsView.class);
        assertThat(find(Paragraph.class).id("leads-not-exhibitor").getText())
                .startsWith("У вашей компании нет стенда на выставке-ярмарке");
        UI.getCurrent().navigate("fair/scan/" + venue.badgeToken(visitor.firstDelegate()));
        assertThat(find(Paragraph.class).id("lead-refused").getText())
                .startsWith("У вашей компании нет стенда на выставке-ярмарке");
        assertThat(jdbc.queryForObject("select count(*) from fair_lead where exhibitor_company_id = ?", Integer.class,
                withoutStand.id())).isZero();
    }

    @Test
    void venue_staff_still_check_people_in_with_the_same_link() {
        TestCompany visitor = booking.approvedCompany();
        String token = venue.badgeToken(visitor.firstDelegate());
        BookingFixture.logInAs(venue.staff());

        UI.getCurrent().navigate("check-in/" + token);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("check-in/" + token);
    }
}
