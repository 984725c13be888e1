package org.b2bforum.badge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.GridScrolls;
import org.b2bforum.LockWaits;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.badge.BadgeHolder;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.badge.CompanyOption;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadResponse;

/** A delegate's badge page, and the organizers' badge printing. */
@ForumSpringTest
class BadgeViewsTest extends ForumBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramItems programItems;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DelegateFixture fixture;
    @Autowired
    BadgeService badges;
    @Autowired
    BookingFixture booking;
    @Autowired
    RegistrationService registrations;

    @Test
    void a_delegate_sees_todays_meetings_first_with_table_and_counterpart_then_the_other_days() {
        TestSession today = fixture.sessionToday(4);
        TestSession later = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        String todayInEnglish = booking.nameHallInEnglish(today.hallId());
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        TestCompany third = booking.approvedCompany();
        booking.asOrganizer(() -> {
            organizerBookings.bookAsOrganizer(company.id(), partner.id(), today.slot(2).id());
            organizerBookings.bookAsOrganizer(third.id(), company.id(), later.slot(0).id());
            long roundTable = programItems.add(later.dayId(), ProgramItemKind.ROUND_TABLE,
                    "Круглый стол «Логистика» " + TestData.unique(), "Round table: Logistics", "Малый зал", null,
                    LocalTime.of(12, 0), LocalTime.of(13, 0));
            programItems.signUp(roundTable, List.of(company.firstDelegate()));
        });
        String login = fixture.delegateAccount(company, company.firstDelegate());

        TestData.logInAs(accounts, login);
        MyBadgeView view = navigate(MyBadgeView.class);

        assertThat(find(Component.class).id("my-badge-name").getElement().getText()).isEqualTo("Иван Петров");
        assertThat(text(view)).contains("Участник", "Директор", name(company), "Москва, Россия");
        assertThat(view.code.getSrc()).as("the badge's code for the phone's screen").isNotBlank();
        assertThat(view.code.getAlt()).hasValue("Код бейджа для входа");
        assertThat(text(view)).contains("Покажите этот код на входе");
        assertThat(view.download.getHref()).isNotBlank();
        assertThat(view.download.getElement().hasAttribute("download")).isTrue();
        assertThat(view.calendarExport.getId()).contains("calendar-export");
        assertThat(text(view.calendarExport)).as("the forum's time zone in words, as the program says it")
                .contains("по времени форума (Москва).").doesNotContain("Europe/Moscow");

        List<Component> sections = view.getChildren().toList();
        assertThat(sections.indexOf(view.today)).as("today comes first").isGreaterThan(-1)
                .isLessThan(sections.indexOf(view.upcoming));
        // the session's hour is today's first free one (DelegateFixture.sessionToday), 10:00 in an empty database
        LocalTime thirdSlot = today.slot(2).startsAt().atZone(java.time.ZoneId.of("Europe/Moscow")).toLocalTime();
        assertThat(text(view.today)).startsWith("Сегодня").contains(thirdSlot + "–" + thirdSlot.plusMinutes(20),
                "Стол № 1", name(partner), today.hallName());
        assertThat(text(view.upcoming)).contains("10:00–10:20", name(third), later.hallName(), "12:00–13:00",
                "Круглый стол «Логистика»", "Малый зал");
        assertThat(messageLinks(view.today)).as("each meeting's partner written to from the schedule, as from the agenda")
                .containsExactly("messages/" + partner.id());
        assertThat(messageLinks(view.upcoming)).as("a program item has nobody to write to")
                .containsExactly("messages/" + third.id());
        assertThat(text(view.today)).contains("Написать сообщение");

        UI.getCurrent().setLocale(Languages.ENGLISH);
        UI.getCurrent().navigate("company-agenda");
        view = navigate(MyBadgeView.class);
        assertThat(text(view)).as("the city in the reader's language, as the country is")
                .contains(name(company) + " · Moscow, Russia");
        assertThat(text(view.today)).as("the hall's English name").contains("Table 1", todayInEnglish)
                .doesNotContain(today.hallName());
        assertThat(text(view.upcoming)).as("a hall and a place without an English name read in Russian")
                .contains("Round table: Logistics", "Малый зал", later.hallName()).doesNotContain("Круглый стол");
    }

    @Test
    void on_the_day_the_delegate_sees_what_is_on_now_and_next_and_what_is_over_steps_back() {
        TestSession day = booking.session(3, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany company = booking.approvedCompany();
        TestCompany first = booking.approvedCompany();
        TestCompany last = booking.approvedCompany();
        booking.asOrganizer(() -> {
            organizerBookings.bookAsOrganizer(company.id(), first.id(), day.slot(0).id());
            organizerBookings.bookAsOrganizer(last.id(), company.id(), day.slot(2).id());
        });
        String login = fixture.delegateAccount(company, company.firstDelegate());
        TestData.logInAs(accounts, login);
        ZoneId moscow = ZoneId.of("Europe/Moscow");

        TestClock.aheadOnThisThread(Duration.between(Instant.now(),
                day.day().atTime(10, 5).atZone(moscow).toInstant()), () -> {
            MyBadgeView view = navigate(MyBadgeView.class);
            String weekday = day.day().getDayOfWeek().getDisplayName(TextStyle.FULL,
                    Languages.RUSSIAN);
            // it read "Сегодня, Суббота, 18 сентября"
            assertThat(text(view.today)).startsWith("Сегодня, " + weekday + ", ");
            assertThat(entries(view.today)).extracting(BadgeViewsTest::text).satisfiesExactly(
                    now -> assertThat(now).startsWith("10:00–10:20Сейчас").contains(name(first)),
                    next -> assertThat(next).startsWith("10:40–11:00Далее").contains(name(last)));
            assertThat(entries(view.today).getFirst().hasClassName("agenda-now")).isTrue();
        });
        TestClock.aheadOnThisThread(Duration.between(Instant.now(),
                day.day().atTime(10, 25).atZone(moscow).toInstant()), () -> {
            UI.getCurrent().navigate("company-agenda"); // the page is made anew
            MyBadgeView view = navigate(MyBadgeView.class);
            List<Div> entries = entries(view.today);
            assertThat(entries.getFirst().hasClassName("agenda-over")).as("the meeting at 10:00 is over").isTrue();
            assertThat(text(entries.getFirst())).startsWith("10:00–10:20Стол № 1").doesNotContain("Сейчас", "Далее");
            assertThat(text(entries.getLast())).startsWith("10:40–11:00Далее");
        });
    }

    /** ux67's walk of the day after: the badge still said "show this code at the entrance". */
    @Test
    void after_the_last_day_the_badge_says_the_forum_is_over_and_leads_to_the_partners_met() {
        TestSession day = booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(company.id(), partner.id(), day.slot(0).id()));
        String login = fixture.delegateAccount(company, company.firstDelegate());
        TestData.logInAs(accounts, login);
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        java.time.LocalDate last = jdbc.queryForObject("select max(day) from forum_day", java.time.LocalDate.class);

        TestClock.aheadOnThisThread(Duration.between(Instant.now(), last.atTime(18, 0).atZone(moscow).toInstant()),
                () -> {
                    MyBadgeView view = navigate(MyBadgeView.class);
                    assertThat(view.after).as("the last day is not over yet").isNull();
                    assertThat(text(view)).contains("Покажите этот код на входе");
                });
        TestClock.aheadOnThisThread(Duration.between(Instant.now(),
                last.plusDays(1).atTime(9, 0).atZone(moscow).toInstant()), () -> {
                    UI.getCurrent().navigate("company-agenda"); // the page is made anew
                    MyBadgeView view = navigate(MyBadgeView.class);
                    assertThat(view.code).as("no code to show at a door").isNull();
                    assertThat(view.shortCode).isNull();
                    assertThat(view.download).isNull();
                    assertThat(text(view)).doesNotContain("Покажите этот код на входе");
                    assertThat(text(view.after)).startsWith("Форум завершился " + last.getDayOfMonth() + " ")
                            .contains("Спасибо за участие!");
                    assertThat(descendants(view.after).filter(Anchor.class::isInstance)
                            .map(link -> ((Anchor) link).getHref()).toList())
                            .containsExactly("company-agenda", "messages");
                    assertThat(text(view.after)).contains("Контакты компаний, с которыми вы встречались",
                            "Написать партнёрам");
                    assertThat(text(view.past)).as("the meetings held, with their partners").contains(name(partner));

                    UI.getCurrent().setLocale(Languages.ENGLISH);
                    UI.getCurrent().navigate("company-agenda");
                    view = navigate(MyBadgeView.class);
                    assertThat(text(view.after)).startsWith("The forum ended on " + last.getDayOfMonth() + " ")
                            .contains("The badge’s code", "Write to your partners");
                });
    }

    /**
     * The code printed under the badge's QR code, on the delegate's page for a stand whose camera will not read the
     * phone (ux79): the badge's own, made by the page when no print made it, kept; after the forum none is made.
     */
    @Test
    void the_badge_page_shows_the_badges_short_code_made_once_and_none_after_the_forum() {
        booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 40), 20); // a forum day, the last one or before it
        TestCompany company = booking.approvedCompany();
        long delegateId = company.firstDelegate();
        TestData.logInAs(accounts, fixture.delegateAccount(company, delegateId));
        java.time.LocalDate last = jdbc.queryForObject("select max(day) from forum_day", java.time.LocalDate.class);

        TestClock.aheadOnThisThread(Duration.between(Instant.now(),
                last.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant()),
                () -> navigate(MyBadgeView.class));
        assertThat(storedCode(delegateId)).as("the page after the forum makes no code").isNull();

        UI.getCurrent().navigate("company-agenda");
        MyBadgeView view = navigate(MyBadgeView.class);
        String shown = view.shortCode.getText();
        assertThat(shown).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}").isEqualTo(badges.myBadgeCode());
        assertThat(storedCode(delegateId)).isEqualTo(shown.replace("-", ""));
        assertThat(text(view)).contains(shown, "Если QR-код не сканируется");
        assertThat(view.shortCode.getElement().hasAttribute("aria-label")).as("no label on a plain span").isFalse();
        // a screen reader reads what the code is and its characters one by one (the bare "667-J45" was read as a
        // number, a letter and a number, and said nothing of what it was), then the hint of what it is for
        Span spoken = (Span) view.shortCode.getParent().orElseThrow().getChildren().findFirst().orElseThrow();
        assertThat(MyBadgeView.spelled("667-J45")).isEqualTo("6 6 7 J 4 5");
        assertThat(spoken.getText()).isEqualTo("Код бейджа: " + MyBadgeView.spelled(shown));
        assertThat(spoken.getClassNames()).contains("visually-hidden");
        assertThat(view.shortCode.getElement().getAttribute("aria-hidden")).as("read once, spelled").isEqualTo("true");

        UI.getCurrent().navigate("company-agenda");
        assertThat(navigate(MyBadgeView.class).shortCode.getText()).as("the same at the next visit").isEqualTo(shown);
    }

    /**
     * The company removes the delegate while their page makes the badge's code (the schedule read before the removal's
     * end, the code's row lock after it): the page says so. Before: BadgeHolderRemovedException out of the view's
     * constructor, the error page.
     */
    @Test
    void a_delegate_removed_while_their_page_makes_the_badges_code_reads_the_words_not_an_error_page() throws Exception {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        TestData.logInAs(accounts, fixture.delegateAccount(company, anna));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch pageMade = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> removal = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(
                    status -> {
                        booking.removeDelegate(company, anna);
                        holding.countDown();
                        try {
                            release.await(150, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
            threads.submit(() -> {
                LockWaits.untilOne(jdbc, pageMade);
                release.countDown();
                return null;
            });
            UI.getCurrent().navigate("my-badge");
            pageMade.countDown();
            removal.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyBadgeView");
        assertThat(text(find(Component.class).id("my-badge-removed")))
                .contains("Ваша компания убрала вас из списка своих участников");
    }

    /**
     * The company is back with the organizers: the delegate's page says why the badge does not open. Before:
     * AccessDeniedException out of the view's constructor, "Something went wrong". (A new name no longer does it,
     * mend53a: see the next test.)
     */
    @Test
    void a_delegate_whose_company_is_back_in_review_reads_why_the_badge_does_not_open_not_an_error_page() {
        TestCompany company = booking.approvedCompany();
        String delegate = fixture.delegateAccount(company, company.firstDelegate());
        booking.sendBackToReview(company);
        TestData.logInAs(accounts, delegate);

        UI.getCurrent().navigate("my-badge");

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyBadgeView");
        assertThat(text(find(Component.class).id("my-badge-not-approved")))
                .contains("Заявка вашей компании сейчас не одобрена", "Бейдж и расписание откроются");
    }

    /** mend53a: the company corrected its name on the forum's day; the office has not decided yet: the badge opens. */
    @Test
    void a_delegate_whose_company_proposed_a_new_name_keeps_the_badge_under_the_approved_name() {
        TestCompany company = booking.approvedCompany();
        String delegate = fixture.delegateAccount(company, company.firstDelegate());
        String approvedName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                company.id());
        BookingFixture.logInAs(company);
        RegistrationForm form = registrations.myApplicationForm();
        form.setShortName(approvedName + " Плюс");
        assertThat(registrations.updateProfile(form)).as("a proposal for the office").isTrue();
        TestData.logInAs(accounts, delegate);

        UI.getCurrent().navigate("my-badge");

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyBadgeView");
        assertThat(find(Component.class).withId("my-badge-not-approved").exists()).isFalse();
        assertThat(badges.mySchedule().delegate().companyName()).isEqualTo(approvedName);
    }

    private String storedCode(long delegateId) {
        return jdbc.queryForObject("select badge_code from delegate where id = ?", String.class, delegateId);
    }

    private static List<Div> entries(Component section) {
        return descendants(section).filter(Div.class::isInstance).map(Div.class::cast)
                .filter(div -> div.hasClassName("agenda-entry")).toList();
    }

    private static List<String> messageLinks(Component section) {
        return descendants(section).filter(MessageLink.class::isInstance).map(link -> ((MessageLink) link).getHref())
                .toList();
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(BadgeViewsTest::descendants));
    }

    @Test
    void organizers_filter_the_delegates_set_a_role_and_print_the_batch_with_progress() throws Exception {
        String city = "Полоцк " + TestData.unique();
        fixture.approvedCompany(city, "Б-Холдинг " + TestData.unique(), List.of("Зайцев Илья"));
        TestCompany a = fixture.approvedCompany(city, "А-Групп " + TestData.unique(),
                List.of("Орлова Вера", "Белов Кирилл"));
        TestData.logInAsOrganizer(accounts);
        BadgesView view = navigate(BadgesView.class);
        assertThat(view.city.getParent().orElseThrow().getElement().getStyle().get("width"))
                .as("the filters' row as wide as the page: shrunk to its content it wrapped the third filter at 1280 px")
                .isEqualTo("100%");

        GridScrolls.scrolledToStart(view.grid);
        test(view.city).selectItem(city);
        assertThat(GridScrolls.scrolledToStart(view.grid))
                .as("new rows from the top: scrolled down, the new first row was half hidden").isTrue();
        assertThat(view.count.getText()).isEqualTo("Участников: 3");
        assertThat(test(view.grid).size()).isEqualTo(3);
        assertThat(List.of(0, 1, 2).stream().map(i -> test(view.grid).getRow(i)).map(BadgeHolder::fullName))
                .containsExactly("Белов Кирилл", "Орлова Вера", "Зайцев Илья");
        // at 390 px the six columns scrolled sideways, the role and the badge off the screen: a phone leaves out the
        // company's column, the position and the city, and shows the company under the name (forum.css)
        assertThat(view.grid.getColumns().stream()
                .filter(c -> c.getElement().getClassList().contains(PhoneColumns.WIDE_ONLY)).map(Grid.Column::getKey))
                .containsExactly("company", "position", "city");
        assertThat(test(view.grid).getLitRendererPropertyValue(0, 1, "name", String.class)).isEqualTo("Белов Кирилл");
        assertThat(test(view.grid).getLitRendererPropertyValue(0, 1, "company", String.class))
                .startsWith("А-Групп");

        @SuppressWarnings("unchecked")
        Select<BadgeRole> role = (Select<BadgeRole>) test(view.grid).getCellComponent(0, 4);
        test(role).selectItem("Спикер");
        assertThat(jdbc.queryForObject("select badge_role from delegate where id = ?", String.class,
                a.delegateIds().get(1))).isEqualTo("SPEAKER");

        test(view.role).selectItem("Спикер");
        assertThat(view.count.getText()).isEqualTo("Участников: 1");
        view.role.clear();
        assertThat(view.count.getText()).isEqualTo("Участников: 3");

        test(view.print).click();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.print.isEnabled()).isFalse();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (find(Anchor.class).withId("badges-download").all().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            view.pollBatch();
        }
        Anchor download = find(Anchor.class).id("badges-download");
        assertThat(download.getHref()).isNotBlank();
        assertThat(view.progressText.getText()).startsWith("Готово: 3 бейджа,");
        assertThat(view.print.isEnabled()).isTrue();
    }

    @Test
    void the_company_filter_reads_a_page_of_the_companies_whose_name_holds_what_is_typed() {
        String unique = TestData.unique();
        TestCompany first = fixture.approvedCompany("Полоцк", "Ц-Завод " + unique + " 1", List.of("Орлова Вера"));
        TestCompany second = fixture.approvedCompany("Полоцк", "Ц-Завод " + unique + " 2",
                List.of("Белов Кирилл", "Зайцев Илья"));
        TestData.logInAsOrganizer(accounts);
        assertThat(badges.companies(unique, 0, 10)).extracting(CompanyOption::id)
                .containsExactly(first.id(), second.id());
        assertThat(badges.companies(unique, 0, 1)).as("a page holds its limit").extracting(CompanyOption::id)
                .containsExactly(first.id());
        assertThat(badges.companies(unique, 1, 10)).extracting(CompanyOption::id).containsExactly(second.id());
        assertThat(badges.companies("%", 0, 10)).as("what is typed is text, not a pattern").isEmpty();

        BadgesView view = navigate(BadgesView.class);
        assertThat(view.company.getDataProvider().isInMemory())
                .as("a forum of 2,000 companies: read a page as the list opens, not all of them into each tab").isFalse();
        test(view.company).setFilter(unique + " 2");
        test(view.company).selectItem("Ц-Завод " + unique + " 2");
        assertThat(view.count.getText()).isEqualTo("Участников: 2");
    }

    @Test
    void a_badge_of_a_delegate_their_company_removed_meanwhile_is_words_on_the_page_and_the_list_afresh() {
        String city = "Пинск " + TestData.unique();
        TestCompany company = fixture.approvedCompany(city, "В-Трейд " + TestData.unique(),
                List.of("Орлова Вера", "Белов Кирилл"));
        TestData.logInAsOrganizer(accounts);
        BadgesView view = navigate(BadgesView.class);
        test(view.city).selectItem(city);
        BadgeHolder vera = test(view.grid).getRow(1);
        assertThat(vera.fullName()).isEqualTo("Орлова Вера");
        booking.removeDelegate(company, vera.delegateId());

        // before: AccessDeniedException out of the download handler (500, its trace in the log)
        DownloadResponse response = view.badge(vera, UI.getCurrent());
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);

        assertThat(response.hasError()).isTrue();
        assertThat(response.getError()).isEqualTo(410);
        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()))
                .anySatisfy(n -> assertThat(n).contains("Орлова Вера", "тем временем удалила"));
        assertThat(view.count.getText()).as("the list read again").isEqualTo("Участников: 1");
    }

    @Test
    void a_badge_or_its_code_that_cannot_be_made_at_the_click_says_so_on_the_page() {
        TestCompany company = booking.approvedCompany();
        TestData.logInAs(accounts, fixture.delegateAccount(company, company.firstDelegate()));
        MyBadgeView mine = navigate(MyBadgeView.class);
        // the service refuses the click (here: the log-in ended meanwhile; at the forum, the database away): before,
        // the link got a failed download and the page stayed as it was, the click seemed to do nothing
        TestData.logOut();
        org.assertj.core.api.Assertions.catchThrowable(() -> test(mine.download).download(new ByteArrayOutputStream()));
        assertThat(notices()).containsExactly(SOMETHING_WENT_WRONG);
        // the QR image's own address, fetched as the browser would (browserless downloads through anchors)
        Anchor code = new Anchor(mine.code.getSrc(), "");
        UI.getCurrent().add(code);
        org.assertj.core.api.Assertions.catchThrowable(() -> test(code).download(new ByteArrayOutputStream()));
        assertThat(notices()).as("the QR image too").hasSize(2).allMatch(SOMETHING_WENT_WRONG::equals);

        TestData.logInAsOrganizer(accounts);
        BadgesView view = navigate(BadgesView.class);
        Anchor link = (Anchor) test(view.grid).getCellComponent(0, 5);
        int told = notices().size();
        TestData.logOut();
        org.assertj.core.api.Assertions.catchThrowable(() -> test(link).download(new ByteArrayOutputStream()));
        assertThat(notices()).as("the organizers' badge link").hasSize(told + 1).last().isEqualTo(SOMETHING_WENT_WRONG);
    }

    private static final String SOMETHING_WENT_WRONG = "Что-то пошло не так, действие не выполнено. Ваши данные в "
            + "сохранности. Попробуйте ещё раз; если ошибка повторится, сообщите организаторам форума.";

    private List<String> notices() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private String name(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    private static String text(Component component) {
        assertThat(component).isNotNull();
        return component.getElement().getTextRecursively();
    }
}
