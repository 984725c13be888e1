package org.b2bforum.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairFigures;
import org.b2bforum.fair.FairFigures.ExhibitorFigure;
import org.b2bforum.fair.FairFigures.VisitorCityFigure;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.FairZone;
import org.b2bforum.fair.LeadService;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.reporting.ForumResults.CityFigure;
import org.b2bforum.reporting.ForumResults.CityPair;
import org.b2bforum.reporting.ForumResults.OutcomeMeeting;
import org.b2bforum.reporting.ForumResults.RoundTableFigure;
import org.b2bforum.reporting.ForumResults.SectorPair;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.Outcome;
import org.b2bforum.venue.OutcomeService;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The results report on a small forum of known figures, added to whatever other tests left in the
 * shared database: two companies of a Russian test city and two of a Belarusian one (so their
 * cities and their pair are theirs alone), four meetings between them, marks and outcomes, a round
 * table; sectors and totals are compared before and after.
 */
@ForumSpringTest
class ForumReportServiceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ForumReportService reports;
    @Autowired
    MeetingRequests requests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AttendanceService attendance;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    CheckInService checkIns;
    @Autowired
    ProgramItems programItems;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FairService fairService;
    @Autowired
    LeadService leads;
    @Autowired
    FairFixture fairFixture;
    @Autowired
    com.vaadin.flow.i18n.I18NProvider i18n;
    @Autowired
    org.b2bforum.base.i18n.ForumTime forumTime;

    VenueFixture venue;
    BookingFixture booking;
    String russianCity;
    String belarusianCity;
    TestCompany a1;
    TestCompany a2;
    TestCompany b1;
    TestCompany b2;
    long signedMeeting;
    String roundTable;
    String roundTableEn;
    KnownFair fair;

    @BeforeEach
    void setUp() {
        venue = new VenueFixture(context);
        booking = venue.booking();
        String unique = TestData.unique();
        russianCity = "Тестоград-" + unique;
        belarusianCity = "Проверск-" + unique;
        roundTable = "Круглый стол «Проверка отчёта " + unique + "»";
        roundTableEn = "Round table: report check " + unique;
        a1 = company(russianCity, Country.RU, Sector.TOURISM);
        a2 = company(russianCity, Country.RU, Sector.TOURISM);
        b1 = company(belarusianCity, Country.BY, Sector.EDUCATION);
        b2 = company(belarusianCity, Country.BY, Sector.EDUCATION);
    }

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    @Test
    void the_figures_count_participants_meetings_pairs_outcomes_and_round_tables() {
        ForumResults before = booking.asOrganizer(reports::results);
        forumOfKnownFigures();
        ForumResults after = booking.asOrganizer(reports::results);

        CityFigure russian = after.cities().stream().filter(c -> c.city().equals(russianCity)).findFirst().orElseThrow();
        long russianDelegates = a1.delegateIds().size() + a2.delegateIds().size();
        assertThat(russian).isEqualTo(new CityFigure(russianCity, Country.RU, 2, russianDelegates, 1));
        assertThat(after.checkedIn() - before.checkedIn()).isEqualTo(1);

        assertThat(after.meetings().requested() - before.meetings().requested()).isEqualTo(5);
        assertThat(after.meetings().confirmed() - before.meetings().confirmed()).isEqualTo(4);
        assertThat(after.meetings().held() - before.meetings().held()).isEqualTo(2);
        assertThat(after.meetings().noShows() - before.meetings().noShows()).isEqualTo(1);
        assertThat(after.meetings().cancelled() - before.meetings().cancelled()).isEqualTo(1);

        // the Russian city first, whatever the order of the two companies in the meeting
        assertThat(after.cityPairs()).contains(new CityPair(russianCity, belarusianCity, 4, 2));
        assertThat(pair(after, Sector.EDUCATION, Sector.TOURISM) - pair(before, Sector.EDUCATION, Sector.TOURISM))
                .isEqualTo(4);

        // a meeting counts once, by the better of its two outcomes
        assertThat(after.outcomes().get(Outcome.AGREEMENT_SIGNED) - before.outcomes().get(Outcome.AGREEMENT_SIGNED))
                .isEqualTo(1);
        assertThat(after.outcomes().get(Outcome.FOLLOW_UP) - before.outcomes().get(Outcome.FOLLOW_UP)).isEqualTo(1);
        OutcomeMeeting signed = after.outcomeMeetings().stream().filter(m -> m.meetingId() == signedMeeting)
                .findFirst().orElseThrow();
        assertThat(signed.outcome()).isEqualTo(Outcome.AGREEMENT_SIGNED);
        assertThat(List.of(signed.firstCompany(), signed.secondCompany())).containsExactly(name(a1), name(b1));

        assertThat(after.roundTables()).filteredOn(t -> t.title().equals(roundTable))
                .extracting(RoundTableFigure::signedUp, RoundTableFigure::checkedIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1L));

        // the summary's leading pairs count confirmed meetings and say so, with how many were held: "прошло" (took
        // place) stood before the confirmed count, so a report before the forum said 95 meetings had taken place
        CityPair topCities = after.cityPairs().getFirst();
        SectorPair topSectors = after.sectorPairs().getFirst();
        String summary = booking.asOrganizer(() -> reports.summary(after, Languages.RUSSIAN));
        assertThat(summary).contains("Больше всего встреч подтверждено между компаниями городов " + topCities.first()
                + " × " + topCities.second() + ": " + topCities.meetings() + ", из них состоялось — " + topCities.held()
                + ".");
        // the count before its noun in the form it asks for ("1 meetings confirmed" in English, ux74)
        assertThat(summary).containsPattern("Ведущее сочетание отраслей — [^:]+: подтвержден[оа] "
                + topSectors.meetings() + " встреч[аи]?, состоялось — " + topSectors.held() + "\\.");
        assertThat(booking.asOrganizer(() -> reports.summary(after, Languages.ENGLISH)))
                .contains("Most meetings confirmed were between companies of ")
                .contains(": " + topCities.meetings() + ", of which " + topCities.held() + " held.")
                .containsPattern("The leading pair of sectors is [^:]+: " + topSectors.meetings()
                        + (topSectors.meetings() == 1 ? " meeting" : " meetings") + " confirmed, " + topSectors.held()
                        + " held\\.");
    }

    @Test
    void a_request_whose_time_came_unanswered_counts_as_unanswered_not_as_awaiting_an_answer() throws IOException {
        booking.openBooking(false);
        TestSession session = venue.futureSession(2);
        // the report read as the rehearsal clock reads it a minute after the session's first slot began
        Duration later = Duration.between(Instant.now(), session.slot(0).startsAt().plusSeconds(60));
        ForumResults before = booking.asOrganizer(reports::results);
        ForumResults beforeLater = laterOn(later, () -> booking.asOrganizer(reports::results));
        booking.as(a1, () -> requests.request(b1.id(), session.slot(0).id(), List.of(a1.firstDelegate()), null));
        booking.as(a2, () -> requests.request(b2.id(), session.slot(2).id(), List.of(a2.firstDelegate()), null));

        ForumResults now = booking.asOrganizer(reports::results);
        assertThat(now.meetings().open() - before.meetings().open()).isEqualTo(2);
        assertThat(now.meetings().unanswered() - before.meetings().unanswered()).isZero();
        // after its time the first one is no longer "awaiting an answer": nobody can answer it
        ForumResults after = laterOn(later, () -> booking.asOrganizer(reports::results));
        assertThat(after.meetings().open() - beforeLater.meetings().open()).isEqualTo(1);
        assertThat(after.meetings().unanswered() - beforeLater.meetings().unanswered()).isEqualTo(1);

        byte[] xlsx = laterOn(later, () -> booking.asOrganizer(() -> bytes(out -> reports.writeXlsx(Languages.RUSSIAN,
                out))));
        ForumResults written = laterOn(later, () -> booking.asOrganizer(reports::results));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet meetings = workbook.getSheet("Встречи");
            assertThat(row(meetings, 0, "Без ответа: время прошло").getCell(1).getNumericCellValue())
                    .isEqualTo(written.meetings().unanswered());
            assertThat(row(meetings, 0, "Ожидает ответа").getCell(1).getNumericCellValue())
                    .isEqualTo(written.meetings().open());
        }
    }

    private static <T> T laterOn(Duration ahead, java.util.function.Supplier<T> read) {
        List<T> result = new ArrayList<>();
        TestClock.aheadOnThisThread(ahead, () -> result.add(read.get()));
        return result.getFirst();
    }

    @Test
    void before_the_forums_days_the_summary_says_who_is_taking_part_not_who_took_part() {
        ForumResults now = booking.asOrganizer(reports::results);
        LocalDate first = LocalDate.of(2026, 9, 18);
        ForumResults before = on(now, first, first.minusDays(10));
        ForumResults during = on(now, first, first);

        // the demo's report weeks before the forum began "В форуме приняли участие компании..." (took part), with
        // "прибыли на площадку — 0" (arrived) and the fair's exhibitors who "работали" (worked)
        String ru = booking.asOrganizer(() -> reports.summary(before, Languages.RUSSIAN));
        // the count as the report writes it ("1 165", "1,165"): the JVM's shared database holds 1,000 approved
        // companies once enough classes ran before this one (review71, random order: "1165" expected, "1 165" written)
        String companiesRu = NumberFormat.getIntegerInstance(Languages.RUSSIAN).format(now.companies());
        String companiesEn = NumberFormat.getIntegerInstance(Languages.ENGLISH).format(now.companies());
        assertThat(ru).startsWith("На участие в форуме одобрены заявки компаний: " + companiesRu + " (из России — ")
                .doesNotContain("приняли участие", "прибыли на площадку", "работали");
        assertThat(booking.asOrganizer(() -> reports.summary(before, Languages.ENGLISH)))
                .startsWith("Companies whose applications to take part are approved: " + companiesEn
                        + " (from Russia: ")
                .doesNotContain("took part", "checked in", "had stands");
        assertThat(booking.asOrganizer(() -> reports.summary(during, Languages.RUSSIAN)))
                .startsWith("В форуме приняли участие компании, чьи заявки одобрены: " + companiesRu)
                .contains("прибыли на площадку — " + now.checkedIn());
        assertThat(booking.asOrganizer(() -> reports.summary(during, Languages.ENGLISH)))
                .startsWith("Companies with approved applications took part: " + companiesEn);
    }

    /** The figures as if read on {@code day} (at noon, the forum's time) of a forum beginning on {@code first}. */
    private ForumResults on(ForumResults r, LocalDate first, LocalDate day) {
        return new ForumResults(first, first.plusDays(2), day.atTime(12, 0).atZone(forumTime.zone()).toInstant(),
                r.cities(), r.countries(), r.meetings(), r.sectorPairs(), r.cityPairs(), r.outcomes(),
                r.outcomeCompanies(), r.outcomeMeetings(), r.roundTables(), r.fair());
    }

    @Test
    void the_pdf_is_an_a4_document_with_the_figures_charts_as_text_embedded_fonts_and_page_numbers()
            throws IOException {
        forumOfKnownFigures();
        byte[] pdf = booking.asOrganizer(() -> bytes(out -> reports.writePdf(Languages.RUSSIAN, out)));
        Path file = Path.of("target", "report-test", "forum-results-ru.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf); // kept to be looked at

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            String first = text(document, 1, 1);
            assertThat(first).contains("ОТЧЁТ ОБ ИТОГАХ", "Бизнес-форум «Минск и Москва: новый драйвер развития»",
                    "Правительство Москвы · Минский городской исполнительный комитет", "Дата составления отчёта:",
                    "Краткие итоги", "Таблица 1 — Основные показатели форума", "Руководитель дирекции форума",
                    "Страница 1 из " + pages);
            // table cells wrap, so words are compared with the line breaks as spaces
            String all = text(document, 1, pages).replaceAll("\\s+", " ");
            assertThat(all).contains("1. Участники форума", "Рисунок 1 — Участники по городам",
                    "Таблица 2 — Участники по городам", "Рисунок 2 — Деловые встречи",
                    "Приложение 1. Подписанные и готовящиеся соглашения", "Страница " + pages + " из " + pages);
            // the test cities and the signed agreement with its companies, in the tables and the appendix
            assertThat(all).contains(russianCity, belarusianCity, name(a1) + " (" + russianCity + ")",
                    name(b1) + " (" + belarusianCity + ")", "Соглашение подписано");
            // the charts are vectors whose words are text in the embedded font, not pictures
            assertThat(all).contains("Компании", "Представители", "Подтверждено", "Состоялось");
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(595.27563f);
                for (PDFont font : fonts(page)) {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
        }
    }

    @Test
    void the_english_report_is_in_english() throws IOException {
        byte[] pdf = booking.asOrganizer(() -> bytes(out -> reports.writePdf(Languages.ENGLISH, out)));
        Files.createDirectories(Path.of("target", "report-test"));
        Files.write(Path.of("target", "report-test").resolve("forum-results-en.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String all = text(document, 1, document.getNumberOfPages());
            assertThat(all).contains("RESULTS REPORT", "Moscow Government · Minsk City Executive Committee", "Summary",
                    "Table 1 — The forum’s key figures", "Figure 1 — Participants by city", "Page 1 of ");
            assertThat(all).doesNotContain("Таблица", "Страница");
        }
    }

    @Test
    void the_workbook_holds_the_figures_as_numbers_on_their_sheets() throws IOException {
        forumOfKnownFigures();
        fairOfKnownFigures();
        byte[] xlsx = booking.asOrganizer(() -> bytes(out -> reports.writeXlsx(Languages.RUSSIAN, out)));
        Files.createDirectories(Path.of("target", "report-test"));
        Files.write(Path.of("target", "report-test").resolve("forum-results-ru.xlsx"), xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Сводка", "Города", "Страны", "Встречи", "Отрасли", "Пары городов",
                    "Результаты", "Встречи с результатом", "Круглые столы", "Ярмарка по зонам",
                    "Экспоненты по отраслям", "Экспоненты", "Лиды по городам");

            Row exhibitor = row(workbook.getSheet("Экспоненты"), 1, name(fair.x1()) + " (" + fair.cityRu() + ")");
            assertThat(exhibitor.getCell(2).getStringCellValue()).isEqualTo(fair.x1Stand() + ", " + fair.zoneName());
            assertThat(exhibitor.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(exhibitor.getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(exhibitor.getCell(5).getNumericCellValue()).isEqualTo(2);
            Row visitorCity = row(workbook.getSheet("Лиды по городам"), 1, fair.cityBy());
            assertThat(visitorCity.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(visitorCity.getCell(4).getNumericCellValue()).isEqualTo(3);
            Row zone = row(workbook.getSheet("Ярмарка по зонам"), 0, fair.zoneName());
            assertThat(zone.getCell(5).getNumericCellValue()).isEqualTo(4);

            Row pair = row(workbook.getSheet("Пары городов"), 1, russianCity);
            assertThat(pair.getCell(2).getStringCellValue()).isEqualTo(belarusianCity);
            assertThat(pair.getCell(3).getNumericCellValue()).isEqualTo(4);
            assertThat(pair.getCell(4).getNumericCellValue()).isEqualTo(2);

            Row city = row(workbook.getSheet("Города"), 1, russianCity);
            assertThat(city.getCell(3).getNumericCellValue()).isEqualTo(2);

            Row table = row(workbook.getSheet("Круглые столы"), 1, roundTable);
            assertThat(table.getCell(3).getStringCellValue()).isEqualTo("Зал «Немига»");
            assertThat(table.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(table.getCell(5).getNumericCellValue()).isEqualTo(1);

            Row agreement = row(workbook.getSheet("Встречи с результатом"), 2, name(a1) + " (" + russianCity + ")");
            assertThat(agreement.getCell(3).getStringCellValue()).isEqualTo(name(b1) + " (" + belarusianCity + ")");
            assertThat(agreement.getCell(4).getStringCellValue()).isEqualTo("Соглашение подписано");

            ForumResults results = booking.asOrganizer(reports::results);
            Row confirmed = row(workbook.getSheet("Встречи"), 0, "Подтверждено");
            assertThat(confirmed.getCell(1).getNumericCellValue()).isEqualTo(results.meetings().confirmed());
            assertThat(confirmed.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");

            // walked (ux87): times were text ("18.09.2027 14:00"), which the analyst cannot sort or filter by date;
            // no sheet had a filter, a total row to keep last, or a header on every printed page
            Instant signedAt = results.outcomeMeetings().stream().filter(m -> m.meetingId() == signedMeeting)
                    .findFirst().orElseThrow().startsAt();
            assertThat(agreement.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(agreement.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(agreement.getCell(1).getLocalDateTimeCellValue().truncatedTo(ChronoUnit.MINUTES))
                    .isEqualTo(signedAt.atZone(forumTime.zone()).toLocalDateTime());
            for (Sheet sheet : workbook) {
                int header = sheet.getPaneInformation().getHorizontalSplitPosition() - 1;
                int columns = sheet.getRow(header).getLastCellNum();
                assertThat(autoFilter(sheet).getFirstRow()).as(sheet.getSheetName()).isEqualTo(header);
                assertThat(autoFilter(sheet).getLastColumn()).as(sheet.getSheetName()).isEqualTo(columns - 1);
                CellRangeAddress printedOnEveryPage = sheet.getRepeatingRows();
                assertThat(List.of(printedOnEveryPage.getFirstRow(), printedOnEveryPage.getLastRow()))
                        .as(sheet.getSheetName()).containsExactly(header, header);
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
            }
            Sheet countries = workbook.getSheet("Страны");
            assertThat(autoFilter(countries).getLastRow()).isEqualTo(row(countries, 0, "Всего").getRowNum() - 1);
            // the columns' titles say what is counted, in one form: "Стендов" and "Экспонентов" stood beside "Лиды"
            List<String> zoneHeader = new ArrayList<>();
            workbook.getSheet("Ярмарка по зонам").getRow(1).forEach(cell -> zoneHeader.add(cell.getStringCellValue()));
            assertThat(zoneHeader).containsExactly("Зона", "Стенды", "Экспоненты", "Встречи на стенде", "Состоявшиеся",
                    "Лиды");
        }
    }

    private static CellRangeAddress autoFilter(Sheet sheet) {
        return CellRangeAddress.valueOf(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef());
    }

    @Test
    void the_english_workbook_and_pdf_name_a_round_table_and_its_place_in_english() throws IOException {
        forumOfKnownFigures();
        byte[] xlsx = booking.asOrganizer(() -> bytes(out -> reports.writeXlsx(Languages.ENGLISH, out)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row table = row(workbook.getSheet("Round tables"), 1, roundTableEn);
            assertThat(table.getCell(3).getStringCellValue()).isEqualTo("Nemiga Hall");
            assertThat(table.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(table.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            // the zone in the column's title: the analyst need not know where the forum was held
            assertThat(row(workbook.getSheet("Round tables"), 2, "Date and time (Moscow time)").getRowNum())
                    .isLessThan(table.getRowNum());
        }
        Instant startsAt = booking.asOrganizer(reports::results).roundTables().stream()
                .filter(t -> t.title().equals(roundTable)).findFirst().orElseThrow().startsAt();
        byte[] pdf = booking.asOrganizer(() -> bytes(out -> reports.writePdf(Languages.ENGLISH, out)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String all = text(document, 1, document.getNumberOfPages()).replaceAll("\\s+", " ");
            assertThat(all).contains(roundTableEn, "Nemiga Hall").doesNotContain(roundTable);
            // the English report wrote its times with the Russian dots (ux87), then "18/09/2027", month first to an
            // American: one form in both languages and both workbooks, "2027-09-18 14:00"
            String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(startsAt.atZone(forumTime.zone()));
            assertThat(all).contains(when, "Date and time (Moscow time)")
                    .doesNotContainPattern("\\d\\d[./]\\d\\d[./]20\\d\\d \\d\\d:\\d\\d");
        }
    }

    @Test
    void only_organizers_get_the_figures_and_the_files() {
        BookingFixture.logInAs(a1);
        assertThatThrownBy(reports::results).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.writePdf(Languages.RUSSIAN, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.writeXlsx(Languages.RUSSIAN, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(reports::results).isInstanceOf(AccessDeniedException.class);
        TestData.logOut();
        assertThatThrownBy(() -> reports.writePdf(Languages.RUSSIAN, new ByteArrayOutputStream()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_fair_figures_count_stands_by_zone_meetings_at_stands_and_leads_by_exhibitor_sector_and_visitor_city() {
        ForumResults before = booking.asOrganizer(reports::results);
        fairOfKnownFigures();
        ForumResults after = booking.asOrganizer(reports::results);
        FairFigures was = before.fair();
        FairFigures is = after.fair();

        assertThat(is.zones()).filteredOn(z -> z.zone().id() == fair.zoneId()).singleElement()
                .satisfies(zone -> {
                    assertThat(zone.zone().nameRu()).isEqualTo(fair.zoneName());
                    assertThat(List.of(zone.stands(), zone.exhibitors(), zone.meetings(), zone.held(), zone.leads()))
                            .containsExactly(3L, 2L, 1L, 1L, 4L);
                });
        // equal leads: the exhibitor with more meetings at its stand first
        List<ExhibitorFigure> ours = is.exhibitors().stream()
                .filter(e -> e.companyId() == fair.x1().id() || e.companyId() == fair.x2().id()).toList();
        assertThat(ours).extracting(ExhibitorFigure::companyId).containsExactly(fair.x1().id(), fair.x2().id());
        assertThat(ours.getFirst()).satisfies(x1 -> {
            assertThat(x1.company()).isEqualTo(name(fair.x1()));
            assertThat(x1.city()).isEqualTo(fair.cityRu());
            assertThat(x1.stand()).isEqualTo(fair.x1Stand());
            assertThat(List.of(x1.meetings(), x1.held(), x1.leads())).containsExactly(1L, 1L, 2L);
        });
        assertThat(List.of(ours.get(1).meetings(), ours.get(1).held(), ours.get(1).leads())).containsExactly(0L, 0L, 2L);

        assertThat(is.visitorCities()).contains(new VisitorCityFigure(fair.cityBy(), Country.BY, 2, 3),
                new VisitorCityFigure(fair.cityRu(), Country.RU, 1, 1));
        assertThat(sector(is, Sector.TOURISM)[0] - sector(was, Sector.TOURISM)[0]).isEqualTo(1);
        assertThat(sector(is, Sector.TOURISM)[2] - sector(was, Sector.TOURISM)[2]).isEqualTo(2);
        assertThat(sector(is, Sector.EDUCATION)[0] - sector(was, Sector.EDUCATION)[0]).isEqualTo(1);
        assertThat(sector(is, Sector.EDUCATION)[2] - sector(was, Sector.EDUCATION)[2]).isEqualTo(2);

        assertThat(is.stands() - was.stands()).isEqualTo(3);
        assertThat(is.exhibitorCount() - was.exhibitorCount()).isEqualTo(2);
        assertThat(is.meetings() - was.meetings()).isEqualTo(1);
        assertThat(is.held() - was.held()).isEqualTo(1);
        assertThat(is.leads() - was.leads()).isEqualTo(4);
        assertThat(is.visitors() - was.visitors()).isEqualTo(3);
        assertThat(is.visitorCompanies() - was.visitorCompanies()).isEqualTo(3);

        String summary = booking.asOrganizer(() -> reports.summary(after, Languages.RUSSIAN));
        assertThat(summary).contains("На выставке-ярмарке работали экспонентов: " + is.exhibitorCount()
                + "; на их стендах состоялось встреч: " + is.held());
    }

    @Test
    void the_pdf_has_the_fair_section_with_its_charts_and_the_zones_table() throws IOException {
        fairOfKnownFigures();
        byte[] pdf = booking.asOrganizer(() -> bytes(out -> reports.writePdf(Languages.RUSSIAN, out)));
        Files.createDirectories(Path.of("target", "report-test"));
        Files.write(Path.of("target", "report-test").resolve("forum-results-fair-ru.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String all = text(document, 1, document.getNumberOfPages()).replaceAll("\\s+", " ");
            assertThat(all).contains("7. Выставка-ярмарка белорусских производителей",
                    "Выставка-ярмарка по зонам: экспоненты, встречи на стендах и лиды",
                    "Экспоненты с наибольшим числом лидов", "Экспоненты по отраслям", "Лиды по городам посетителей",
                    "Экспонентов выставки-ярмарки", "Лидов собрано на стендах");
            // the zone's row: stands, exhibitors, meetings at stands, held, leads
            assertThat(all).contains(fair.zoneName() + " 3 2 1 1 4");
        }
    }

    @Test
    void before_any_outcome_is_reported_the_pdf_says_so_instead_of_a_chart_of_zeros() throws IOException {
        forumOfKnownFigures(); // an agreement signed and a follow-up reported
        ForumResults now = booking.asOrganizer(() -> reports.results());
        java.util.Map<Outcome, Long> none = new java.util.EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            none.put(outcome, 0L);
        }
        ForumResults before = new ForumResults(now.firstDay(), now.lastDay(), now.at(), now.cities(), now.countries(),
                now.meetings(), now.sectorPairs(), now.cityPairs(), none, now.outcomeCompanies(), now.outcomeMeetings(),
                now.roundTables(), now.fair());
        ReportText russian = new ReportText(i18n, Languages.RUSSIAN, forumTime.zone());

        for (ForumResults results : List.of(before, now)) {
            byte[] pdf = bytes(out -> new ResultsDocument(results, russian).write(java.time.LocalDate.now(), out));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String all = text(document, 1, document.getNumberOfPages()).replaceAll("\\s+", " ");
                boolean reported = results.outcomes().values().stream().anyMatch(count -> count > 0);
                assertThat(all.contains("Результаты встреч и компании, которых они касаются"))
                        .as("the outcomes' chart, reported: " + reported).isEqualTo(reported);
                assertThat(all.contains("Компании пока не сообщили итогов встреч."))
                        .as("the words instead of the chart, reported: " + reported).isEqualTo(!reported);
            }
        }
    }

    /**
     * walked (ux84): the title page read "18–21 сентября 2027, Москва" and "Дата составления отчёта: 20 сентября
     * 2027", the year without its "г.", and the exhibitors' table broke "B-14, Павильон B · Техника и технологии"
     * onto three lines ("Техника и" over "технологии").
     */
    @Test
    void russian_dates_with_a_year_take_the_year_mark_and_a_stand_with_its_zone_takes_two_lines() throws IOException {
        ForumResults now = booking.asOrganizer(() -> reports.results());
        FairZone zone = new FairZone(1, "Павильон B · Техника и технологии", "Hall B · Machinery and technology");
        FairFigures fair = new FairFigures(1, 0, 0, List.of(new FairFigures.ZoneFigure(zone, 1, 1, 0, 0, 0)),
                List.of(), List.of(new ExhibitorFigure(1, "Дорстроймаш", "Минск", "B-14", zone, 0, 0, 0)), List.of());
        ForumResults results = new ForumResults(LocalDate.of(2027, 9, 18), LocalDate.of(2027, 9, 21), now.at(),
                now.cities(), now.countries(), now.meetings(), now.sectorPairs(), now.cityPairs(), now.outcomes(),
                now.outcomeCompanies(), now.outcomeMeetings(), now.roundTables(), fair);

        for (Locale locale : Languages.ALL) {
            ReportText words = new ReportText(i18n, locale, forumTime.zone());
            byte[] pdf = bytes(out -> new ResultsDocument(results, words).write(LocalDate.of(2027, 9, 20), out));
            Files.createDirectories(Path.of("target", "report-test"));
            Files.write(Path.of("target", "report-test", "forum-results-stand-" + locale.getLanguage() + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String title = text(document, 1, 1);
                List<String> lines = text(document, 1, document.getNumberOfPages()).lines().map(String::strip)
                        .toList();
                if (locale == Languages.RUSSIAN) {
                    assertThat(title).contains("18–21 сентября 2027 г., Москва",
                            "Дата составления отчёта: 20 сентября 2027 г.");
                    int stand = lines.indexOf(lines.stream().filter(l -> l.contains("B-14, Павильон B ·")).findFirst()
                            .orElseThrow());
                    assertThat(lines.get(stand + 1)).as("the zone's second line").isEqualTo("Техника и технологии");
                } else {
                    assertThat(title).contains("18–21 September 2027, Moscow", "Report drawn up on 20 September 2027")
                            .doesNotContain("г.");
                }
            }
        }
    }

    // ---- the forum of known figures ----------------------------------------------------------

    /**
     * Four confirmed meetings in a past session (a1-b1 held, signed by a1 and a follow-up for b1;
     * b2-a2 held, a follow-up for a2; a1-b2 a no-show; a2-b1 not marked), one more cancelled; a
     * round table with three of the companies' delegates signed up, one of them checked in.
     */
    private void forumOfKnownFigures() {
        TestSession session = venue.pastSession(3);
        signedMeeting = book(a1, b1, session, 0);
        long followUp = book(b2, a2, session, 0);
        long noShow = book(a1, b2, session, 1);
        book(a2, b1, session, 1);
        long cancelled = book(a1, b1, session, 2);
        booking.asOrganizer(() -> requests.cancel(cancelled, "Перенесено"));

        BookingFixture.logInAs(venue.staff());
        attendance.mark(signedMeeting, Attendance.HELD);
        attendance.mark(followUp, Attendance.HELD);
        attendance.mark(noShow, Attendance.NO_SHOW);
        checkIns.checkIn(venue.badgeToken(a1.firstDelegate()));
        booking.as(a1, () -> outcomes.record(signedMeeting, Outcome.AGREEMENT_SIGNED, null));
        booking.as(b1, () -> outcomes.record(signedMeeting, Outcome.FOLLOW_UP, null));
        booking.as(a2, () -> outcomes.record(followUp, Outcome.FOLLOW_UP, null));

        booking.asOrganizer(() -> {
            long item = programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE, roundTable, roundTableEn,
                    "Зал «Немига»", "Nemiga Hall", LocalTime.of(12, 0), LocalTime.of(13, 0));
            programItems.signUp(item, List.of(a1.firstDelegate(), a2.firstDelegate(), b1.firstDelegate()));
        });
    }

    /**
     * A zone of three stands, two of them taken: x1 (a Russian city of its own, tourism) and x2 (a
     * Belarusian one, education). A visitor v1 of x2's city met x1 at x1's stand (held); a meeting
     * at x2's stand is only requested. x1 scanned v1 and x2's delegate; x2 scanned v1 and v2 (of
     * x1's city): two leads each.
     */
    private void fairOfKnownFigures() {
        String unique = TestData.unique();
        String cityRu = "Ярмарочный-" + unique;
        String cityBy = "Стендовск-" + unique;
        TestCompany x1 = company(cityRu, Country.RU, Sector.TOURISM);
        TestCompany x2 = company(cityBy, Country.BY, Sector.EDUCATION);
        TestCompany v1 = company(cityBy, Country.BY, Sector.EDUCATION);
        TestCompany v2 = company(cityRu, Country.RU, Sector.TOURISM);
        long zone = fairFixture.zone();
        String x1Stand = FairFixture.standNumber();
        long s1 = fairFixture.stand(zone, x1Stand, 1, 1);
        long s2 = fairFixture.stand(zone, FairFixture.standNumber(), 1, 2);
        fairFixture.stand(zone, FairFixture.standNumber(), 1, 3);
        booking.asOrganizer(() -> {
            fairService.assign(s1, x1.id());
            fairService.assign(s2, x2.id());
        });

        booking.openBooking(false);
        TestSession session = venue.futureSession(1);
        long atStand = booking.as(v1, () -> requests.requestAtStand(x1.id(), s1, session.slot(0).id(),
                List.of(v1.firstDelegate()), null).meetingId());
        booking.as(x1, () -> requests.accept(atStand, List.of(x1.firstDelegate()), null));
        booking.as(v1, () -> requests.requestAtStand(x2.id(), s2, session.slot(1).id(), List.of(v1.firstDelegate()),
                null));
        // the venue marks a meeting held once it has begun; this one's slot is ahead (test set-up)
        jdbc.update("update meeting set attendance = 'HELD' where id = ?", atStand);

        // consent is given at registration; these companies were approved by the test set-up
        for (TestCompany visitor : List.of(v1, v2, x2)) {
            jdbc.update("update delegate set lead_consent = true where id = ?", visitor.firstDelegate());
        }
        booking.as(x1, () -> leads.scan(venue.badgeToken(v1.firstDelegate())));
        booking.as(x1, () -> leads.scan(venue.badgeToken(x2.firstDelegate())));
        booking.as(x2, () -> leads.scan(venue.badgeToken(v1.firstDelegate())));
        booking.as(x2, () -> leads.scan(venue.badgeToken(v2.firstDelegate())));
        String zoneName = jdbc.queryForObject("select name_ru from fair_zone where id = ?", String.class, zone);
        fair = new KnownFair(zone, zoneName, cityRu, cityBy, x1, x2, x1Stand);
    }

    record KnownFair(long zoneId, String zoneName, String cityRu, String cityBy, TestCompany x1, TestCompany x2,
            String x1Stand) {
    }

    /** The sector's exhibitors, meetings at their stands and leads; zeros when it has no exhibitor. */
    private static long[] sector(FairFigures fair, Sector sector) {
        return fair.sectors().stream().filter(s -> s.sector() == sector)
                .map(s -> new long[] {s.exhibitors(), s.meetings(), s.leads()}).findFirst().orElse(new long[3]);
    }

    private long book(TestCompany requester, TestCompany partner, TestSession session, int slot) {
        return booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), partner.id(),
                session.slot(slot).id(), true));
    }

    /** An approved company moved to a city and a sector of the test's own (test set-up, not a feature). */
    private TestCompany company(String city, Country country, Sector sector) {
        TestCompany company = booking.approvedCompany();
        jdbc.update("update company set city = ?, country = ? where id = ?", city, country.name(), company.id());
        jdbc.update("delete from company_sector where company_id = ?", company.id());
        jdbc.update("insert into company_sector (company_id, sector) values (?, ?)", company.id(), sector.name());
        return company;
    }

    private String name(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    private static long pair(ForumResults results, Sector first, Sector second) {
        return results.sectorPairs().stream().filter(p -> p.first() == first && p.second() == second)
                .mapToLong(SectorPair::meetings).sum();
    }

    private static Row row(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && row.getCell(column).toString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + value + " on " + sheet.getSheetName());
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }

    /** The page's fonts and those of the charts (form XObjects) on it. */
    private static List<PDFont> fonts(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (var name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        for (var name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDFormXObject form && form.getResources() != null) {
                for (var fontName : form.getResources().getFontNames()) {
                    fonts.add(form.getResources().getFont(fontName));
                }
            }
        }
        return fonts;
    }

    private interface Writing {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
