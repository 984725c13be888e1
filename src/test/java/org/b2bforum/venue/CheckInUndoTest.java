package org.b2bforum.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.security.ForumUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ux58: a check-in made by a wrong tap at the desk ("Козел" for "Козлов" in the list) is taken back by whoever made
 * it, at once; before, it stayed for good, counted as arrived in the figures and the report.
 */
@ForumSpringTest
class CheckInUndoTest {

    @Autowired
    CheckInService checkIns;
    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_staff_member_who_checked_someone_in_by_mistake_takes_it_back() {
        TestCompany company = booking.approvedCompany();
        long delegate = company.firstDelegate();
        ForumUser staff = venue.staff();
        booking.as(staff, () -> checkIns.checkIn(delegate));
        assertThat(booking.as(staff, () -> checkIns.mayUndo(checkInOf(delegate)))).isTrue();

        booking.as(staff, () -> {
            checkIns.undoCheckIn(delegate);
            return null;
        });

        assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?", Integer.class,
                delegate)).isZero();
    }

    @Test
    void someone_elses_check_in_or_one_older_than_ten_minutes_stays() {
        TestCompany company = booking.approvedCompany();
        long byOther = company.firstDelegate();
        long earlier = company.delegateIds().get(1);
        ForumUser staff = venue.staff();
        ForumUser colleague = venue.staff();
        booking.as(colleague, () -> checkIns.checkIn(byOther));
        jdbc.update("""
                insert into delegate_check_in (delegate_id, checked_in_at, checked_in_by, checked_in_by_name)
                values (?, ?, ?, ?)""", earlier, Timestamp.from(Instant.now().minusSeconds(11 * 60)), staff.id(),
                staff.displayName());

        for (long delegate : new long[] {byOther, earlier}) {
            assertThat(booking.as(staff, () -> checkIns.mayUndo(checkInOf(delegate)))).isFalse();
            assertThatThrownBy(() -> booking.as(staff, () -> {
                checkIns.undoCheckIn(delegate);
                return null;
            })).isInstanceOfSatisfying(VenueRefusedException.class,
                    e -> assertThat(e.key()).isEqualTo("check-in-desk.undo-refused"));
            assertThat(jdbc.queryForObject("select count(*) from delegate_check_in where delegate_id = ?",
                    Integer.class, delegate)).isOne();
        }
    }

    private CheckIn checkInOf(long delegate) {
        return jdbc.queryForObject("select checked_in_at, checked_in_by, checked_in_by_name from delegate_check_in "
                + "where delegate_id = ?", (rs, i) -> new CheckIn(rs.getTimestamp(1).toInstant(), rs.getLong(2),
                        rs.getString(3)), delegate);
    }
}
