package org.b2bforum.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.b2bforum.Application;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The forum of {@code bench/run-ui-load}, written into a fresh embedded database that the production
 * jar then starts on: {@value #COMPANIES} approved companies with log-ins ({@link BenchCompanies}), one
 * forum day two months ahead with {@value #HALLS} halls of {@value #TABLES} tables and 20-minute slots
 * from 10:00 to 18:00, booking open with instant booking. Arguments: the data directory.
 */
public final class UiLoadForum {

    static final int COMPANIES = 1_000;
    static final int DELEGATES_PER_COMPANY = 2;
    static final int HALLS = 4;
    static final int TABLES = 25;
    static final String ORGANIZER_EMAIL = "ui-load-chief@forum.local";
    static final String ORGANIZER_PASSWORD = "Ui-Load-Organizer-2026";
    static final String COMPANY_PASSWORD = "Company-Load-2026";

    private UiLoadForum() {
    }

    public static void main(String[] args) {
        System.setOut(System.err);
        ConfigurableApplicationContext context = null;
        int exit = 0;
        try {
            context = new SpringApplication(Application.class).run(
                    "--b2bforum.embedded-db.data-dir=" + args[0],
                    "--b2bforum.embedded-db.fresh=true",
                    "--b2bforum.demo.mode=false",
                    "--b2bforum.backup.enabled=false",
                    "--b2bforum.organizer.email=" + ORGANIZER_EMAIL,
                    "--b2bforum.organizer.password=" + ORGANIZER_PASSWORD,
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=warn");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            BenchCompanies.insert(jdbc, context.getBean(PasswordEncoder.class).encode(COMPANY_PASSWORD), COMPANIES,
                    DELEGATES_PER_COMPANY);
            ForumUser organizer = context.getBean(AccountService.class).loadUserByUsername(ORGANIZER_EMAIL);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(organizer, null, organizer.getAuthorities()));
            ProgramService program = context.getBean(ProgramService.class);
            long day = program.addDay(LocalDate.now().plusMonths(2));
            for (int h = 0; h < HALLS; h++) {
                long hall = program.addHall("Зал " + (char) ('A' + h), null, TABLES);
                program.addSession(day, hall, "Переговоры", null, LocalTime.of(10, 0), LocalTime.of(18, 0), 20, 0);
            }
            context.getBean(BookingWindow.class).update(new BookingSettings(null, null, 50, true));
            System.err.printf("UI load forum: %d companies, %d halls x %d tables, booking open%n",
                    jdbc.queryForObject("select count(*) from company", Long.class), HALLS, TABLES);
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            SecurityContextHolder.clearContext();
            if (context != null) {
                context.close();
            }
        }
        System.exit(exit);
    }

    /** The password of every company log-in. */
    static List<String> companyLogin(long companyId) {
        return List.of(BenchCompanies.login(companyId), COMPANY_PASSWORD);
    }
}
