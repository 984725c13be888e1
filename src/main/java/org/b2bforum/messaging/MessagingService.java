package org.b2bforum.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages between two approved companies. The company's representative and its delegates read and
 * write in the company's name (each message shows who wrote it); only the two companies read a
 * conversation, and organizers only once one of them reported it.
 */
@Service
public class MessagingService {

    /** How many messages one log-in may send per minute, across its conversations. */
    public static final int PER_MINUTE = 10;
    private static final int HISTORY = 500;
    /**
     * The messages to one side of a conversation ({@code %1$s}: "a" or "b"; its company bound three times) that it
     * has not read, from the other side ({@code %2$s}) if it neither muted nor blocked that company.
     */
    private static final String UNREAD = """
            from conversation c join message m on m.conversation_id = c.id
            where c.company_%1$s = ? and m.id > c.last_read_%1$s and m.sender_company_id <> ?
              and not exists (select 1 from company_contact_block b where b.company_id = ?
                              and b.other_company_id = c.company_%2$s)
            """;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ContactBlocks blocks;
    private final LiveFeed liveFeed;
    private final Clock clock;

    MessagingService(JdbcTemplate jdbc, CurrentUser currentUser, ContactBlocks blocks, LiveFeed liveFeed,
            Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.blocks = blocks;
        this.liveFeed = liveFeed;
        this.clock = clock;
    }

    /** The person asking and the approved company they act for. */
    private record Actor(ForumUser user, long companyId) {
    }

    // ---------------------------------------------------------------- queries

    /** The conversations of the reader's company, latest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ConversationSummary> myConversations() {
        long me = actor().companyId();
        return jdbc.query("""
                select o.id, o.short_name, m.body, m.sent_at, m.sender_company_id = ? mine,
                       (select count(*) from message u where u.conversation_id = c.id and u.sender_company_id <> ?
                          and u.id > case when c.company_a = ? then c.last_read_a else c.last_read_b end) unread,
                       b.kind
                from conversation c
                join company o on o.id = case when c.company_a = ? then c.company_b else c.company_a end
                join message m on m.id = (select max(id) from message where conversation_id = c.id)
                left join company_contact_block b on b.company_id = ? and b.other_company_id = o.id
                where c.company_a = ? or c.company_b = ?
                order by m.id desc
                """, (rs, row) -> new ConversationSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(5), instant(rs.getTimestamp(4)), rs.getInt(6),
                rs.getString(7) == null ? ContactState.NONE : ContactState.valueOf(rs.getString(7))),
                me, me, me, me, me, me, me);
    }

    /** The conversation with another company (empty if none yet), as the reader's company sees it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Conversation conversationWith(long otherCompanyId) {
        Actor actor = actor();
        long me = actor.companyId();
        Long conversationId = conversationId(me, otherCompanyId);
        boolean otherApproved = approved(otherCompanyId);
        String otherName = partnerName(otherCompanyId, conversationId, otherApproved);
        List<ChatMessage> messages = conversationId == null ? List.of() : messages(conversationId, me);
        boolean reported = conversationId != null && jdbc.queryForObject(
                "select reported_at is not null from conversation where id = ?", Boolean.class, conversationId);
        return new Conversation(otherCompanyId, otherName, messages, blocks.state(me, otherCompanyId),
                blocks.blocked(otherCompanyId, me), reported, otherApproved);
    }

    /**
     * How many messages to the reader's company are unread, muted companies left out. In the caller's
     * transaction or in none: the menu's counter on every page ({@code FrameReads}, issue 17).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long unreadCount() {
        Long me = actingCompany(currentUser.require());
        if (me == null) {
            return 0;
        }
        return jdbc.queryForObject("select (select count(*) " + UNREAD.formatted("a", "b") + ") + (select count(*) "
                + UNREAD.formatted("b", "a") + ")", Long.class, me, me, me, me, me, me);
    }

    /**
     * The company whose unread message to the reader's company is the newest, muted and blocked companies left out
     * (those {@link #unreadCount()} counts); empty if none. In the caller's transaction or in none: the note a live
     * update shows on every open page of the company ({@code FrameReads}).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<UnreadSender> latestUnreadSender() {
        Long me = actingCompany(currentUser.require());
        if (me == null) {
            return Optional.empty();
        }
        return jdbc.query("select o.id, o.short_name from (select c.company_b other, m.id message_id "
                + UNREAD.formatted("a", "b") + " union all select c.company_a, m.id " + UNREAD.formatted("b", "a")
                + ") u join company o on o.id = u.other order by u.message_id desc limit 1",
                (rs, row) -> new UnreadSender(rs.getLong(1), rs.getString(2)), me, me, me, me, me, me)
                .stream().findFirst();
    }

    /** A company that wrote to the reader's company: its id and short name. */
    public record UnreadSender(long companyId, String shortName) {
    }

