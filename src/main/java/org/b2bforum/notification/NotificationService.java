package org.b2bforum.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2bforum.base.database.SqlText;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import java.util.Optional;

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
     * Notifies every account of each of the companies; part of the caller's transaction, as
     * {@link #notifyCompany}. Two statements, however many accounts: booking a meeting notifies two
     * companies each time.
     */
    public void notifyCompanies(Collection<Long> companyIds, String messageKey, String detail) {
        notifyCompanies(companyIds, messageKey, detail, clock.instant());
    }

    /**
     * Whether a notification of this key is also meant for the companies' delegates: what changes their day at the
     * venue (a meeting confirmed, placed, moved, cancelled, its slot removed) and the organizers' announcements; not a
     * request, an answer to one, or the company's registration business, which its representatives handle.
     */
    static boolean forDelegates(String messageKey) {
        return DELEGATE_KEYS.contains(messageKey);
    }

    private static final Set<String> DELEGATE_KEYS = Set.of(NotificationView.ANNOUNCEMENT, "notification.meeting.CONFIRMED",
            "notification.meeting.SCHEDULED", "notification.meeting.MOVED", "notification.meeting.CANCELLED",
            "notification.meeting.SLOT_REMOVED");

    /**
     * The log-ins of some companies, read along with a query of the caller's own ({@link #column}): their
     * representatives' and their delegates'.
     */
    public record Recipients(Map<Long, List<Long>> usersByCompany, Map<Long, List<Long>> delegatesByCompany) {

        /**
         * SQL: the log-ins of the companies {@code companies} (an SQL list) as one column, for a caller's query to read
         * along with its own ({@link #of} reads it): a booking reads them with its situation, not in a round trip of
         * their own in its turn (bench/README.md, issue 17). The representatives', then after a '|' the delegates'.
         */
        public static String column(String companies) {
            return "concat(coalesce(" + AccountService.userIdsByCompanyColumn(companies) + ", ''), '|', coalesce("
                    + "(select group_concat(concat(d.company_id, ':', u.id) order by u.id separator ',') from delegate d"
                    + " join app_user u on u.delegate_id = d.id where d.company_id in (" + companies + ")), ''))";
        }

        /** The recipients from the value of a {@link #column}. */
        public static Recipients of(String column) {
            int bar = column == null ? -1 : column.indexOf('|');
            return bar < 0 ? new Recipients(AccountService.userIdsByCompany(column), Map.of())
                    : new Recipients(AccountService.userIdsByCompany(column.substring(0, bar)),
                            AccountService.userIdsByCompany(column.substring(bar + 1)));
        }

        List<Long> of(long company, boolean withDelegates) {
            List<Long> users = usersByCompany.getOrDefault(company, List.of());
            if (!withDelegates || !delegatesByCompany.containsKey(company)) {
                return users;
            }
            List<Long> all = new ArrayList<>(users);
            all.addAll(delegatesByCompany.get(company));
            return all;
        }
    }

    /**
     * What {@link #notifyCompanies(Collection, String, String)} writes, as plain SQL statements for the caller to send
     * in its transaction among its own, in one round trip (a JDBC batch): the open pages' live change and a notification
     * for each log-in of the companies (of those read in {@code recipients}, {@link Recipients#column}). The texts go in as hexadecimal literals,
     * so nobody's text is SQL. At the booking window's rush a booking's turn waited for each of the three statements
     * of {@code notifyCompanies} in turn on a busy machine (bench/README.md, issue 17).
     */
    public List<String> statements(Recipients recipients, Collection<Long> companyIds, String messageKey, String detail) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        statements.add(LiveFeed.companiesChangedStatement(companyIds, LiveChange.Kind.NOTIFICATION));
        String at = "'" + LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(SQL_DATETIME) + "'";
        StringBuilder rows = new StringBuilder();
        for (long company : companyIds) {
            for (long user : recipients.of(company, forDelegates(messageKey))) {
                rows.append(rows.isEmpty() ? "" : ", ").append('(').append(user).append(", ").append(SqlText.literal(messageKey))
                        .append(", ").append(SqlText.literal(detail)).append(", ").append(at).append(')');
            }
        }
        if (!rows.isEmpty()) {
            statements.add("insert into notification (user_id, message_key, detail, created_at) values " + rows);
        }
        return statements;
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
        if (forDelegates(messageKey)) {
            users = new ArrayList<>(users);
            users.addAll(jdbc.queryForList("select u.id from delegate d join app_user u on u.delegate_id = d.id"
                    + " where d.company_id in (:companies) order by u.id", new MapSqlParameterSource("companies", companyIds),
                    Long.class));
        }
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
        jdbc.update("update notification set read_at = :now where user_id = :user and read_at is null",
                new MapSqlParameterSource("user", currentUser.require().id())
                        .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
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
        jdbc.update("""
                update notification set read_at = :now where user_id = :user and read_at is null
                  and (created_at < :createdAt or (created_at = :createdAt and id <= :id))""",
                new MapSqlParameterSource("user", currentUser.require().id())
                        .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .addValue("createdAt", LocalDateTime.ofInstant(newest.createdAt(), ZoneOffset.UTC))
                        .addValue("id", newest.id()));
    }
}
