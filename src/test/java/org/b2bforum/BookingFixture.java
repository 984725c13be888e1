package org.b2bforum;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramService;
import org.b2bforum.program.Slot;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Companies, days, halls and sessions for the program and booking tests. Everything made here is
 * unique within the test run (the database is shared by all tests): companies are registered
 * through {@link RegistrationService} and approved by the organizer, days lie years ahead, hall
 * names carry {@link TestData#unique()}. Organizer steps run as the organizer and then restore
 * whoever was logged in.
 * <p>
 * The booking settings are one row for the whole forum: a test that books sets them first with
 * {@link #bookingSettings}.
 */
public final class BookingFixture {

    /** An approved (or pending) company, its log-in and its delegates' ids, in their order. */
    public record TestCompany(long id, String loginEmail, ForumUser user, List<Long> delegateIds) {

        public long firstDelegate() {
            return delegateIds.getFirst();
        }
    }

    /** A negotiation session on a day of its own, in a hall of its own. */
    public record TestSession(long dayId, LocalDate day, long hallId, String hallName, long sessionId,
            List<Slot> slots) {

        public Slot slot(int index) {
            return slots.get(index);
        }

        public List<Long> slotIds() {
            return slots.stream().map(Slot::id).toList();
        }
    }

    private final RegistrationService registrations;
    private final AccountService accounts;
    private final ProgramService program;
    private final BookingWindow bookingWindow;
    private final JdbcTemplate jdbc;
    private final org.b2bforum.company.CompanyRecords records;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    public BookingFixture(ApplicationContext context) {
        this.registrations = context.getBean(RegistrationService.class);
        this.accounts = context.getBean(AccountService.class);
        this.program = context.getBean(ProgramService.class);
        this.bookingWindow = context.getBean(BookingWindow.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.records = context.getBean(org.b2bforum.company.CompanyRecords.class);
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    }

    // ---- companies ----

    /** A company registered through the registration form and approved by the organizer. */
    public TestCompany approvedCompany() {
        TestCompany company = pendingCompany();
        asOrganizer(() -> registrations.approve(company.id()));
        return company;
    }

    /** A company that has registered and awaits approval. */
    public TestCompany pendingCompany() {
        RegistrationForm form = TestData.registrationForm();
        long id = registrations.register(form);
        List<Long> delegates = jdbc.queryForList("select id from delegate where company_id = ? order by sort_order",
                Long.class, id);
        return new TestCompany(id, form.getLoginEmail(), accounts.loadUserByUsername(form.getLoginEmail()), delegates);
    }

    /**
     * The approved company loses its approval: back with the organizers ({@link #sendBackToReview}), who reject it.
     */
    public void withdrawApproval(TestCompany company) {
        sendBackToReview(company);
        asOrganizer(() -> registrations.reject(company.id(), "Регистрация отозвана"));
    }

    /**
     * The company takes one of its delegates off its list (the profile saved without them), as a representative does:
     * the delegate's row goes, with their log-in and places in requests.
     */
    public void removeDelegate(TestCompany company, long delegateId) {
        as(company, () -> {
            RegistrationForm form = registrations.myApplicationForm();
            List<RegistrationForm.DelegateForm> kept = new ArrayList<>(form.getDelegates());
            kept.remove(company.delegateIds().indexOf(delegateId));
            form.setDelegates(kept);
            registrations.updateProfile(form);
        });
    }

    /**
     * The approved company is back in the organizers' review (PENDING), as an application resubmitted. A new name no
     * longer does it (mend53a: a proposal the office decides, the company staying approved), so the fixture puts the
     * company there through its records, for the tests of what a company awaiting approval may not do.
     */
    public void sendBackToReview(TestCompany company) {
        transactions.executeWithoutResult(status -> records.resubmit(company.id(), java.time.Instant.now()));
    }

    public List<TestCompany> approvedCompanies(int n) {
        List<TestCompany> companies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            companies.add(approvedCompany());
        }
        return companies;
    }

    // ---- who is asking ----

    /** Logs the current thread in as the company's representative (each thread has its own log-in). */
    public static void logInAs(TestCompany company) {
        logInAs(company.user());
    }

    public static void logInAs(ForumUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public <T> T asOrganizer(Supplier<T> work) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            TestData.logInAsOrganizer(accounts);
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public void asOrganizer(Runnable work) {
        asOrganizer(() -> {
            work.run();
            return null;
        });
    }

    public <T> T as(TestCompany company, Supplier<T> work) {
        return as(company.user(), work);
    }

    /** As {@link #as(TestCompany, Supplier)} for any log-in (venue staff, a delegate). */
    public <T> T as(ForumUser user, Supplier<T> work) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            logInAs(user);
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public void as(TestCompany company, Runnable work) {
        as(company, () -> {
            work.run();
            return null;
        });
    }

    // ---- the program ----

    /** Sets the forum's booking window, limit and instant booking (one row for all tests). */
    public void bookingSettings(BookingSettings settings) {
        asOrganizer(() -> bookingWindow.update(settings));
    }

    /** Open booking, no window, a high limit. */
    public void openBooking(boolean instant) {
        bookingSettings(new BookingSettings(null, null, 200, instant));
    }

    /** A forum day of its own, some years ahead (days are unique, so a taken one is skipped). */
    public ForumDayRef newDay() {
        return asOrganizer(() -> {
            long[] id = new long[1];
            LocalDate day = TestData.addFreeDay(program, dayId -> id[0] = dayId);
            return new ForumDayRef(id[0], day);
        });
    }

    public record ForumDayRef(long id, LocalDate day) {
    }

    /** A hall of its own with {@code tables} tables. */
    public long newHall(int tables) {
        return asOrganizer(() -> program.addHall("Зал " + TestData.unique(), null, tables));
    }

    /**
     * Gives the hall a name for English readers ("Hall …", unique), as an organizer does in the hall's dialog,
     * keeping its tables; returns the name.
     */
    public String nameHallInEnglish(long hallId) {
        String name = "Hall " + TestData.unique();
        asOrganizer(() -> {
            program.changeHall(hallId, name, program.halls().stream().filter(h -> h.id() == hallId).findFirst()
                    .orElseThrow().tableCount());
            return null;
        });
        return name;
    }

    /** A session on a new day in a new hall, cut into {@code slotMinutes} slots without pauses. */
    public TestSession session(int tables, LocalTime start, LocalTime end, int slotMinutes) {
        ForumDayRef day = newDay();
        return session(day, newHall(tables), start, end, slotMinutes);
    }

    /** A session on the given day in the given hall. */
    public TestSession session(ForumDayRef day, long hallId, LocalTime start, LocalTime end, int slotMinutes) {
        return asOrganizer(() -> {
            long sessionId = program.addSession(day.id(), hallId, "Переговоры " + TestData.unique(), null, start, end,
                    slotMinutes, 0);
            String hallName = jdbc.queryForObject("select name from hall where id = ?", String.class, hallId);
            return new TestSession(day.id(), day.day(), hallId, hallName, sessionId, program.slots(sessionId));
        });
    }

    // ---- threads ----

    /**
     * Runs the calls at the same moment on threads of their own; each outcome is the call's result
     * or the exception it threw. Each call logs its own thread in (the security context is per thread).
     */
    public static List<Object> simultaneously(Collection<? extends Callable<?>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
