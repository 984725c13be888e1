package org.b2bforum.venue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.company.BadgeCode;
import org.b2bforum.company.BadgeCodes;
import org.b2bforum.company.Delegates;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the venue tests need besides companies and sessions (BookingFixture): sessions that have
 * already taken place (organizers may book into them, as at a forum that is under way), staff and
 * delegate log-ins, and badge tokens and codes. Everything is unique within the test run.
 */
public final class VenueFixture {

    public static final String PASSWORD = "Venue-Test-2026";

    private final BookingFixture booking;
    private final AccountService accounts;
    private final ProgramService program;
    private final JdbcTemplate jdbc;
    private final Delegates delegates;

    public VenueFixture(ApplicationContext context) {
        this.booking = new BookingFixture(context);
        this.accounts = context.getBean(AccountService.class);
        this.program = context.getBean(ProgramService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.delegates = context.getBean(Delegates.class);
    }

    public BookingFixture booking() {
        return booking;
    }

    /** A session 10:00–11:00 (three 20-minute slots) on a day of its own some years ago. */
    public TestSession pastSession(int tables) {
        ForumDayRef day = booking.asOrganizer(() -> {
            for (int attempt = 0; ; attempt++) {
                LocalDate date = LocalDate.now().minusYears(2).minusDays(ThreadLocalRandom.current().nextInt(0, 5001));
                try {
                    return new ForumDayRef(program.addDay(date), date);
                } catch (InvalidProgramException e) {
                    if (attempt > 50) {
                        throw e;
                    }
                }
            }
        });
        return booking.session(day, booking.newHall(tables), LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
    }

    /** A session 10:00–11:00 on a day of its own some years ahead. */
    public TestSession futureSession(int tables) {
        return booking.session(tables, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
    }

    /** A new venue staff log-in. */
    public ForumUser staff() {
        String email = TestData.uniqueEmail("staff");
        accounts.createStaffAccount(email, PASSWORD, "Сотрудник " + TestData.unique());
        return accounts.loadUserByUsername(email);
    }

    /** A log-in for the delegate. */
    public ForumUser delegateAccount(long delegateId) {
        String email = TestData.uniqueEmail("delegate");
        String name = jdbc.queryForObject("select full_name from delegate where id = ?", String.class, delegateId);
        accounts.createDelegateAccount(email, PASSWORD, name, delegateId);
        return accounts.loadUserByUsername(email);
    }

    /** The delegate's badge code as printed ({@code 7KQ-3PX}), made as a print makes it. */
    public String badgeCode(long delegateId) {
        return BadgeCode.format(delegates.ensureBadgeKeys(List.of(delegateId)).get(delegateId).code());
    }

    /** A badge code as printed that no badge has. */
    public String unusedBadgeCode() {
        return BadgeCode.format(BadgeCodes.unused(jdbc));
    }

    /** The delegate's badge token, made as the badge would make it. */
    public String badgeToken(long delegateId) {
        jdbc.update("update delegate set check_in_token = ? where id = ? and check_in_token is null", Tokens.newToken(),
                delegateId);
        return jdbc.queryForObject("select check_in_token from delegate where id = ?", String.class, delegateId);
    }

    /** A code of the badges' alphabet beginning with {@code first}, that no badge has yet. */
    public String unusedBadgeCode(char first) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        while (true) {
            StringBuilder code = new StringBuilder().append(first);
            for (int i = 1; i < 6; i++) {
                code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            if (jdbc.queryForObject("select count(*) from delegate where badge_code = ?", Integer.class, code.toString())
                    == 0) {
                return code.toString();
            }
        }
    }
}
