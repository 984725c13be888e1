package org.b2bforum.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.b2bforum.Application;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For {@code bench/run-faults}: the application (its arguments as given) plus a booking load of
 * the demo companies through {@link MeetingRequests#request}, instant booking on. Each confirmed
 * booking is printed as {@code CONFIRMED <id>} once its transaction has committed, so the script
 * can check that none is lost after a {@code kill -9}. Runs {@code -Dfaults.seconds} seconds (0:
 * until killed), then prints {@code LOAD attempts=... confirmed=... refused=... errors=...}.
 */
public final class FaultLoad {

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the application's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        ConfigurableApplicationContext context = new SpringApplication(Application.class).run(args);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        MeetingRequests meetings = context.getBean(MeetingRequests.class);
        AccountService accounts = context.getBean(AccountService.class);

        // On the first start the demo forum may still be loading: wait for its companies and slots.
        List<Map<String, Object>> loaded = List.of();
        List<Long> loadedSlots = List.of();
        for (long waitUntil = System.nanoTime() + 180_000_000_000L; System.nanoTime() < waitUntil; Thread.sleep(1000)) {
            loaded = jdbc.queryForList("""
                    select u.email, u.company_id, (select min(d.id) from delegate d where d.company_id = c.id) delegate
                    from app_user u join company c on c.id = u.company_id
                    where u.role = 'COMPANY' and u.enabled and c.status = 'APPROVED'""");
            loadedSlots = jdbc.queryForList("select id from slot where starts_at > now()", Long.class);
            if (loaded.size() > 1 && !loadedSlots.isEmpty()) {
                break;
            }
        }
        List<Map<String, Object>> companies = loaded;
        List<Long> slots = loadedSlots;
        // after the demo forum is in: it sets its own booking settings
        ForumUser organizer = accounts.loadUserByUsername(jdbc.queryForObject(
                "select email from app_user where role = 'ORGANIZER' and enabled order by id limit 1", String.class));
        actAs(organizer);
        context.getBean(BookingWindow.class).update(new BookingSettings(null, null, 200, true));
        SecurityContextHolder.clearContext();

        List<ForumUser> users = new ArrayList<>();
        for (Map<String, Object> c : companies) {
            users.add(accounts.loadUserByUsername((String) c.get("email")));
        }
        out.printf(Locale.ROOT, "READY companies=%d slots=%d%n", companies.size(), slots.size());
        out.flush();

        long seconds = Long.getLong("faults.seconds", 0);
        long end = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong attempts = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[Integer.getInteger("faults.threads", 8)];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().name("booking-" + t).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int a = random.nextInt(companies.size());
                    int b = random.nextInt(companies.size());
                    if (a == b) {
                        continue;
                    }
                    actAs(users.get(a));
                    attempts.incrementAndGet();
                    try {
                        Object delegate = companies.get(a).get("delegate");
                        long id = meetings.request(((Number) companies.get(b).get("company_id")).longValue(),
                                slots.get(random.nextInt(slots.size())),
                                delegate == null ? List.of() : List.of(((Number) delegate).longValue()), null).meetingId();
                        if ("CONFIRMED".equals(jdbc.queryForObject("select status from meeting where id = ?",
                                String.class, id))) {
                            confirmed.incrementAndGet();
                            synchronized (out) {
                                out.println("CONFIRMED " + id);
                                out.flush();
                            }
                        }
                    } catch (BookingRefusedException e) {
                        refused.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 5) {
                            e.printStackTrace();
                        }
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        out.printf(Locale.ROOT, "LOAD attempts=%d confirmed=%d refused=%d errors=%d%n", attempts.get(),
                confirmed.get(), refused.get(), errors.get());
        out.flush();
        context.close();
        System.exit(0);
    }

    private static void actAs(ForumUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
