package org.b2bforum.demo;

import java.util.List;

import org.b2bforum.base.clock.RehearsalClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.Delegates;
import org.b2bforum.venue.CheckInService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The venue side of the demo forum: a staff log-in, and a few delegates checked in early (at the
 * accreditation desk). The demo forum lies ahead, so no meeting has begun: none is marked held and
 * no outcome is recorded. Two check-in links (one used, one not) are written to the log to try the
 * check-in page.
 */
@Component
class DemoVenue {

    static final String STAFF_EMAIL = "staff@forum.demo";
    static final String STAFF_PASSWORD = "demo-venue-2026";
    private static final int CHECKED_IN = 8;

    private static final Logger log = LoggerFactory.getLogger(DemoVenue.class);

    private final AccountService accounts;
    private final CheckInService checkIns;
    private final Delegates delegates;
    private final JdbcTemplate jdbc;
    private final PublicUrl publicUrl;

    DemoVenue(AccountService accounts, CheckInService checkIns, Delegates delegates, JdbcTemplate jdbc,
            PublicUrl publicUrl) {
        this.accounts = accounts;
        this.checkIns = checkIns;
        this.delegates = delegates;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
    }

    void create() {
        accounts.createStaffAccount(STAFF_EMAIL, STAFF_PASSWORD, "Ольга Воронцова (регистрация)");
        accounts.markDemo(STAFF_EMAIL);
        ForumUser staff = accounts.loadUserByUsername(STAFF_EMAIL);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        // the first delegate of the first approved companies, and one more who has not come yet
        List<Long> early = jdbc.queryForList("""
                select min(d.id) from delegate d join company c on c.id = d.company_id
                where c.status = 'APPROVED' group by c.id order by c.id limit ?""", Long.class, CHECKED_IN + 1);
        String lastToken = null;
        for (int i = 0; i < early.size(); i++) {
            String token = delegates.ensureBadgeKeys(List.of(early.get(i))).get(early.get(i)).checkInToken();
            if (i < CHECKED_IN) {
                // at the time a rehearsal says it is (the demo forum is loaded on the real time)
                RehearsalClock.onTheForumTime(() -> checkIns.checkIn(token));
                if (i == 0) {
                    log.info(Tokens.PUBLISHED_DEMO_LINK, "Demo check-in link of a delegate already checked in: {}",
                            publicUrl.of("check-in/" + token));
                }
            }
            lastToken = token;
        }
        if (lastToken != null) {
            log.info(Tokens.PUBLISHED_DEMO_LINK, "Demo check-in link of a delegate not yet checked in: {}",
                    publicUrl.of("check-in/" + lastToken));
        }
    }
}
