package org.b2bforum.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Cities;
import org.b2bforum.company.Delegates;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.i18n.I18NProvider;

/** Exhibitors' people scan visitors' badges and get leads, only with the visitor's consent. */
@ForumSpringTest
class LeadServiceTest {

    static final List<String> HEADERS = List.of("Имя", "Должность", "Компания", "Город", "Заметка", "Когда", "Кто");

    @Autowired
    LeadService leads;
    @Autowired
    ForumTime forumTime;
    @Autowired
    I18NProvider i18n;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Delegates delegates;

    @Autowired
    FairFixture fair;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;
    TestCompany exhibitor;
    ForumUser exhibitorDelegate;
    TestCompany visitor;

    @BeforeEach
    void setUp() {
        exhibitor = booking.approvedCompany();
        fair.standFor(exhibitor);
        exhibitorDelegate = venue.delegateAccount(exhibitor.delegateIds().get(1));
        visitor = visitorWithConsent();
    }


    @Test
    void an_exhibitors_delegate_scanning_a_consenting_visitors_badge_gets_a_lead_with_name_company_and_a_note() {
        String token = venue.badgeToken(visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);

        assertThat(leads.canScan()).isTrue();
        LeadScan scan = leads.scan(token);
        assertThat(scan.firstTime()).isTrue();
        assertThat(scan.lead().visitorName()).isEqualTo("Иван Петров");
        assertThat(scan.lead().visitorCompany()).isEqualTo(shortName(visitor));
        assertThat(scan.lead().scannedBy()).isEqualTo(exhibitorDelegate.displayName());
        leads.saveNote(scan.lead().id(), "Прислать каталог");

        LeadScan again = leads.scan(token);
        assertThat(again.firstTime()).isFalse();
        assertThat(again.lead().note()).isEqualTo("Прислать каталог");
        assertThat(booking.as(exhibitor, () -> leads.myLeads())).singleElement()
                .satisfies(lead -> assertThat(lead.visitorName()).isEqualTo("Иван Петров"));
    }

    @Test
    void another_exhibitor_neither_reads_nor_changes_a_lead_it_did_not_scan() {
        BookingFixture.logInAs(exhibitorDelegate);
        Lead lead = leads.scan(venue.badgeToken(visitor.firstDelegate())).lead();
        leads.saveNote(lead.id(), "Прислать каталог");
        TestCompany rival = booking.approvedCompany();
        fair.standFor(rival);

        BookingFixture.logInAs(rival);
        assertThat(leads.myLeads()).isEmpty();
        assertThatThrownBy(() -> leads.saveNote(lead.id(), "Переманить"))
                .isInstanceOfSatisfying(FairRefusedException.class, e -> assertThat(e.key()).isEqualTo("lead.error.not-found"));
        assertThat(jdbc.queryForObject("select note from fair_lead where id = ?", String.class, lead.id()))
                .isEqualTo("Прислать каталог");
    }

    @Test
    void a_visitor_without_consent_is_refused_in_words_and_nothing_is_stored() {
        // the visitor's second delegate did not tick the box; a company registered the usual way consents to nothing
        String noConsent = venue.badgeToken(visitor.delegateIds().get(1));
        TestCompany usual = booking.approvedCompany();
        String usualToken = venue.badgeToken(usual.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);

        for (String token : List.of(noConsent, usualToken)) {
            assertThatThrownBy(() -> leads.scan(token)).isInstanceOf(FairRefusedException.class)
                    .hasMessage("lead.error.no-consent");
        }
        assertThat(leadsOf(exhibitor)).isZero();
    }