    /** Marks the conversation with another company read, for the whole reader's company. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markRead(long otherCompanyId) {
        long me = actor().companyId();
        Long conversationId = conversationId(me, otherCompanyId);
        if (conversationId == null) {
            return;
        }
        String side = me < otherCompanyId ? "a" : "b";
        // only a conversation with something new to read is written: the company's pages are told then (their menus
        // read the count on a live update, not at each page, issue 17), and a page that reads the conversation again
        // on that update finds nothing more to mark, so the updates end there
        int read = jdbc.update("update conversation set last_read_" + side + " = (select coalesce(max(id), 0) from message"
                + " where conversation_id = ?) where id = ? and last_read_" + side
                + " < (select coalesce(max(id), 0) from message where conversation_id = ?)",
                conversationId, conversationId, conversationId);
        if (read > 0) {
            liveFeed.companiesChanged(List.of(me), LiveChange.Kind.MESSAGE);
        }
    }

    // ---------------------------------------------------------------- commands

    /**
     * Sends a message to another approved company in the name of the reader's company, with the
     * writer's name.
     *
     * @throws MessageRefusedException empty, too long, control characters, a company that is not
     *         approved or blocks the sender (or that the sender blocks), or more than {@link #PER_MINUTE} a minute
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ChatMessage send(long otherCompanyId, String text) {
        Actor actor = actor();
        long me = actor.companyId();
        String body = MessageText.normalized(text);
        if (otherCompanyId == me) {
            throw new MessageRefusedException("messages.error.self");
        }
        if (!approved(otherCompanyId)) {
            throw new MessageRefusedException("messages.error.company-unavailable");
        }
        if (blocks.blocked(otherCompanyId, me)) {
            throw new MessageRefusedException("messages.error.blocked");
        }
        if (blocks.blocked(me, otherCompanyId)) {
            throw new MessageRefusedException("messages.error.you-blocked");
        }
        Instant now = clock.instant();
        // the log-in's row serialises its sends, so that two tabs cannot both pass the limit
        jdbc.queryForList("select id from app_user where id = ? for update", Long.class, actor.user().id());
        Integer lastMinute = jdbc.queryForObject("select count(*) from message where sender_user_id = ? and sent_at > ?",
                Integer.class, actor.user().id(), utc(now.minus(Duration.ofMinutes(1))));
        if (lastMinute >= PER_MINUTE) {
            throw new MessageRefusedException("messages.error.flood", PER_MINUTE);
        }
        long conversationId = openConversation(me, otherCompanyId, now);
        jdbc.update("insert into message (conversation_id, sender_company_id, sender_user_id, sender_name, body, sent_at)"
                + " values (?, ?, ?, ?, ?, ?)", conversationId, me, actor.user().id(), actor.user().displayName(),
                body, utc(now));
        long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        // the writer has read their own conversation up to here
        String side = me < otherCompanyId ? "a" : "b";
        jdbc.update("update conversation set last_read_" + side + " = ? where id = ?", id, conversationId);
        liveFeed.companiesChanged(List.of(me, otherCompanyId), LiveChange.Kind.MESSAGE);
        return new ChatMessage(id, me, companyName(me), actor.user().displayName(), body, now, true);
    }

    /** Mutes, blocks or clears the reader's company's choice about another company. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setContactState(long otherCompanyId, ContactState state) {
        long me = actor().companyId();
        if (otherCompanyId == me) {
            throw new MessageRefusedException("messages.error.self");
        }
        partnerName(otherCompanyId, conversationId(me, otherCompanyId), approved(otherCompanyId));
        boolean wasBlocked = jdbc.queryForList("select kind from company_contact_block where company_id = ?"
                + " and other_company_id = ?", String.class, me, otherCompanyId).contains(ContactState.BLOCK.name());
        jdbc.update("delete from company_contact_block where company_id = ? and other_company_id = ?", me,
                otherCompanyId);
        if (state != ContactState.NONE) {
            jdbc.update("insert into company_contact_block (company_id, other_company_id, kind, created_at)"
                    + " values (?, ?, ?, ?)", me, otherCompanyId, state.name(), utc(clock.instant()));
        }
        // a block, or its end, closes or opens the other company's composer on its open page at once (it kept
        // offering "Send" until its next visit, ux47); muting is the reader's own affair and tells nobody else
        boolean blockChanged = wasBlocked != (state == ContactState.BLOCK);
        liveFeed.companiesChanged(blockChanged ? List.of(me, otherCompanyId) : List.of(me), LiveChange.Kind.MESSAGE);
    }

    /** Reports the conversation with another company to the organizers, who may then read it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(long otherCompanyId, String reason) {
        long me = actor().companyId();
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new MessageRefusedException("messages.error.report-reason");
        }
        if (text.length() > 500) {
            throw new MessageRefusedException("messages.error.report-too-long");
        }
        Long conversationId = conversationId(me, otherCompanyId);
        if (conversationId == null) {
            throw new MessageRefusedException("messages.error.nothing-to-report");
        }
        jdbc.update("update conversation set reported_by = ?, reported_at = ?, report_reason = ? where id = ?", me,
                utc(clock.instant()), text, conversationId);
    }

    // ---------------------------------------------------------------- organizers

    /** Conversations reported by a company, latest first (organizers only). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<ReportedConversation> reportedConversations() {
        return jdbc.query("""
                select c.id, a.short_name, b.short_name, r.short_name, c.report_reason, c.reported_at
                from conversation c join company a on a.id = c.company_a join company b on b.id = c.company_b
                join company r on r.id = c.reported_by
                where c.reported_at is not null order by c.reported_at desc
                """, (rs, row) -> new ReportedConversation(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))));
    }

    /** The messages of a reported conversation (organizers only; one that nobody reported stays closed). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<ChatMessage> reportedMessages(long conversationId) {
        List<Boolean> reported = jdbc.queryForList("select reported_at is not null from conversation where id = ?",
                Boolean.class, conversationId);
        if (reported.isEmpty() || !reported.getFirst()) {
            throw new AccessDeniedException("Only reported conversations are open to organizers");
        }
        return messages(conversationId, -1);
    }

    // ---------------------------------------------------------------- rules

    /**
     * The reader and the company they act for. Organizers and staff are denied; a company's people whose company is
     * not approved now (sent back to review by its renaming in another tab, or withdrawn while the page was open), or
     * a delegate their company removed after the request's session check, are refused in words, not an error page.
     */
    private Actor actor() {
        ForumUser user = currentUser.require();
        if (user.companyId() == null && user.delegateId() == null) {
            throw new AccessDeniedException("Only an approved company's people write messages");
        }
        Long companyId = actingCompany(user);
        if (companyId == null) {
            throw new MessageRefusedException("delegate.removed-meanwhile");
        }
        if (!approved(companyId)) {
            throw new MessageRefusedException("messages.error.own-company-unavailable");
        }
        return new Actor(user, companyId);
    }

