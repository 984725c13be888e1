package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.i18n.MeetingLine;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Halls, negotiation sessions and program items have a name for English readers beside the Russian one:
 * optional (an English reader then reads the Russian), refused whole when too long, and read in the reader's
 * language wherever a meeting's place or the program is shown.
 */
@ForumSpringTest
class EnglishNamesTest {

    private static final Map<String, String> EN = Map.of("meetings.hall-table", "{0}, table {1}");
    private static final Map<String, String> RU = Map.of("meetings.hall-table", "{0}, стол № {1}");

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingFixture fixture;

    @Test
    void a_hall_a_session_and_a_program_item_keep_their_english_names_and_fall_back_to_russian_without_them() {
        ForumDayRef day = fixture.newDay();
        String unique = TestData.unique();
        long hall = fixture.asOrganizer(() -> program.addHall("Зал " + unique, "Hall " + unique, 2));
        long plain = fixture.asOrganizer(() -> program.addHall("Зал без перевода " + unique, "  ", 2));
        long session = fixture.asOrganizer(() -> program.addSession(day.id(), hall, "Переговоры " + unique,
                "Talks " + unique, LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0));
        long item = fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол " + unique, "Round table " + unique, "Зал «Немига»", "", LocalTime.of(14, 0),
                LocalTime.of(15, 0)));

        Hall named = fixture.asOrganizer(() -> program.halls()).stream().filter(h -> h.id() == hall).findFirst()
                .orElseThrow();
        assertThat(named.name(Languages.ENGLISH)).isEqualTo("Hall " + unique);
        assertThat(named.name(Languages.RUSSIAN)).isEqualTo("Зал " + unique);
        Hall unnamed = fixture.asOrganizer(() -> program.halls()).stream().filter(h -> h.id() == plain).findFirst()
                .orElseThrow();
        assertThat(unnamed.nameEn()).as("blank is no name").isNull();
        assertThat(unnamed.name(Languages.ENGLISH)).isEqualTo("Зал без перевода " + unique);

        NegotiationSession stored = fixture.asOrganizer(() -> program.sessions()).stream()
                .filter(s -> s.id() == session).findFirst().orElseThrow();
        assertThat(stored.name(Languages.ENGLISH)).isEqualTo("Talks " + unique);
        assertThat(stored.hallName(Languages.ENGLISH)).isEqualTo("Hall " + unique);
        assertThat(stored.name(Languages.RUSSIAN)).isEqualTo("Переговоры " + unique);

        ProgramItem roundTable = fixture.asOrganizer(() -> programItems.all()).stream()
                .filter(p -> p.id() == item).findFirst().orElseThrow();
        assertThat(roundTable.title(Languages.ENGLISH)).isEqualTo("Round table " + unique);
        assertThat(roundTable.title(Languages.RUSSIAN)).isEqualTo("Круглый стол " + unique);
        assertThat(roundTable.place(Languages.ENGLISH)).as("no English place: the Russian one").isEqualTo("Зал «Немига»");
    }

    @Test
    void a_too_long_english_name_is_refused_and_nothing_of_it_is_stored() {
        ForumDayRef day = fixture.newDay();
        String unique = TestData.unique();
        String tooLong = "x".repeat(101);
        int halls = fixture.asOrganizer(() -> program.halls()).size();

        assertThatThrownBy(() -> fixture.asOrganizer(() -> program.addHall("Зал " + unique, tooLong, 2)))
                .isInstanceOf(InvalidProgramException.class).hasMessage("program.error.hall-en-too-long");
        assertThat(fixture.asOrganizer(() -> program.halls())).hasSize(halls);

        long hall = fixture.asOrganizer(() -> program.addHall("Зал " + unique, null, 2));
        assertThatThrownBy(() -> fixture.asOrganizer(() -> program.addSession(day.id(), hall, "Переговоры",
                "y".repeat(201), LocalTime.of(10, 0), LocalTime.of(11, 0), 20, 0)))
                .hasMessage("program.error.session-en-too-long");
        assertThatThrownBy(() -> fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.PLENARY,
                "Пленарное", "z".repeat(301), "Конгресс-холл", null, LocalTime.of(10, 0), LocalTime.of(11, 0))))
                .hasMessage("program.error.title-en-too-long");
        assertThatThrownBy(() -> fixture.asOrganizer(() -> programItems.add(day.id(), ProgramItemKind.PLENARY,
                "Пленарное", null, "Конгресс-холл", "p".repeat(201), LocalTime.of(10, 0), LocalTime.of(11, 0))))
                .hasMessage("program.error.place-en-too-long");
        assertThat(jdbc.queryForObject("select count(*) from negotiation_session where day_id = ?", Integer.class,
                day.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from program_item where day_id = ?", Integer.class, day.id()))
                .isZero();

        assertThatThrownBy(() -> fixture.asOrganizer(() -> {
            program.changeHall(hall, tooLong, 5);
            return null;
        })).hasMessage("program.error.hall-en-too-long");
        assertThat(fixture.asOrganizer(() -> program.halls())).filteredOn(h -> h.id() == hall)
                .extracting(Hall::tableCount, Hall::nameEn).as("the table count unchanged too")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, null));
    }

    @Test
    void a_hall_change_refused_for_its_tables_keeps_the_english_name_it_had() {
        BookingFixture.TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(10, 20), 20);
        String english = fixture.nameHallInEnglish(session.hallId());
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        TestCompany c = fixture.approvedCompany();
        TestCompany d = fixture.approvedCompany();
        fixture.openBooking(true);
        fixture.as(a, () -> meetingRequests.request(b.id(), session.slot(0).id(), List.of(a.firstDelegate()), null));
        fixture.as(c, () -> meetingRequests.request(d.id(), session.slot(0).id(), List.of(c.firstDelegate()), null));

        assertThatThrownBy(() -> fixture.asOrganizer(() -> {
            program.changeHall(session.hallId(), "Другое " + english, 1);
            return null;
        })).isInstanceOf(ProgramChangeRefusedException.class);
        assertThat(fixture.asOrganizer(() -> program.halls())).filteredOn(h -> h.id() == session.hallId())
                .extracting(Hall::nameEn, Hall::tableCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(english, 2));
    }

    @Test
    void a_meeting_in_a_hall_with_an_english_name_is_placed_in_the_readers_language_and_stored_in_both() {
        fixture.openBooking(false);
        BookingFixture.TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        String english = fixture.nameHallInEnglish(session.hallId());
        TestCompany requester = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        long roundTable = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Логистика»", "Round table: Logistics", "Зал «Немига»", "Nemiga Hall",
                LocalTime.of(14, 0), LocalTime.of(15, 0)));
        fixture.as(requester, () -> programItems.signUp(roundTable, List.of(requester.firstDelegate())));

        List<SlotOption> options = fixture.as(requester,
                () -> meetingQueries.freeSlotsWith(partner.id(), List.of(requester.firstDelegate())));
        assertThat(options).filteredOn(o -> session.slotIds().contains(o.slotId())).isNotEmpty()
                .allSatisfy(o -> {
                    assertThat(o.hallName(Languages.ENGLISH)).isEqualTo(english);
                    assertThat(o.hallName(Languages.RUSSIAN)).isEqualTo(session.hallName());
                });
        long meetingId = fixture.as(requester, () -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(partner.firstDelegate()), null));

        var place = fixture.as(requester, () -> meetingQueries.meeting(meetingId)).place();
        assertThat(place.describe(Languages.ENGLISH, (key, p) -> format(EN, key, p))).isEqualTo(english + ", table 1");
        assertThat(place.describe(Languages.RUSSIAN, (key, p) -> format(RU, key, p)))
                .isEqualTo(session.hallName() + ", стол № 1");

        List<String> details = java.util.stream.Stream.of(requester, partner)
                .flatMap(company -> fixture.as(company, () -> notifications.mine(20)).stream())
                .filter(n -> n.messageKey().startsWith("notification.meeting.")).map(n -> n.detail()).toList();
        assertThat(details).as("stored once for readers of either language: the hall in both")
                .anySatisfy(detail -> assertThat(detail).endsWith(" · " + session.hallName() + "/" + english))
                .anySatisfy(detail -> assertThat(detail).endsWith(" · " + session.hallName() + "/" + english + " №1"));
        assertThat(details).allSatisfy(detail -> {
            assertThat(MeetingLine.inWords(detail, Languages.ENGLISH, (key, p) -> format(EN, key, p)))
                    .doesNotContain(session.hallName()).contains(english);
            assertThat(MeetingLine.inWords(detail, Languages.RUSSIAN, (key, p) -> format(RU, key, p)))
                    .doesNotContain(english).contains(session.hallName());
        });

        List<AgendaEntry> agenda = fixture.as(requester, () -> meetingQueries.myAgenda(null));
        assertThat(agenda).filteredOn(e -> e.kind() == AgendaEntry.Kind.PROGRAM).singleElement().satisfies(e -> {
            assertThat(e.title(Languages.ENGLISH)).isEqualTo("Round table: Logistics");
            assertThat(e.place(Languages.ENGLISH)).isEqualTo("Nemiga Hall");
            assertThat(e.title(Languages.RUSSIAN)).isEqualTo("Круглый стол «Логистика»");
        });
    }

    private static String format(Map<String, String> words, String key, Object... params) {
        return new java.text.MessageFormat(words.get(key)).format(params);
    }
}