    @Test
    void an_unknown_or_revoked_badge_is_refused_in_words_and_nothing_is_stored() {
        String token = venue.badgeToken(visitor.firstDelegate());
        booking.withdrawApproval(visitor);
        BookingFixture.logInAs(exhibitorDelegate);

        assertThatThrownBy(() -> leads.scan(token)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.revoked-badge");
        assertThatThrownBy(() -> leads.scan("no-such-badge-" + TestData.unique())).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.unknown-badge");
        assertThat(leadsOf(exhibitor)).isZero();
    }

    /**
     * The visitor's company removes them while their badge is scanned: the scan read them, its lead's key then waits
     * for the removal and finds no delegate. Refused as an unknown badge (before: NoSuchElementException from the
     * lead's read, the error page with its trace).
     */
    @Test
    void a_badge_scanned_while_its_holder_is_being_removed_is_refused_in_words() throws Exception {
        String token = venue.badgeToken(visitor.firstDelegate());

        Throwable scan = LockWaits.whileHeld(booking, jdbc, transactionManager,
                () -> booking.removeDelegate(visitor, visitor.firstDelegate()),
                () -> booking.as(exhibitorDelegate, () -> leads.scan(token)));

        assertThat(scan).isInstanceOf(FairRefusedException.class).hasMessage("lead.error.unknown-badge");
        assertThat(leadsOf(exhibitor)).isZero();
    }

    @Test
    void only_the_people_of_an_exhibiting_company_scan_badges() {
        String token = venue.badgeToken(visitor.firstDelegate());
        TestCompany noStand = booking.approvedCompany();
        BookingFixture.logInAs(noStand.user());
        assertThat(leads.canScan()).isFalse();
        assertThatThrownBy(() -> leads.scan(token)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.not-exhibitor");
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> leads.scan(token)).isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(exhibitor.user());
        assertThatThrownBy(() -> leads.scan(venue.badgeToken(exhibitor.firstDelegate())))
                .isInstanceOf(FairRefusedException.class).hasMessage("lead.error.own-badge");
    }

    // ---------------------------------------------------------------- the badge's code typed in (ux79)

    /**
     * The camera will not read a crumpled badge: its code, typed as it comes (lower case, spaces, a dash, Cyrillic
     * look-alikes from a Russian keyboard), gives the lead the QR code gives. A badge whose token came before the codes
     * gets its code on the next print and keeps its token.
     */
    @Test
    void a_badge_code_typed_in_as_it_comes_gives_the_same_lead_as_the_qr_code() {
        String token = venue.badgeToken(visitor.firstDelegate());
        String code = venue.badgeCode(visitor.firstDelegate());
        assertThat(delegates.ensureBadgeKeys(List.of(visitor.firstDelegate())).get(visitor.firstDelegate())
                .checkInToken()).isEqualTo(token);
        BookingFixture.logInAs(exhibitorDelegate);

        LeadScan typed = leads.scanCode(" " + code.substring(0, 3).toLowerCase(Locale.ROOT) + " - " + code.substring(3)
                + " ");
        assertThat(typed.firstTime()).isTrue();
        assertThat(typed.lead().visitorName()).isEqualTo("Иван Петров");
        assertThat(typed.lead().scannedBy()).isEqualTo(exhibitorDelegate.displayName());
        assertThat(leads.scan(token).firstTime()).as("the QR code finds the same lead").isFalse();
        assertThat(leads.scanCode(cyrillic(code)).lead().id()).isEqualTo(typed.lead().id());
        assertThat(leadsOf(exhibitor)).isOne();
    }

    @Test
    void a_typed_code_follows_the_scans_rules_revoked_no_consent_own_badge_and_unknown_and_stores_nothing() {
        String noConsent = venue.badgeCode(visitor.delegateIds().get(1));
        String own = venue.badgeCode(exhibitor.firstDelegate());
        TestCompany revoked = visitorWithConsent();
        String revokedCode = venue.badgeCode(revoked.firstDelegate());
        booking.withdrawApproval(revoked);
        BookingFixture.logInAs(exhibitorDelegate);

        assertThatThrownBy(() -> leads.scanCode(noConsent)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.no-consent");
        assertThatThrownBy(() -> leads.scanCode(own)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.own-badge");
        assertThatThrownBy(() -> leads.scanCode(revokedCode)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.revoked-badge");
        assertThatThrownBy(() -> leads.scanCode(venue.unusedBadgeCode())).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.unknown-code");
        for (String notACode : List.of("", "7KQ-3P", "7KQ-3PXX", "OIL-105", "7KQ 3P!")) {
            assertThatThrownBy(() -> leads.scanCode(notACode)).as(notACode).isInstanceOf(FairRefusedException.class)
                    .hasMessage("lead.error.code-format");
        }
        assertThat(leadsOf(exhibitor)).isZero();
        BookingFixture.logInAs(booking.approvedCompany().user()); // approved, without a stand
        assertThatThrownBy(() -> leads.scanCode(noConsent)).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.not-exhibitor");
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> leads.scanCode(noConsent)).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * A guesser walking the codes for leads: the tenth wrong code in a quarter of an hour locks the account out of
     * typing codes, a right one too, for minutes it is told; a colleague's account, and the QR code, still work. A
     * code that is no code (a typo's length) is not counted.
     */
    @Test
    void wrong_codes_typed_in_are_throttled_per_account() {
        String code = venue.badgeCode(visitor.firstDelegate());
        BookingFixture.logInAs(exhibitorDelegate);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> leads.scanCode("7KQ")).hasMessage("lead.error.code-format");
        }
        for (int i = 1; i < 10; i++) {
            assertThatThrownBy(() -> leads.scanCode(venue.unusedBadgeCode())).as("miss " + i)
                    .hasMessage("lead.error.unknown-code");
        }
        assertThatThrownBy(() -> leads.scanCode(venue.unusedBadgeCode())).isInstanceOf(FairRefusedException.class)
                .hasMessage("lead.error.code-too-many")
                .satisfies(e -> assertThat(((FairRefusedException) e).args()).containsExactly(5L));
        assertThatThrownBy(() -> leads.scanCode(code)).as("locked: not looked up").hasMessage("lead.error.code-too-many");
        assertThat(leadsOf(exhibitor)).isZero();

        assertThat(booking.as(exhibitor, () -> leads.scanCode(code)).firstTime()).as("another account").isTrue();
        assertThat(leads.scan(venue.badgeToken(visitor.firstDelegate())).firstTime()).isFalse();
    }

    /** The code as a Russian keyboard may type it: the Latin letters that have a Cyrillic twin typed in Cyrillic. */
    private static String cyrillic(String code) {
        StringBuilder typed = new StringBuilder();
        for (char c : code.toCharArray()) {
            int latin = "ABEKMHPCTXY".indexOf(c);
            typed.append(latin < 0 ? c : "авекмнрстху".charAt(latin));
        }
        return typed.toString();
    }

    @Test
    void leads_export_as_csv_with_formulas_neutralised_and_as_xlsx() throws IOException {
        BookingFixture.logInAs(exhibitorDelegate);
        Lead lead = leads.scan(venue.badgeToken(visitor.firstDelegate())).lead();
        leads.saveNote(lead.id(), "=HYPERLINK(\"http://evil\")");

        String city = jdbc.queryForObject("select city from company where id = ?", String.class, visitor.id());
        // the city in the reader's language, as the view asks (stored in Russian)
        UnaryOperator<String> inEnglish = name -> Cities.inLanguage(name, key -> i18n.getTranslation(key, Locale.ENGLISH));
        assertThat(inEnglish.apply(city)).isNotEqualTo(city);
        String csv = new String(leads.csv(HEADERS, inEnglish), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).startsWith("\uFEFF\"Имя\",\"Должность\"")
                .contains("\"Иван Петров\"", "\"" + shortName(visitor) + "\"", "\"'=HYPERLINK(\"\"http://evil\"\")\"",
                        "\"" + inEnglish.apply(city) + "\"");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(leads.xlsx(HEADERS, "Контакты", inEnglish)))) {
            XSSFSheet sheet = workbook.getSheet("Контакты");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Имя");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Иван Петров");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(inEnglish.apply(city));
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            // opened as the exhibitor's sales office would (ux87): the time a date to sort by, not text; the header
            // bold, frozen and filtering; the note wider than the other columns
            assertThat(sheet.getRow(1).getCell(5).getLocalDateTimeCellValue().truncatedTo(ChronoUnit.MINUTES))
                    .isEqualTo(lead.scannedAt().atZone(forumTime.zone()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
            assertThat(sheet.getRow(1).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G2");
            assertThat(sheet.getColumnWidth(4)).isGreaterThan(sheet.getColumnWidth(0));
        }
        // the CSV writes the time as text, in the workbook's form; a lead without a note leaves its cell blank (it was
        // a text cell of nothing, which a filter lists apart from the blanks)
        assertThat(csv).contains("\"" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(lead.scannedAt().atZone(forumTime.zone())) + "\"");
        leads.saveNote(lead.id(), "");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(leads.xlsx(HEADERS, "Контакты", inEnglish)))) {
            assertThat(workbook.getSheet("Контакты").getRow(1).getCell(4)).isNull();
            assertThat(workbook.getSheet("Контакты").getRow(1).getCell(5).getCellType())
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
    }

    @Test
    void consent_is_recorded_at_registration_off_by_default_and_kept_when_the_profile_is_edited() {
        assertThat(jdbc.queryForList("select lead_consent from delegate where company_id = ? order by sort_order",
                Boolean.class, visitor.id())).containsExactly(true, false);
        assertThat(jdbc.queryForObject("select lead_consent_at is not null from delegate where id = ?", Boolean.class,
                visitor.firstDelegate())).isTrue();
        assertThat(new RegistrationForm.DelegateForm().isLeadConsent()).isFalse();

        RegistrationForm form = booking.as(visitor, () -> registrations.myApplicationForm());
        assertThat(form.getDelegates()).extracting(RegistrationForm.DelegateForm::isLeadConsent).containsExactly(true, false);
        form.getDelegates().get(0).setLeadConsent(false);
        form.getDelegates().get(1).setLeadConsent(true);
        booking.as(visitor, () -> registrations.updateProfile(form));
        assertThat(jdbc.queryForList("select lead_consent from delegate where company_id = ? order by sort_order",
                Boolean.class, visitor.id())).containsExactly(false, true);
        assertThat(jdbc.queryForObject("select lead_consent_at is null from delegate where id = ?", Boolean.class,
                visitor.firstDelegate())).isTrue();
    }

    /** An approved company whose first delegate ticked "exhibitors may scan my badge" and the second did not. */
    private TestCompany visitorWithConsent() {
        RegistrationForm form = TestData.registrationForm();
        form.getDelegates().get(0).setLeadConsent(true);
        long id = registrations.register(form);
        booking.asOrganizer(() -> registrations.approve(id));
        List<Long> delegates = jdbc.queryForList("select id from delegate where company_id = ? order by sort_order",
                Long.class, id);
        return new TestCompany(id, form.getLoginEmail(), accounts.loadUserByUsername(form.getLoginEmail()), delegates);
    }

    private int leadsOf(TestCompany company) {
        return jdbc.queryForObject("select count(*) from fair_lead where exhibitor_company_id = ?", Integer.class,
                company.id());
    }

    private String shortName(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }
}
