package org.b2bforum.meeting;

import java.time.Instant;

/**
 * The one rule of a request nobody answered in time: a request is answered before its slot begins (the service refuses
 * an answer after), so once its slot has begun ({@code now} the application's clock, which a rehearsal moves) a
 * request still REQUESTED is unanswered: no longer waiting for an answer, not counted against the meeting limit, and
 * counted as unanswered in the results. Nothing is written when the time comes: every page and count asks this rule,
 * in Java for a meeting read and in SQL for a count.
 */
public final class UnansweredRequests {

    private UnansweredRequests() {
    }

    /** Whether a meeting in {@code status} whose slot begins at {@code startsAt} is a request left unanswered at {@code now}. */
    public static boolean unanswered(MeetingStatus status, Instant startsAt, Instant now) {
        return status == MeetingStatus.REQUESTED && !startsAt.isAfter(now);
    }

    /**
     * SQL: a request still waiting for an answer at {@code now}, given the meeting's status column, its slot's start
     * and the time as SQL expressions.
     */
    public static String awaitingAnswerSql(String status, String startsAt, String now) {
        return "(%s = 'REQUESTED' and %s > %s)".formatted(status, startsAt, now);
    }

    /** SQL: as {@link #unanswered}, given the same three SQL expressions as {@link #awaitingAnswerSql}. */
    public static String unansweredSql(String status, String startsAt, String now) {
        return "(%s = 'REQUESTED' and %s <= %s)".formatted(status, startsAt, now);
    }

    /**
     * SQL from {@code from} on: the meetings {@code m} (their slots {@code s}) meeting {@code condition} and still
     * waiting for an answer at {@code now}.
     */
    static String awaitingAnswerWhere(String condition, String now) {
        return " from meeting m join slot s on s.id = m.slot_id where " + condition + " and "
                + awaitingAnswerSql("m.status", "s.starts_at", now);
    }

    /** SQL from {@code from} on: as {@link #awaitingAnswerWhere}, the requests left unanswered at {@code now}. */
    static String unansweredWhere(String condition, String now) {
        return " from meeting m join slot s on s.id = m.slot_id where " + condition + " and "
                + unansweredSql("m.status", "s.starts_at", now);
    }
}