    /** The company a representative or a delegate acts for; null for organizers and staff. */
    private Long actingCompany(ForumUser user) {
        if (user.companyId() != null) {
            return user.companyId();
        }
        if (user.delegateId() != null) {
            return jdbc.queryForList("select company_id from delegate where id = ?", Long.class, user.delegateId())
                    .stream().findFirst().orElse(null);
        }
        return null;
    }

    private boolean approved(long companyId) {
        return jdbc.queryForObject("select count(*) from company where id = ? and status = 'APPROVED'", Integer.class,
                companyId) > 0;
    }

    private String companyName(long companyId) {
        return jdbc.queryForList("select short_name from company where id = ?", String.class, companyId).stream()
                .findFirst().orElseThrow(() -> new MessageRefusedException("messages.error.company-unavailable"));
    }

    /**
     * The name of a company the reader's company writes with: any approved company, and one it has a conversation
     * with whatever its status now (the history stays readable). A company not approved that it never wrote with is
     * refused as unavailable, as a company that does not exist: its name is not the reader's to learn (it is in no
     * directory).
     */
    private String partnerName(long otherCompanyId, Long conversationId, boolean otherApproved) {
        if (conversationId == null && !otherApproved) {
            throw new MessageRefusedException("messages.error.company-unavailable");
        }
        return companyName(otherCompanyId);
    }

    private Long conversationId(long me, long other) {
        return jdbc.queryForList("select id from conversation where company_a = ? and company_b = ?", Long.class,
                Math.min(me, other), Math.max(me, other)).stream().findFirst().orElse(null);
    }

    private long openConversation(long me, long other, Instant now) {
        jdbc.update("insert into conversation (company_a, company_b, created_at) values (?, ?, ?)"
                + " on duplicate key update id = id", Math.min(me, other), Math.max(me, other), utc(now));
        return conversationId(me, other);
    }

    private List<ChatMessage> messages(long conversationId, long me) {
        List<ChatMessage> latestFirst = jdbc.query("""
                select m.id, m.sender_company_id, c.short_name, m.sender_name, m.body, m.sent_at
                from message m join company c on c.id = m.sender_company_id
                where m.conversation_id = ? order by m.id desc limit ?
                """, (rs, row) -> new ChatMessage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), instant(rs.getTimestamp(6)), rs.getLong(2) == me), conversationId, HISTORY);
        return latestFirst.reversed();
    }

    /** UTC wall time, as Hibernate stores instants (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
