package org.b2bforum.venue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.ForumFigures;
import org.b2bforum.venue.Outcome;
import org.b2bforum.venue.OutcomeService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.html.Div;

/** The organizers' live figures and the report of marked meetings with both companies' outcomes. */
@ForumSpringTest
class FiguresViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AttendanceService attendance;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    AccountService accounts;

    @Test
    void the_figures_show_the_counts_and_the_report_both_outcomes_also_as_csv() {
        VenueFixture venue = new VenueFixture(context);
        BookingFixture booking = venue.booking();
        TestSession session = venue.pastSession(2);
        String hallEn = booking.nameHallInEnglish(session.hallId());
        TestCompany a = booking.approvedCompany();
        TestCompany b = booking.approvedCompany();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id()));
        BookingFixture.logInAs(venue.staff());
        attendance.mark(meeting, Attendance.HELD);
        booking.as(a, () -> outcomes.record(meeting, Outcome.AGREEMENT_SIGNED, "=SUM(A1) «Договор поставки»"));
        booking.as(b, () -> outcomes.record(meeting, Outcome.FOLLOW_UP, null));

        TestData.logInAsOrganizer(accounts);
        FiguresView view = navigate(FiguresView.class);
        ForumFigures figures = outcomes.figures();
        assertThat(card("figures-checked-in")).isEqualTo(grouped(figures.checkedIn()) + " / "
                + grouped(figures.delegates()) + "участников прибыло");
        assertThat(card("figures-held")).matches(grouped(figures.held()) + "встреч[аи]? состоял(ась|ись|ось)");
        assertThat(card("figures-outcome-AGREEMENT_SIGNED"))
                .isEqualTo(grouped(figures.outcomes().get(Outcome.AGREEMENT_SIGNED)) + "итог: соглашение подписано");
        assertThat(view.updated.getText()).startsWith("Обновлено в ");

        var report = test(view.report);
        int row = java.util.stream.IntStream.range(0, report.size())
                .filter(i -> report.getRow(i).meetingId() == meeting).findFirst().orElseThrow();
        assertThat(report.getCellText(row, 0))
                .isEqualTo(report.getRow(row).requesterName() + " — " + report.getRow(row).partnerName());
        assertThat(view.report.getColumns().getFirst().isFrozen())
                .as("on a phone the report scrolls sideways to the outcomes: the row's companies stay in sight").isTrue();
        assertThat(report.getCellText(row, 3)).isEqualTo("Встреча состоялась");
        assertThat(report.getCellText(row, 4)).isEqualTo("Соглашение подписано: =SUM(A1) «Договор поставки»");
        assertThat(report.getCellText(row, 5)).isEqualTo("Договорились о продолжении");

        assertThat(view.export.isVisible()).isTrue();
        assertThat(view.nothingToExport.isVisible()).isFalse();
        assertThat(view.report.isVisible()).isTrue();

        String csv = view.csv(outcomes.report());
        assertThat(csv).startsWith("\uFEFFВремя;Место;");
        assertThat(csv).contains(";\"Встреча состоялась\";\"Соглашение подписано\";\"'=SUM(A1) «Договор поставки»\";"
                + "\"Договорились о продолжении\";\r\n");
        assertThat(csv).contains("\"" + session.hallName() + ", стол № 1\"").doesNotContain(hallEn);

        com.vaadin.flow.component.UI.getCurrent().navigate("registrations");
        com.vaadin.flow.component.UI.getCurrent().setLocale(org.b2bforum.base.i18n.Languages.ENGLISH);
        view = navigate(FiguresView.class);
        var english = test(view.report);
        int enRow = java.util.stream.IntStream.range(0, english.size())
                .filter(i -> english.getRow(i).meetingId() == meeting).findFirst().orElseThrow();
        assertThat(english.getCellText(enRow, 2)).isEqualTo(hallEn + ", table 1");
        assertThat(view.csv(outcomes.report())).contains("\"" + hallEn + ", table 1\"")
                .doesNotContain(session.hallName());
    }

    @Test
    void the_report_is_read_a_page_at_a_time_not_held_whole_by_the_tab() {
        VenueFixture venue = new VenueFixture(context);
        BookingFixture booking = venue.booking();
        TestSession session = venue.pastSession(3);
        java.util.List<Long> marked = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestCompany a = booking.approvedCompany();
            TestCompany b = booking.approvedCompany();
            marked.add(booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(a.id(), b.id(), session.slot(0).id())));
        }
        BookingFixture.logInAs(venue.staff());
        marked.forEach(meeting -> attendance.mark(meeting, Attendance.HELD));

        TestData.logInAsOrganizer(accounts);
        java.util.List<Long> whole = outcomes.report().stream().map(r -> r.meetingId()).toList();
        assertThat(outcomes.reportSize()).isEqualTo(whole.size());
        assertThat(whole).containsAll(marked);
        int cut = whole.indexOf(marked.get(1));
        assertThat(outcomes.report(0, cut + 1)).as("a page holds its limit, no more").hasSize(cut + 1);
        java.util.List<Long> paged = new java.util.ArrayList<>();
        outcomes.report(0, cut + 1).forEach(r -> paged.add(r.meetingId()));
        outcomes.report(cut + 1, whole.size()).forEach(r -> paged.add(r.meetingId()));
        assertThat(paged).as("the pages together are the whole report, in its order").isEqualTo(whole);

        FiguresView view = navigate(FiguresView.class);
        assertThat(view.report.getDataProvider().isInMemory())
                .as("at forum scale some 19,000 rows: read a page at a time, not all into the tab at each poll").isFalse();
        assertThat(view.report.isAllRowsVisible()).as("all rows visible would fetch every page at once").isFalse();
        var grid = test(view.report);
        assertThat(grid.size()).isEqualTo(whole.size());
        assertThat(java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).meetingId()))
                .containsAll(marked);
    }

    @Test
    void before_any_meeting_is_marked_the_csv_is_not_offered_and_the_page_says_why() {
        TestData.logInAsOrganizer(accounts);
        FiguresView view = navigate(FiguresView.class);
        view.showReport(0);

        assertThat(view.export.isVisible()).as("a header row with no word why, before the forum").isFalse();
        assertThat(view.nothingToExport.isVisible()).isTrue();
        assertThat(view.nothingToExport.getText()).startsWith("Скачивать пока нечего");
        assertThat(view.report.isVisible()).as("no empty grid saying the same once more").isFalse();
    }

    @Test
    void at_forum_scale_the_figures_are_grouped_as_the_locale_groups_them() {
        TestData.logInAsOrganizer(accounts);
        FiguresView view = navigate(FiguresView.class);
        java.util.Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        outcomes.put(Outcome.FOLLOW_UP, 1250L);
        ForumFigures forum = new ForumFigures(0, 1000, 2520, 1800, 12, 0, outcomes, java.time.Instant.now());

        view.showFigures(forum);
        // the schedule page says "2 100": this page said "2520" and "0 / 1000"
        assertThat(card("figures-checked-in")).isEqualTo("0 / 1\u00a0000участников прибыло");
        assertThat(card("figures-confirmed")).startsWith("2\u00a0520");
        assertThat(card("figures-held")).isEqualTo("1\u00a0800встреч состоялось");
        assertThat(card("figures-no-shows")).startsWith("12");
        assertThat(card("figures-outcome-FOLLOW_UP")).startsWith("1\u00a0250");
        // the labels agree with their counts: the walk of the day after saw "2 встреч состоялось"
        view.showFigures(new ForumFigures(40, 1000, 22, 21, 2, 1, outcomes, java.time.Instant.now()));
        assertThat(card("figures-confirmed")).isEqualTo("22подтверждённые встречи");
        assertThat(card("figures-held")).isEqualTo("21встреча состоялась");
        assertThat(card("figures-unmarked")).isEqualTo("1началась, но не отмечена");
        view.showFigures(new ForumFigures(40, 1000, 2, 2, 2, 0, outcomes, java.time.Instant.now()));
        assertThat(card("figures-held")).isEqualTo("2встречи состоялись");

        com.vaadin.flow.component.UI.getCurrent().navigate("registrations");
        com.vaadin.flow.component.UI.getCurrent().setLocale(org.b2bforum.base.i18n.Languages.ENGLISH);
        navigate(FiguresView.class).showFigures(forum);
        assertThat(card("figures-checked-in")).startsWith("0 / 1,000");
        assertThat(card("figures-confirmed")).isEqualTo("2,520confirmed meetings");
        navigate(FiguresView.class).showFigures(new ForumFigures(40, 1000, 1, 1, 1, 0, outcomes, java.time.Instant.now()));
        assertThat(card("figures-confirmed")).isEqualTo("1confirmed meeting");
        assertThat(card("figures-held")).isEqualTo("1meeting held");
        assertThat(card("figures-no-shows")).isEqualTo("1no-show");
    }

    private static String grouped(long value) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.of("ru")).format(value);
    }

    private String card(String id) {
        return find(Div.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void the_page_carries_the_results_report_charts_and_a_link_to_the_report() {
        TestData.logInAsOrganizer(accounts);
        navigate(FiguresView.class);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("figures-to-report").single().getHref())
                .isEqualTo("results-report");
        assertThat(find(com.vaadin.flow.component.html.Image.class).withId("chart-outcomes").exists()).isTrue();
    }
}
