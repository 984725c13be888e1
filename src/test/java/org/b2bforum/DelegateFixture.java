package org.b2bforum;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.Country;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.InvitationSent;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delegates with log-ins, companies in cities of their own and sessions on today's date, for the
 * badge and delegate tests (on top of {@link BookingFixture}). Every delegate made here logs in
 * with {@link #DELEGATE_PASSWORD}.
 */
public final class DelegateFixture {

    public static final String DELEGATE_PASSWORD = "Delegate-Pass-2026";

    private final BookingFixture booking;
    private final RegistrationService registrations;
    private final AccountService accounts;
    private final DelegateInvitationService invitations;
    private final ProgramService program;
    private final JdbcTemplate jdbc;

    public DelegateFixture(ApplicationContext context) {
        this.booking = new BookingFixture(context);
        this.registrations = context.getBean(RegistrationService.class);
        this.accounts = context.getBean(AccountService.class);
        this.invitations = context.getBean(DelegateInvitationService.class);
        this.program = context.getBean(ProgramService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public BookingFixture booking() {
        return booking;
    }

    /**
     * An approved company in the given city, named {@code shortName} (made unique with a suffix
     * unless it is unique already), with delegates of these names (each "Name|Position").
     */
    public TestCompany approvedCompany(String city, String shortName, List<String> delegates) {
        return approvedCompany(Country.RU, city, shortName, delegates);
    }

    public TestCompany approvedCompany(Country country, String city, String shortName, List<String> delegates) {
        RegistrationForm form = TestData.registrationForm(country);
        form.setCity(city);
        form.setShortName(shortName);
        String token = TestData.unique();
        form.setDelegates(delegates.stream().map(d -> {
            String[] parts = d.split("\\|");
            return new RegistrationForm.DelegateForm(parts[0], parts.length > 1 ? parts[1] : "Менеджер",
                    "d" + Math.abs(parts[0].hashCode()) + "-" + token + "@test.forum", "+7 495 123 45 67");
        }).toList());
        long id = registrations.register(form);
        booking.asOrganizer(() -> registrations.approve(id));
        List<Long> ids = jdbc.queryForList("select id from delegate where company_id = ? order by sort_order",
                Long.class, id);
        return new TestCompany(id, form.getLoginEmail(), accounts.loadUserByUsername(form.getLoginEmail()), ids);
    }

    /** The company invites its delegate, who accepts: returns the delegate's log-in (their e-mail). */
    public String delegateAccount(TestCompany company, long delegateId) {
        InvitationSent sent = booking.as(company, () -> invitations.invite(delegateId));
        invitations.accept(token(sent), DELEGATE_PASSWORD, DELEGATE_PASSWORD);
        return sent.email();
    }

    /** The token of an invitation link: its last path segment. */
    public static String token(InvitationSent sent) {
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }

    /**
     * Today's forum day (added, or the one an earlier test added) and a new hall with {@code tables} tables, a
     * session there of three 20-minute slots at the first whole hour from 10:00 on (then from 00:00) that no other
     * session's slot overlaps: slots that cross others at the same time are refused ({@code ProgramService.checkFits}),
     * and the classes before may have left sessions on today's date (the reverse class order met one at 10:00-11:00;
     * bench/README.md, run-suite, stop 47).
     */
    public TestSession sessionToday(int tables) {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        LocalDate today = LocalDate.now(moscow);
        BookingFixture.ForumDayRef day = booking.asOrganizer(() -> {
            try {
                return new BookingFixture.ForumDayRef(program.addDay(today), today);
            } catch (InvalidProgramException exists) {
                return program.days().stream().filter(d -> d.day().equals(today)).findFirst()
                        .map(d -> new BookingFixture.ForumDayRef(d.id(), d.day())).orElseThrow(() -> exists);
            }
        });
        for (int k = 0; k < 23; k++) {
            LocalTime start = LocalTime.of((10 + k) % 23, 0);
            Integer crossing = jdbc.queryForObject("select count(*) from slot where starts_at < ? and ends_at > ?",
                    Integer.class, Timestamp.from(today.atTime(start.plusHours(1)).atZone(moscow).toInstant()),
                    Timestamp.from(today.atTime(start).atZone(moscow).toInstant()));
            if (crossing == 0) {
                return booking.session(day, booking.newHall(tables), start, start.plusHours(1), 20);
            }
        }
        throw new IllegalStateException("every hour of today has other sessions' slots");
    }
}
