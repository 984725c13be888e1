package org.b2bforum.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Country;
import org.b2bforum.company.Delegates;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.access.AccessDeniedException;

/** Badges as PDF: what they show, who may have them, and the organizers' batch. */
@ForumSpringTest
class BadgeServiceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    BadgeService badges;
    @Autowired
    BadgeBatchService batches;
    @Autowired
    Delegates delegates;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramItems programItems;
    @Autowired
    AccountService accounts;

    @Autowired
    DelegateFixture fixture;
    @Autowired
    BookingFixture booking;

    @Test
    void the_qr_code_on_a_badge_decodes_to_a_check_in_link_whose_token_belongs_to_that_delegate() {
        TestCompany company = booking.approvedCompany();
        long delegateId = company.firstDelegate();
        byte[] pdf = booking.as(company, () -> badges.badgePdf(delegateId, Languages.RUSSIAN));

        try (PDDocument document = BadgePdfs.load(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(297.6f, within());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(419.5f, within());
            String link = BadgePdfs.qrCode(document, 0);
            assertThat(link).matches("http://localhost:\\d+/check-in/[A-Za-z0-9_-]{43}");
            String token = link.substring(link.lastIndexOf('/') + 1);
            assertThat(delegates.byCheckInToken(token)).contains(delegateId);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        byte[] again = booking.asOrganizer(() -> badges.badgePdf(delegateId, Languages.RUSSIAN));
        try (PDDocument document = BadgePdfs.load(again)) {
            assertThat(BadgePdfs.qrCode(document, 0)).as("a badge printed again carries the same token")
                    .endsWith("/check-in/" + delegates.ensureBadgeKeys(List.of(delegateId)).get(delegateId).checkInToken());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The code under the QR code, typed in at a stand when a camera will not read the badge (ux79): printed on the
     * badge and shown on the delegate's page, the same on both and on every print, unique, of the unambiguous alphabet.
     */
    @Test
    void a_badge_prints_its_short_code_under_the_qr_code_the_same_on_every_print_and_on_the_delegates_page() {
        TestCompany company = booking.approvedCompany();
        long delegateId = company.firstDelegate();
        long colleague = company.delegateIds().get(1);
        String login = fixture.delegateAccount(company, delegateId);
        TestData.logInAs(accounts, login);

        String code = badges.myBadgeCode();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        try (PDDocument document = BadgePdfs.load(badges.myBadgePdf(Languages.RUSSIAN))) {
            assertThat(BadgePdfs.text(document, 1)).contains(code);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] again = booking.asOrganizer(() -> badges.badgePdf(delegateId, Languages.ENGLISH));
        byte[] other = booking.asOrganizer(() -> badges.badgePdf(colleague, Languages.RUSSIAN));
        try (PDDocument document = BadgePdfs.load(again); PDDocument colleagues = BadgePdfs.load(other)) {
            assertThat(BadgePdfs.text(document, 1)).as("printed again: the same code").contains(code);
            assertThat(BadgePdfs.text(colleagues, 1)).as("another badge, another code").doesNotContain(code);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(delegates.ensureBadgeKeys(List.of(delegateId)).get(delegateId).code())
                .isEqualTo(code.replace("-", ""));
    }

    @Test
    void a_delegates_phone_shows_the_badge_code_with_the_same_check_in_link_as_the_printed_badge() {
        TestCompany company = booking.approvedCompany();
        long delegateId = company.firstDelegate();
        String login = fixture.delegateAccount(company, delegateId);

        TestData.logInAs(accounts, login);
        byte[] png = badges.myBadgeCodePng();

        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        String link = BadgePdfs.qrCodeOfImage(png);
        assertThat(link).matches("http://localhost:\\d+/check-in/[A-Za-z0-9_-]{43}");
        assertThat(delegates.byCheckInToken(link.substring(link.lastIndexOf('/') + 1))).contains(delegateId);
        try (PDDocument document = BadgePdfs.load(badges.myBadgePdf(Languages.RUSSIAN))) {
            assertThat(BadgePdfs.qrCode(document, 0)).as("the printed badge carries the same code").isEqualTo(link);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        booking.withdrawApproval(company);
        TestData.logInAs(accounts, login);
        assertThatThrownBy(() -> badges.myBadgeCodePng()).as("no code while the company is not approved")
                .isInstanceOf(AccessDeniedException.class);
        booking.as(company, () -> {
            assertThatThrownBy(() -> badges.myBadgeCodePng()).as("a company's account has no badge of its own")
                    .isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void the_badge_prints_cyrillic_names_the_company_city_role_and_on_the_back_the_schedule() {
        booking.openBooking(false);
        TestSession session = booking.session(3, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), 20);
        String city = "Гродно " + TestData.unique();
        TestCompany minsk = fixture.approvedCompany(Country.BY, city, "Белорусские тракторы " + TestData.unique(),
                List.of("Алесь Жук|Главный инженер"));
        TestCompany moscow = booking.approvedCompany();
        booking.asOrganizer(() -> {
            organizerBookings.bookAsOrganizer(minsk.id(), moscow.id(), session.slot(1).id());
            badges.setRole(minsk.firstDelegate(), BadgeRole.SPEAKER);
        });

        byte[] pdf = booking.as(minsk, () -> badges.badgePdf(minsk.firstDelegate(), Languages.RUSSIAN));

        try (PDDocument document = BadgePdfs.load(pdf)) {
            String front = BadgePdfs.text(document, 1).replace('\n', ' ');
            assertThat(front).contains("Алесь Жук", "Главный инженер", "Белорусские тракторы", city + ", Беларусь",
                    "СПИКЕР", "Бизнес-форум «Минск и Москва: новый драйвер развития»");
            // walked (ux84): the forum's days "18–21 сентября 2027", the year without its "г."
            assertThat(front).containsPattern("\\d{1,2} \\p{L}+ \\d{4} г\\.");
            String back = BadgePdfs.text(document, 2);
            assertThat(back).contains("Личное расписание", "10:20–10:40", "Стол № 1", session.hallName());
            assertThat(back.replace("\n", " ")).contains(shortNameOf(moscow));
            // walked (ux81): "По состоянию на 20 сентября 2027, 10:07", the year without its "г."; once only (ux84)
            assertThat(back.replace("\n", " "))
                    .containsPattern("По состоянию на \\d{1,2} \\p{L}+ \\d{4} г\\., \\d{2}:\\d{2} \\(время московское\\)")
                    .doesNotContain("г. г.");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Paper is for what is still to come: a badge lists the entries that end after its print and says what is over is
     * in the app; with nothing left it says so, by date and time. Before, it listed the past days first (and only those
     * when the delegate had nothing later); then whole days, so a night batch at 22:00 listed the day that was over.
     * The prints fall at 01:00 and 22:00 Moscow time, when the date in UTC differs or the day is over: a zone slip
     * or a whole-day filter fails.
     */
    @Test
    void a_badge_printed_during_the_forum_lists_what_is_still_to_come_and_leaves_what_is_over_to_the_app() {
        booking.openBooking(false);
        // a day of its own each, in no fixed order (the fixture's days): sorted, and the same hours on both
        List<TestSession> sessions = java.util.stream.Stream.of(
                booking.session(2, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), 20),
                booking.session(2, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), 20))
                .sorted(java.util.Comparator.comparing(TestSession::day)).toList();
        TestCompany minsk = fixture.approvedCompany(Country.BY, "Пинск " + TestData.unique(),
                "Пинскдрев-Тест " + TestData.unique(), List.of("Ольга Сидорова|Директор"));
        TestCompany earlier = booking.approvedCompany();
        TestCompany later = booking.approvedCompany();
        booking.asOrganizer(() -> {
            organizerBookings.bookAsOrganizer(minsk.id(), earlier.id(), sessions.get(0).slot(0).id());
            organizerBookings.bookAsOrganizer(minsk.id(), later.id(), sessions.get(1).slot(0).id());
        });
        java.time.ZoneId moscow = java.time.ZoneId.of("Europe/Moscow");
        java.time.LocalDate secondDay = sessions.get(1).day();
        Instant atNight = secondDay.atTime(1, 0).atZone(moscow).toInstant();
        Instant inTheEvening = secondDay.atTime(22, 0).atZone(moscow).toInstant();

        String atNightOfTheSecondDay = backPrintedAt(minsk, atNight, Languages.RUSSIAN);
        String eveningOfTheSecondDay = backPrintedAt(minsk, inTheEvening, Languages.RUSSIAN);
        String eveningInEnglish = backPrintedAt(minsk, inTheEvening, Languages.ENGLISH);

        assertThat(atNightOfTheSecondDay).contains(shortNameOf(later), "10:00–10:20", "Прошедшее — в приложении.")
                .doesNotContain(shortNameOf(earlier));
        assertThat(eveningOfTheSecondDay).contains(
                        "Встреч и мероприятий после " + secondDay.getDayOfMonth() + " ", ", 22:00 нет.",
                        "Прошедшее — в приложении.")
                .doesNotContain(shortNameOf(later), shortNameOf(earlier));
        assertThat(eveningInEnglish).contains("Nothing scheduled after " + secondDay.getDayOfMonth() + " "
                + secondDay.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ", 22:00.",
                "What is over is in the app.");
        assertThat(backPrintedAt(minsk, secondDay.plusDays(1).atTime(1, 0).atZone(moscow).toInstant(),
                Languages.RUSSIAN)).contains("после " + secondDay.plusDays(1).getDayOfMonth() + " ", ", 01:00 нет.");
    }

    /** The back of the delegate's badge printed at {@code at}, its lines joined. */
    private String backPrintedAt(TestCompany company, Instant at, Locale locale) {
        String[] back = new String[1];
        TestClock.aheadOnThisThread(Duration.between(context.getBean(java.time.Clock.class).instant(), at), () -> {
            byte[] pdf = booking.as(company, () -> badges.badgePdf(company.firstDelegate(), locale));
            try (PDDocument document = BadgePdfs.load(pdf)) {
                back[0] = BadgePdfs.text(document, 2).replace('\n', ' ');
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return back[0];
    }

    @Test
    void the_back_of_an_english_badge_names_the_hall_and_the_round_table_in_english() {
        booking.openBooking(false);
        TestSession session = booking.session(3, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), 20);
        String hall = booking.nameHallInEnglish(session.hallId());
        TestCompany minsk = booking.approvedCompany();
        TestCompany moscow = booking.approvedCompany();
        booking.asOrganizer(() -> {
            organizerBookings.bookAsOrganizer(minsk.id(), moscow.id(), session.slot(1).id());
            long item = programItems.add(session.dayId(), org.b2bforum.program.ProgramItemKind.ROUND_TABLE,
                    "Круглый стол «Туризм»", "Round table: Tourism", "Зал «Немига»", "Nemiga Hall",
                    java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 0));
            programItems.signUp(item, List.of(minsk.firstDelegate()));
            return null;
        });

        for (Locale locale : Languages.ALL) {
            byte[] pdf = booking.as(minsk, () -> badges.badgePdf(minsk.firstDelegate(), locale));
            try (PDDocument document = BadgePdfs.load(pdf)) {
                String back = BadgePdfs.text(document, 2).replace('\n', ' ');
                if (locale == Languages.ENGLISH) {
                    // English dates keep no "г.": "18–21 September 2027", "As of 20 September 2027, 10:07"
                    assertThat(BadgePdfs.text(document, 1).replace('\n', ' '))
                            .containsPattern("\\d{1,2} \\p{L}+ \\d{4}").doesNotContain("г.");
                    assertThat(back)
                            .containsPattern("As of \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} \\(Moscow time\\)")
                            .doesNotContain("г.");
                    assertThat(back).contains("Table 1 · " + hall, "Round table: Tourism", "Nemiga Hall")
                            .doesNotContain(session.hallName(), "Немига");
                } else {
                    assertThat(back).contains("Стол № 1 · " + session.hallName(), "Круглый стол «Туризм»",
                            "Зал «Немига»").doesNotContain(hall, "Nemiga");
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void text_that_is_too_long_is_shortened_and_the_badge_still_has_two_pages() {
        String longName = "Константинопольская-Христорождественская Александра-Анастасия Владиславовна фон Вальденбург";
        String longPosition = "Заместитель генерального директора по внешнеэкономической деятельности, "
                + "международному сотрудничеству и развитию региональных представительств в странах СНГ";
        TestCompany company = fixture.approvedCompany("Москва", "Очень длинное название " + TestData.unique(),
                List.of(longName + "|" + longPosition));

        byte[] pdf = booking.as(company, () -> badges.badgePdf(company.firstDelegate(), Locale.ENGLISH));

        try (PDDocument document = BadgePdfs.load(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String front = BadgePdfs.text(document, 1);
            assertThat(front).contains("Константинопольская").contains("…");
            assertThat(front).as("the English badge names the city in English").contains("Moscow, Russia");
            assertThat(BadgePdfs.qrCode(document, 0)).contains("/check-in/");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The QR standard asks four modules of white around the code: the code under it stood three below (ux79), and a
     * badge of the longest texts keeps the text above out of it too.
     */
    @Test
    void the_qr_code_keeps_four_modules_of_white_around_it_on_a_badge_of_the_longest_texts() throws IOException {
        String longName = "Константинопольская-Христорождественская Александра-Анастасия Владиславовна фон Вальденбург";
        String longPosition = "Заместитель генерального директора по внешнеэкономической деятельности, "
                + "международному сотрудничеству и развитию региональных представительств в странах СНГ";
        TestCompany company = fixture.approvedCompany("Санкт-Петербург", "Очень длинное название компании с "
                + "ограниченной ответственностью и филиалами " + TestData.unique(), List.of(longName + "|" + longPosition));

        byte[] pdf = booking.as(company, () -> badges.badgePdf(company.firstDelegate(), Languages.RUSSIAN));

        try (PDDocument document = BadgePdfs.load(pdf)) {
            float dpi = 300;
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, dpi, org.apache.pdfbox.rendering.ImageType.GRAY);
            float scale = dpi / 72;
            float module = BadgeRenderer.QR_SIZE / BadgeQr.encode(BadgePdfs.qrCode(document, 0)).getWidth();
            float left = (BadgeRenderer.PAGE.getWidth() - BadgeRenderer.QR_SIZE) / 2;
            float top = BadgeRenderer.PAGE.getHeight() - BadgeRenderer.QR_BOTTOM - BadgeRenderer.QR_SIZE;
            int dark = 0;
            // the band of four modules around the code, a pixel in from each of its edges (anti-aliasing)
            for (int y = Math.round((top - 4 * module) * scale) + 1; y < Math.round((top + BadgeRenderer.QR_SIZE
                    + 4 * module) * scale) - 1; y++) {
                for (int x = Math.round((left - 4 * module) * scale) + 1; x < Math.round((left + BadgeRenderer.QR_SIZE
                        + 4 * module) * scale) - 1; x++) {
                    boolean inCode = x >= (left - 0.5f) * scale && x < (left + BadgeRenderer.QR_SIZE + 0.5f) * scale
                            && y >= (top - 0.5f) * scale && y < (top + BadgeRenderer.QR_SIZE + 0.5f) * scale;
                    if (!inCode && (page.getRaster().getSample(x, y, 0) < 200)) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("dark pixels within four modules of the QR code").isZero();
            assertThat(BadgePdfs.text(document, 1)).contains("…");
        }
    }

    @Test
    void a_delegate_gets_only_their_own_badge_and_schedule() {
        TestCompany company = booking.approvedCompany();
        String login = fixture.delegateAccount(company, company.firstDelegate());
        long colleague = company.delegateIds().get(1);
        TestCompany other = booking.approvedCompany();

        TestData.logInAs(accounts, login);
        assertThat(badges.myBadgePdf(Languages.RUSSIAN)).startsWith("%PDF-".getBytes());
        assertThat(badges.mySchedule().delegate().delegateId()).isEqualTo(company.firstDelegate());
        assertThat(badges.schedule(company.firstDelegate()).delegate().fullName()).isEqualTo("Иван Петров");

        assertThatThrownBy(() -> badges.badgePdf(colleague, Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> badges.schedule(colleague)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> badges.badgePdf(other.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> badges.schedule(other.firstDelegate())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> badges.holders(BadgeFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> batches.start(BadgeFilter.ALL, Languages.RUSSIAN))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_company_gets_the_badges_of_its_own_delegates_only_and_organizers_get_anyones() {
        TestCompany company = booking.approvedCompany();
        TestCompany other = booking.approvedCompany();

        booking.as(company, () -> {
            assertThat(badges.badgePdf(company.delegateIds().get(1), Languages.RUSSIAN)).startsWith("%PDF-".getBytes());
            assertThat(badges.schedule(company.delegateIds().get(1)).entries()).isEmpty();
            assertThatThrownBy(() -> badges.badgePdf(other.firstDelegate(), Languages.RUSSIAN))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> badges.schedule(other.firstDelegate())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> badges.setRole(company.firstDelegate(), BadgeRole.PRESS))
                    .isInstanceOf(AccessDeniedException.class);
        });
        booking.asOrganizer(() -> assertThat(badges.badgePdf(other.firstDelegate(), Languages.RUSSIAN))
                .startsWith("%PDF-".getBytes()));
        TestData.logOut();
        assertThatThrownBy(() -> badges.badgePdf(other.firstDelegate(), Languages.RUSSIAN))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_batch_has_two_pages_per_badge_sorted_by_company_and_name_and_follows_the_filter() throws Exception {
        String city = "Бобруйск " + TestData.unique();
        TestCompany b = fixture.approvedCompany(city, "Б-Строй " + TestData.unique(),
                List.of("Яковлев Пётр", "Антонова Мария"));
        TestCompany a = fixture.approvedCompany(city, "А-Логистик " + TestData.unique(),
                List.of("Сидоров Олег", "Борисова Анна", "Васильев Ян"));
        booking.asOrganizer(() -> badges.setRole(a.delegateIds().get(2), BadgeRole.PRESS));

        TestData.logInAsOrganizer(accounts);
        assertThat(badges.count(new BadgeFilter(city, null, null))).isEqualTo(5);
        assertThat(badges.holders(new BadgeFilter(city, null, null), 0, 10)).extracting(BadgeHolder::fullName)
                .containsExactly("Борисова Анна", "Васильев Ян", "Сидоров Олег", "Антонова Мария", "Яковлев Пётр");
        assertThat(badges.count(new BadgeFilter(city, null, BadgeRole.PRESS))).isEqualTo(1);
        assertThat(badges.count(new BadgeFilter(null, b.id(), null))).isEqualTo(2);

        BadgeBatch done = runBatch(new BadgeFilter(city, null, null));

        assertThat(done.state()).isEqualTo(BadgeBatch.State.DONE);
        assertThat(done.total()).isEqualTo(5);
        assertThat(done.done()).isEqualTo(5);
        byte[] pdf;
        try (InputStream in = batches.open(done.id())) {
            pdf = in.readAllBytes();
        }
        assertThat(done.bytes()).isEqualTo(pdf.length);
        try (PDDocument document = BadgePdfs.load(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(10);
            List<String> names = new ArrayList<>();
            for (int page = 1; page <= 10; page += 2) {
                String front = BadgePdfs.text(document, page);
                names.add(List.of("Борисова Анна", "Васильев Ян", "Сидоров Олег", "Антонова Мария", "Яковлев Пётр")
                        .stream().filter(front::contains).findFirst().orElse("?"));
                assertThat(BadgePdfs.text(document, page + 1)).contains("Личное расписание");
            }
            assertThat(names).containsExactly("Борисова Анна", "Васильев Ян", "Сидоров Олег", "Антонова Мария",
                    "Яковлев Пётр");
            String link = BadgePdfs.qrCode(document, 8);
            assertThat(delegates.byCheckInToken(link.substring(link.lastIndexOf('/') + 1)))
                    .contains(b.delegateIds().getFirst());
        }

        BadgeBatch press = runBatch(new BadgeFilter(city, null, BadgeRole.PRESS));
        try (InputStream in = batches.open(press.id()); PDDocument document = BadgePdfs.load(in.readAllBytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(BadgePdfs.text(document, 1)).contains("Васильев Ян", "ПРЕССА");
        }
    }

    /**
     * A delegate their company removes while the batch makes its keys has no badge in it: the batch's total counts
     * the badges made (before, it counted them before the keys, and the progress never reached it).
     */
    @Test
    void a_batch_counts_the_badges_it_makes_without_the_delegate_removed_while_it_made_their_keys() throws Exception {
        String city = "Лида " + TestData.unique();
        TestCompany company = fixture.approvedCompany(city, "Г-Маш " + TestData.unique(),
                List.of("Орлова Вера", "Белов Кирилл"));
        long removed = company.delegateIds().get(1);
        List<BadgeBatch> batch = new ArrayList<>();

        Throwable thrown = LockWaits.whileHeld(booking, context.getBean(JdbcTemplate.class),
                context.getBean(PlatformTransactionManager.class), () -> booking.removeDelegate(company, removed),
                () -> {
                    try {
                        batch.add(runBatch(new BadgeFilter(city, null, null)));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });

        assertThat(thrown).isNull();
        BadgeBatch done = batch.getFirst();
        assertThat(done.state()).isEqualTo(BadgeBatch.State.DONE);
        assertThat(done.total()).as("the badges made").isEqualTo(1);
        assertThat(done.done()).isEqualTo(1);
    }

    /**
     * The first print of new delegates says how many badges it makes while it makes their keys (thousands on a night's
     * batch: before, the total came after them, and the page said "0 of 0" meanwhile).
     */
    @Test
    void a_batchs_first_print_tells_its_total_before_it_makes_the_keys() throws Exception {
        String city = "Слоним " + TestData.unique();
        TestCompany company = fixture.approvedCompany(city, "Н-Маш " + TestData.unique(),
                List.of("Антонова Инна", "Борисов Олег", "Васильев Пётр"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> told = new ArrayList<>();

        int made = booking.asOrganizer(() -> {
            try {
                return AopTestUtils.<BadgeService>getTargetObject(badges).writeBatch(new BadgeFilter(city, null, null),
                        Languages.RUSSIAN, java.io.OutputStream.nullOutputStream(), total -> told.add(total
                                + " told, keys made: " + jdbc.queryForObject("select count(badge_code) from delegate"
                                        + " where company_id = ?", Integer.class, company.id())), done -> {
                        });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(made).isEqualTo(3);
        assertThat(told).containsExactly("3 told, keys made: 0");
    }

    private BadgeBatch runBatch(BadgeFilter filter) throws InterruptedException {
        BadgeBatch batch = batches.start(filter, Languages.RUSSIAN);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!batch.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            batch = batches.status(batch.id());
        }
        return batch;
    }

    private String shortNameOf(TestCompany company) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(0.5f);
    }

    @Test
    void a_company_no_longer_approved_and_its_delegates_get_no_badge_or_schedule_organizers_still_do() {
        TestCompany company = booking.approvedCompany();
        String login = fixture.delegateAccount(company, company.firstDelegate());
        long colleague = company.delegateIds().get(1);

        booking.withdrawApproval(company);

        booking.as(company, () -> {
            assertThatThrownBy(() -> badges.badgePdf(colleague, Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> badges.schedule(colleague)).isInstanceOf(AccessDeniedException.class);
        });
        TestData.logInAs(accounts, login);
        assertThatThrownBy(() -> badges.myBadgePdf(Languages.RUSSIAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> badges.mySchedule()).isInstanceOf(AccessDeniedException.class);
        booking.asOrganizer(() -> assertThat(badges.badgePdf(colleague, Languages.RUSSIAN))
                .startsWith("%PDF-".getBytes()));
    }

    /** The company takes its second delegate off its list, as its profile form does. */

    @Test
    void a_badge_role_set_for_a_delegate_their_company_removed_meanwhile_changes_nothing_and_says_so() {
        TestCompany company = booking.approvedCompany();
        long removed = company.delegateIds().get(1);
        booking.removeDelegate(company, removed);

        // an error page before: IllegalArgumentException "No delegate"
        assertThat(booking.asOrganizer(() -> badges.setRole(removed, BadgeRole.SPEAKER))).isFalse();
        assertThat(booking.asOrganizer(() -> badges.setRole(company.firstDelegate(), BadgeRole.SPEAKER))).isTrue();
    }

    @Test
    void a_badge_role_set_while_the_company_removes_that_delegate_waits_and_finds_them_gone() throws Exception {
        TestCompany company = booking.approvedCompany();
        long removed = company.delegateIds().get(1);
        AtomicBoolean set = new AtomicBoolean(true);

        Throwable thrown = LockWaits.whileHeld(booking, context.getBean(JdbcTemplate.class),
                context.getBean(PlatformTransactionManager.class), () -> booking.removeDelegate(company, removed),
                () -> set.set(badges.setRole(removed, BadgeRole.PRESS)));

        // before: the entity read the row the removal held, its update then found none (optimistic locking failure)
        assertThat(thrown).isNull();
        assertThat(set).isFalse();
    }
}
