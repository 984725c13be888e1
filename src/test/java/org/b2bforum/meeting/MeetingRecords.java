package org.b2bforum.meeting;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the meeting tests read back from the database, and the usual request-and-accept. */
public final class MeetingRecords {

    private MeetingRecords() {
    }

    /** Active meetings as the limit counts them: open or confirmed requests made, confirmed meetings accepted. */
    public static int activeOf(JdbcTemplate jdbc, TestCompany company) {
        return jdbc.queryForObject("""
                select count(*) from meeting where status = 'CONFIRMED' and (requester_company_id = ? or partner_company_id = ?)
                   or status = 'REQUESTED' and requester_company_id = ?""", Integer.class, company.id(), company.id(),
                company.id());
    }

    public static String nameOf(JdbcTemplate jdbc, TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    /** The meeting's history, oldest first: "STATUS by actor: comment". */
    static List<String> history(JdbcTemplate jdbc, long meetingId) {
        return jdbc.query("select status, actor_name, comment from meeting_event where meeting_id = ? order by occurred_at, id",
                (rs, i) -> rs.getString("status") + " by " + rs.getString("actor_name")
                        + (rs.getString("comment") == null ? "" : ": " + rs.getString("comment")),
                meetingId);
    }

    /** How many company, delegate and table bookings the meeting holds. */
    static int occupied(JdbcTemplate jdbc, long meetingId) {
        return jdbc.queryForObject("""
                select (select count(*) from company_slot_booking where meeting_id = ?)
                     + (select count(*) from delegate_slot_booking where meeting_id = ?)
                     + (select count(*) from table_slot_booking where meeting_id = ?)
                     + (select count(*) from stand_slot_booking where meeting_id = ?)""", Integer.class, meetingId,
                meetingId, meetingId, meetingId);
    }

    /** {@code from} asks {@code to} for a meeting in the slot with its first delegate; {@code to} accepts. */
    static long requestAndAccept(BookingFixture fixture, MeetingRequests meetings, TestCompany from, TestCompany to,
            long slotId) {
        long id = fixture.as(from, () -> meetings.request(to.id(), slotId, List.of(from.firstDelegate()), null).meetingId());
        fixture.as(to, () -> meetings.accept(id, List.of(), null));
        return id;
    }
}
