package org.b2bforum.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.meeting.AgendaEntry;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * An organizer changes a negotiation session's name and a program item's title and place, in Russian and English,
 * without removing them: the times, slots, meetings and sign-ups stay; a refused value stores nothing; readers see
 * the new names at once.
 */
@ForumSpringTest
class ProgramNamesChangeTest {

    @Autowired
    ProgramService program;
    @Autowired
    ProgramItems programItems;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingFixture fixture;

    @Test
    void a_renamed_session_keeps_its_slots_and_confirmed_meeting() {
        BookingFixture.TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(10, 40), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        fixture.openBooking(true);
        long meeting = fixture.as(a, () -> meetingRequests.request(b.id(), session.slot(0).id(),
                List.of(a.firstDelegate()), null).meetingId());
        String unique = TestData.unique();

        fixture.asOrganizer(() -> program.changeSession(session.sessionId(), "  Переговоры " + unique + " ",
                "B2B talks " + unique));

        assertThat(session(session.sessionId())).satisfies(s -> {
            assertThat(s.name(Languages.RUSSIAN)).as("trimmed as when added").isEqualTo("Переговоры " + unique);
            assertThat(s.name(Languages.ENGLISH)).isEqualTo("B2B talks " + unique);
            assertThat(s.slotCount()).isEqualTo(2);
            assertThat(s.startsAt()).isEqualTo(session.slot(0).startsAt());
        });
        assertThat(fixture.asOrganizer(() -> program.slots(session.sessionId()))).extracting(Slot::id)
                .containsExactlyElementsOf(session.slotIds());
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class, meeting))
                .isEqualTo("CONFIRMED");

        fixture.asOrganizer(() -> program.changeSession(session.sessionId(), "Переговоры " + unique, " "));
        assertThat(session(session.sessionId()).nameEn()).as("emptied: English readers read the Russian").isNull();
        assertThat(session(session.sessionId()).name(Languages.ENGLISH)).isEqualTo("Переговоры " + unique);
    }

    @Test
    void a_changed_program_item_keeps_its_sign_ups_and_agendas_read_the_new_names_in_both_languages() {
        BookingFixture.TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(10, 20), 20);
        TestCompany company = fixture.approvedCompany();
        long item = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол «Логистка»", null, "Малый зал", null, LocalTime.of(14, 0), LocalTime.of(15, 0)));
        fixture.as(company, () -> programItems.signUp(item, List.of(company.firstDelegate())));
        ProgramItem before = item(item);

        fixture.asOrganizer(() -> programItems.change(item, "Круглый стол «Логистика»",
                "Round table: Logistics", "Зал «Немига»", "Nemiga Hall"));

        assertThat(item(item)).satisfies(p -> {
            assertThat(p.attendeeCount()).as("the sign-up kept").isEqualTo(1);
            assertThat(p.kind()).isEqualTo(ProgramItemKind.ROUND_TABLE);
            assertThat(p.startsAt()).isEqualTo(before.startsAt());
            assertThat(p.endsAt()).isEqualTo(before.endsAt());
        });
        List<AgendaEntry> agenda = fixture.as(company, () -> meetingQueries.myAgenda(null));
        assertThat(agenda).filteredOn(e -> e.kind() == AgendaEntry.Kind.PROGRAM).singleElement().satisfies(e -> {
            assertThat(e.title(Languages.RUSSIAN)).isEqualTo("Круглый стол «Логистика»");
            assertThat(e.place(Languages.RUSSIAN)).isEqualTo("Зал «Немига»");
            assertThat(e.title(Languages.ENGLISH)).isEqualTo("Round table: Logistics");
            assertThat(e.place(Languages.ENGLISH)).isEqualTo("Nemiga Hall");
        });
    }

    @Test
    void a_refused_value_is_named_by_its_field_and_nothing_of_the_change_is_stored() {
        BookingFixture.TestSession session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(10, 20), 20);
        long item = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.PLENARY,
                "Пленарное заседание", "Plenary", "Конгресс-холл", "Congress Hall", LocalTime.of(9, 0),
                LocalTime.of(10, 0)));
        ProgramItem before = item(item);
        NegotiationSession sessionBefore = session(session.sessionId());

        refused(() -> program.changeSession(session.sessionId(), " ", "Talks"), "validation.required");
        refused(() -> program.changeSession(session.sessionId(), "x".repeat(201), "Talks"), "validation.too-long");
        refused(() -> program.changeSession(session.sessionId(), "Новое имя", "y".repeat(201)),
                "program.error.session-en-too-long");
        refused(() -> program.changeSession(-1, "Новое имя", null), "program.error.no-session");
        assertThat(session(session.sessionId())).isEqualTo(sessionBefore);

        refused(() -> programItems.change(item, "", "Plenary", "Конгресс-холл", null), "validation.required");
        refused(() -> programItems.change(item, "t".repeat(301), null, "Конгресс-холл", null),
                "validation.too-long");
        refused(() -> programItems.change(item, "Новое", "T".repeat(301), "Конгресс-холл", null),
                "program.error.title-en-too-long");
        refused(() -> programItems.change(item, "Новое", "New", "  ", "Hall"), "program.error.place-required");
        refused(() -> programItems.change(item, "Новое", "New", "p".repeat(201), "Hall"),
                "program.error.place-too-long");
        refused(() -> programItems.change(item, "Новое", "New", "Новый зал", "P".repeat(201)),
                "program.error.place-en-too-long");
        refused(() -> programItems.change(-1, "Новое", null, "Новый зал", null), "program.error.not-found");
        assertThat(item(item)).as("the title not saved without the place").isEqualTo(before);
        refused(() -> programItems.add(session.dayId(), ProgramItemKind.PLENARY, "Новое", null, "p".repeat(201),
                null, LocalTime.of(11, 0), LocalTime.of(12, 0)), "program.error.place-too-long");
    }

    @Test
    void only_organizers_change_sessions_and_program_items() {
        BookingFixture.TestSession session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(10, 20), 20);
        long item = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.PRESENTATION,
                "Презентация", null, "Малый зал", null, LocalTime.of(12, 0), LocalTime.of(12, 30)));
        TestCompany company = fixture.approvedCompany();
        String name = session(session.sessionId()).name();

        assertThatThrownBy(() -> fixture.as(company, () -> program.changeSession(session.sessionId(), "Чужое", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(company, () -> programItems.change(item, "Чужое", null, "Зал", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(session(session.sessionId()).name()).isEqualTo(name);
        assertThat(item(item).title()).isEqualTo("Презентация");
    }

    private void refused(Runnable change, String key) {
        assertThatThrownBy(() -> fixture.asOrganizer(change)).isInstanceOfSatisfying(InvalidProgramException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    private NegotiationSession session(long id) {
        return fixture.asOrganizer(() -> program.sessions()).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
    }

    private ProgramItem item(long id) {
        return fixture.asOrganizer(() -> programItems.all()).stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow();
    }
}
