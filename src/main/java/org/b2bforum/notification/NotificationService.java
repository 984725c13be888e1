package org.b2bforum.notification;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.database.SqlText;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.ui.UnreadNotifications;
import org.b2bforum.notification.domain.Notification;
import org.b2bforum.notification.domain.NotificationRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications: each user reads and clears only their own. */
@Service
public class NotificationService implements UnreadNotifications {

    private final NotificationRepository notifications;
    private final AccountService accounts;
    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final LiveFeed liveFeed;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, AccountService accounts, NamedParameterJdbcTemplate jdbc,
            CurrentUser currentUser, LiveFeed liveFeed, Clock clock) {
        this.liveFeed = liveFeed;
        this.notifications = notifications;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Notifies every account of a company; part of the caller's transaction, JPA or plain JDBC
     * (the bookings' own), if there is one. Called by other services on behalf of the logged-in
     * user whose action it reports.
     */
    @PreAuthorize("isAuthenticated()")
    public void notifyCompany(long companyId, String messageKey, String detail) {
        notifyCompanies(List.of(companyId), messageKey, detail);
    }

    /**
     * Notifies the representatives of each of the companies, and of an organizers' announcement every delegate of
     * theirs with a log-in; part of the caller's transaction, as {@link #notifyCompany}. Two statements, however many
     * accounts. A meeting's change goes to the delegates who attend it: {@link #notifyMeeting}.
     */
    public void notifyCompanies(Collection<Long> companyIds, String messageKey, String detail) {
        notifyCompanies(companyIds, messageKey, detail, clock.instant());
    }

    /**
     * Notifies the representatives of the companies of a meeting's change, and the log-ins of {@code delegateIds}, the
     * delegates who attend it (none for a change that is the representatives' business: a request, an answer to one).
     * A delegate hears of the meetings in their own day, not of every meeting of their company (ux54: a delegate of a
     * company with 30 meetings and five delegates heard of all 30). Part of the caller's transaction, as
     * {@link #notifyCompany}; three statements, however many accounts.
     */
    public void notifyMeeting(Collection<Long> companyIds, Collection<Long> delegateIds, String messageKey,
            String detail) {
        if (companyIds.isEmpty()) {
            return;
        }
        liveFeed.companiesChanged(companyIds, LiveChange.Kind.NOTIFICATION);
        List<Long> users = new ArrayList<>(accounts.userIdsOfCompanies(companyIds));
        users.addAll(delegateLogIns(delegateIds));
        insert(users, messageKey, detail, clock.instant());
    }

    /**
     * Notifies the log-ins of {@code delegateIds}, delegates of {@code companyId}, and no one else: a change in who of
     * the company attends a meeting is news to those it sends or takes back, not to the representative who made it.
     * Part of the caller's transaction, as {@link #notifyCompany}.
     */
    public void notifyDelegates(long companyId, Collection<Long> delegateIds, String messageKey, String detail) {
        List<Long> users = delegateLogIns(delegateIds);
        if (users.isEmpty()) {
            return;
        }
        liveFeed.companiesChanged(List.of(companyId), LiveChange.Kind.NOTIFICATION);
        insert(users, messageKey, detail, clock.instant());
    }

    /**
     * Notifies each company's representatives and each delegate's log-in once, with a detail of its own (how many of
     * the new meetings are theirs): the summary of a published schedule, one notification each rather than one per
     * meeting. Part of the caller's transaction; four statements, however many companies and log-ins.
     */
    public void notifyEach(Map<Long, String> detailByCompany, Map<Long, String> detailByDelegate, String messageKey) {
        if (detailByCompany.isEmpty()) {
            return;
        }
        liveFeed.companiesChanged(detailByCompany.keySet(), LiveChange.Kind.NOTIFICATION);
        Map<Long, String> detailByUser = new LinkedHashMap<>();
        jdbc.query("select id, company_id from app_user where company_id in (:companies) order by id",
                new MapSqlParameterSource("companies", detailByCompany.keySet()),
                (ResultSet rs) -> {
                    detailByUser.put(rs.getLong("id"), detailByCompany.get(rs.getLong("company_id")));
                });
        if (!detailByDelegate.isEmpty()) {
            jdbc.query("select id, delegate_id from app_user where delegate_id in (:delegates) order by id",
                    new MapSqlParameterSource("delegates", detailByDelegate.keySet()),
                    (ResultSet rs) -> {
                        detailByUser.put(rs.getLong("id"), detailByDelegate.get(rs.getLong("delegate_id")));
                    });
        }
        if (detailByUser.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("key", messageKey)
                .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        StringBuilder rows = new StringBuilder();
        int i = 0;
        for (Map.Entry<Long, String> user : detailByUser.entrySet()) {
            rows.append(i == 0 ? "" : ", ").append("(:u").append(i).append(", :key, :d").append(i).append(", :now)");
            params.addValue("u" + i, user.getKey()).addValue("d" + i, user.getValue());
            i++;
        }
        jdbc.update("insert into notification (user_id, message_key, detail, created_at) values " + rows, params);
    }

    /**
     * Notifies one log-in, in the caller's transaction: a delegate's new account told what it missed
     * ({@link org.b2bforum.base.security.DelegateAccountCreated}).
     */
    public void notifyAccount(long accountId, String messageKey, String detail) {
        insert(List.of(accountId), messageKey, detail, clock.instant());
    }

    private List<Long> delegateLogIns(Collection<Long> delegateIds) {
        return delegateIds.isEmpty() ? List.of() : jdbc.queryForList(
                "select id from app_user where delegate_id in (:delegates) order by id",
                new MapSqlParameterSource("delegates", delegateIds), Long.class);
    }

    /**
     * The log-ins of some companies, read along with a query of the caller's own ({@link #column}): their
     * representatives', and those of the delegates the caller names (who attend the meeting it books).
     */
    public record Recipients(Map<Long, List<Long>> usersByCompany, List<Long> delegateUsers) {

        /**
         * SQL: the log-ins of the companies {@code companies} and of the delegates {@code delegates} (SQL lists) as one
         * column, for a caller's query to read along with its own ({@link #of} reads it): a booking reads them with its
         * situation, not in a round trip of their own in its turn (bench/README.md, issue 17). The representatives',
         * then after a '|' the delegates' (by the unique key of their log-in: no more rows read than the company's
         * delegates' were before ux54).
         */
        public static String column(String companies, String delegates) {
            return "concat(coalesce(" + AccountService.userIdsByCompanyColumn(companies) + ", ''), '|', coalesce("
                    + "(select group_concat(u.id order by u.id separator ',') from app_user u where u.delegate_id in ("
                    + delegates + ")), ''))";
        }

        /**
         * How many notifications {@link #statements} with these arguments writes for the log-in {@code userId}: a
         * page whose own request wrote them adds them to the bell it shows instead of counting the unread ones again
         * (bench/README.md, issue 17).
         */
        public int notificationsFor(long userId, Collection<Long> companyIds, boolean toDelegates) {
            return (int) users(companyIds, toDelegates).stream().filter(u -> u == userId).count();
        }

        /**
         * The log-ins a notification goes to, one notification each: the representatives of {@code companyIds} and,
         * if {@code toDelegates}, the delegates'. The one list {@link #statements} writes and {@link #notificationsFor}
         * counts, so that the bell a page adds up cannot drift from what was written.
         */
        List<Long> users(Collection<Long> companyIds, boolean toDelegates) {
            List<Long> users = new ArrayList<>();
            for (long company : companyIds) {
                users.addAll(usersByCompany.getOrDefault(company, List.of()));
            }
            if (toDelegates) {
                users.addAll(delegateUsers);
            }
            return users;
        }

        /** The recipients from the value of a {@link #column}. */
        public static Recipients of(String column) {
            int bar = column == null ? -1 : column.indexOf('|');
            if (bar < 0) {
                return new Recipients(AccountService.userIdsByCompany(column), List.of());
            }
            String delegates = column.substring(bar + 1);
            return new Recipients(AccountService.userIdsByCompany(column.substring(0, bar)), delegates.isEmpty()
                    ? List.of() : Arrays.stream(delegates.split(",")).map(Long::valueOf).toList());
        }
    }

    /**
     * What {@link #notifyMeeting} writes, as plain SQL statements for the caller to send in its transaction among its
     * own, in one round trip (a JDBC batch): the open pages' live change and a notification for each representative of
     * the companies and, if {@code toDelegates}, each log-in of the delegates read in {@code recipients}
     * ({@link Recipients#column}). The texts go in as hexadecimal literals, so nobody's text is SQL. At the booking
     * window's rush a booking's turn waited for each of the three statements of {@code notifyCompanies} in turn on a
     * busy machine (bench/README.md, issue 17).
     */
    public List<String> statements(Recipients recipients, Collection<Long> companyIds, boolean toDelegates,
            String messageKey, String detail) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        statements.add(LiveFeed.companiesChangedStatement(companyIds, LiveChange.Kind.NOTIFICATION));
        insertStatement(recipients.users(companyIds, toDelegates), messageKey, detail).ifPresent(statements::add);
        return statements;
    }

    /**
     * As {@link #statements}, a second notification to the representatives of {@code companyIds} in the same batch,
     * without a live change of its own (the first statements' tells their pages): an instant booking's "choose who
     * attends" to its partner, written in the booking's own round trip. Written after the booking had committed, in a
     * transaction of its own, it cost 13-17 % of the booking benchmark's attempts per second (bench/README.md, stop 45).
     */
    public List<String> alsoStatements(Recipients recipients, Collection<Long> companyIds, String messageKey,
            String detail) {
        return insertStatement(recipients.users(companyIds, false), messageKey, detail).stream().toList();
    }

    private Optional<String> insertStatement(List<Long> users, String messageKey, String detail) {
        String at = "'" + LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(SQL_DATETIME) + "'";
        StringBuilder rows = new StringBuilder();
        for (long user : users) {
            rows.append(rows.isEmpty() ? "" : ", ").append('(').append(user).append(", ").append(SqlText.literal(messageKey))
                    .append(", ").append(SqlText.literal(detail)).append(", ").append(at).append(')');
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(
                "insert into notification (user_id, message_key, detail, created_at) values " + rows);
    }

    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** As {@link #notifyCompanies(Collection, String, String)}, dated when the reported change happened. */
    void notifyCompanies(Collection<Long> companyIds, String messageKey, String detail, Instant at) {
        if (companyIds.isEmpty()) {
            return;
        }
        // the companies' open pages, their delegates' too, show the change
        liveFeed.companiesChanged(companyIds, LiveChange.Kind.NOTIFICATION);
        List<Long> users = accounts.userIdsOfCompanies(companyIds);
        if (NotificationView.ANNOUNCEMENT.equals(messageKey)) {
            users = new ArrayList<>(users);
            users.addAll(jdbc.queryForList("select u.id from delegate d join app_user u on u.delegate_id = d.id"
                    + " where d.company_id in (:companies) order by u.id", new MapSqlParameterSource("companies", companyIds),
                    Long.class));
        }
        insert(users, messageKey, detail, at);
    }

    private void insert(List<Long> users, String messageKey, String detail, Instant at) {
        if (users.isEmpty()) {
            return;
        }
        // a plain multi-row insert: an INSERT ... SELECT would hold the table's auto-increment lock
        // (innodb_autoinc_lock_mode=1) and make simultaneous bookings wait for each other
        MapSqlParameterSource params = new MapSqlParameterSource("key", messageKey).addValue("detail", detail)
                // UTC wall time, as Hibernate stores instants (hibernate.jdbc.time_zone=UTC)
                .addValue("now", LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < users.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:u").append(i).append(", :key, :detail, :now)");
            params.addValue("u" + i, users.get(i));
        }
        jdbc.update("insert into notification (user_id, message_key, detail, created_at) values " + rows, params);
    }

    /** The logged-in user's latest notifications, newest first; one statement (as {@link #unreadCount}). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<NotificationView> mine(int limit) {
        return views(notifications.findByUserIdOrderByCreatedAtDescIdDesc(currentUser.require().id(),
                PageRequest.of(0, limit)));
    }

    /**
     * The logged-in user's notifications that come after {@code last} in {@link #mine}'s order (older ones), at most
     * {@code limit}: the next page of a list that has shown {@code last} at its end.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<NotificationView> olderThan(NotificationView last, int limit) {
        return views(notifications.findOlder(currentUser.require().id(), last.createdAt(), last.id(),
                PageRequest.of(0, limit)));
    }

    private static List<NotificationView> views(List<Notification> found) {
        return found.stream()
                .map(n -> new NotificationView(n.getId(), n.getMessageKey(), n.getDetail(), n.getCreatedAt(),
                        n.getReadAt() != null))
                .toList();
    }

    /**
     * How many of the logged-in user's notifications are unread. One statement, in the caller's transaction or in
     * none: read for every page's menu and live update ({@code FrameReads}).
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long unreadCount() {
        // plain JDBC: through the repository each page's bell and each live update went through Hibernate's query
        // machinery for one number, about 4% of the application's CPU at the booking rush (issue 17)
        Long count = jdbc.queryForObject("select count(*) from notification where user_id = :user and read_at is null",
                new MapSqlParameterSource("user", currentUser.require().id()), Long.class);
        return count == null ? 0 : count;
    }

    /** The latest notification if it is unread (in {@link #mine}'s order); one plain statement, as {@link #unreadCount}. */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Latest> latestUnread() {
        List<NotificationView> latest = jdbc.query("""
                select id, message_key, detail, read_at is not null as is_read from notification
                where user_id = :user order by created_at desc, id desc limit 1""",
                new MapSqlParameterSource("user", currentUser.require().id()),
                (rs, row) -> new NotificationView(rs.getLong("id"), rs.getString("message_key"), rs.getString("detail"),
                        null, rs.getBoolean("is_read")));
        return latest.stream().filter(n -> !n.read()).findFirst()
                .map(n -> new Latest(n.messageKey(), n.detailIsComment() ? null : n.detail(), n.isAnnouncement()));
    }

    /**
     * One statement, not an entity loaded and updated per notification (README's rule for a JPA-owned table: one
     * statement in place of a loop): a busy company had 421 unread, and since stop 42 each delegate has their own.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        long me = currentUser.require().id();
        toldIfRead(me, jdbc.update("update notification set read_at = :now where user_id = :user and read_at is null",
                new MapSqlParameterSource("user", me)
                        .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))));
    }

    /**
     * Marks read the logged-in user's notifications from {@code newest} on in {@link #mine}'s order: what a list that
     * shows {@code newest} at its top has shown or leads to ("Show older notifications"). One that came after the list
     * was read stays unread, for the bell and the next opening: {@link #markAllRead} at the page's opening marked it
     * read too, though no page had shown it (review50). One statement, as {@link #markAllRead}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markReadAsOf(NotificationView newest) {
        long me = currentUser.require().id();
        toldIfRead(me, jdbc.update("""
                update notification set read_at = :now where user_id = :user and read_at is null
                  and (created_at < :createdAt or (created_at = :createdAt and id <= :id))""",
                new MapSqlParameterSource("user", me)
                        .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .addValue("createdAt", LocalDateTime.ofInstant(newest.createdAt(), ZoneOffset.UTC))
                        .addValue("id", newest.id())));
    }

    /**
     * Notifications read lower the bell of the reader's other open pages, on any node: they are told by a live update
     * of the reader's log-in, since the frame reads the bell on a new page only when a live update says it changed
     * (issue 17). Nothing read (all read already, as after a second tab's opening), nothing told.
     */
    private void toldIfRead(long userId, int read) {
        if (read > 0) {
            liveFeed.usersChanged(List.of(userId), LiveChange.Kind.NOTIFICATION);
        }
    }
}
