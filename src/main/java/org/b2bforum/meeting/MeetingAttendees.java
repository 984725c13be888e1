package org.b2bforum.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who of a company attends one of its confirmed meetings. With instant booking a request is confirmed at once, with the
 * requester's delegates only: the partner chose nobody, so none of its delegates heard of the meeting, saw it in their
 * schedule or on their badge, and nobody was expected at the table from its side (ux57). Its representatives, told of
 * the meeting as before, choose here who attends (the Meetings page asks them until they do); so may either company
 * of any confirmed meeting until it begins, as plans change. The delegates sent are told, as are those taken back;
 * the representatives are not told of their own choice.
 * <p>
 * The change runs as any booking step (its own transaction under the {@link SlotLedger}'s locks, in the same order:
 * the meeting, its slot, both companies), so a delegate sent is checked against the program items they signed up for
 * while no sign-up can slip in. A delegate cannot be in another meeting at that time: their company is in this one.
 */
@Service
public class MeetingAttendees {

    private final TransactionRetry retry;
    private final SlotLedger ledger;
    private final MeetingRows rows;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final MeetingDescriptions descriptions;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MeetingAttendees(TransactionRetry retry, SlotLedger ledger, MeetingRows rows, CurrentUser currentUser,
            NotificationService notifications, MeetingDescriptions descriptions, NamedParameterJdbcTemplate jdbc,
            Clock clock) {
        this.retry = retry;
        this.ledger = ledger;
        this.rows = rows;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.descriptions = descriptions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The logged-in company's confirmed meetings ahead that none of its delegates attends: who goes is to be chosen. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Set<Long> myMeetingsWithoutAttendees() {
        long me = currentUser.requireCompanyId();
        return new LinkedHashSet<>(jdbc.queryForList("""
                select m.id from meeting m join slot s on s.id = m.slot_id
                where (m.requester_company_id = :me or m.partner_company_id = :me) and m.status = 'CONFIRMED'
                  and s.starts_at > :now
                  and not exists (select 1 from meeting_delegate md where md.meeting_id = m.id and md.company_id = :me)
                order by s.starts_at, m.id""", new MapSqlParameterSource("me", me)
                        .addValue("now", Timestamp.from(clock.instant())), Long.class));
    }

    /** Who of the logged-in company attends the meeting (ids of its delegates); empty for another company's meeting. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Set<Long> myAttendees(long meetingId) {
        return attendees(meetingId, currentUser.requireCompanyId());
    }

    private Set<Long> attendees(long meetingId, long company) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                select md.delegate_id from meeting_delegate md join delegate d on d.id = md.delegate_id
                where md.meeting_id = :m and md.company_id = :c order by d.sort_order""",
                new MapSqlParameterSource("m", meetingId).addValue("c", company), Long.class));
    }

    /**
     * Sends {@code delegateIds}, delegates of the logged-in company, to its confirmed meeting in place of those who
     * attended from it: the new ones are told the meeting is in their day, those taken back that it is not.
     *
     * @throws BookingRefusedException {@code meeting.error.no-delegates} for nobody,
     *         {@code meeting.error.attendees-not-approved} while the logged-in company is not approved (sent back to
     *         review, or withdrawn: as for accepting a request, its pages are closed to it meanwhile),
     *         {@code meeting.error.not-active} unless the meeting is confirmed, {@code meeting.error.begun-attendees}
     *         once it has begun, {@code meeting.error.delegate-in-program} for a delegate at a program item then,
     *         {@code meeting.error.delegate-removed} for a delegate their company removed meanwhile (nothing changed)
     * @throws AccessDeniedException for another company's meeting or delegates
     */
    @PreAuthorize("hasRole('COMPANY')")
    public void choose(long meetingId, Collection<Long> delegateIds) {
        long me = currentUser.requireCompanyId();
        Set<Long> chosen = BookingRules.chosenDelegates(delegateIds);
        retry.run(() -> {
            MeetingRows.Row meeting = rows.lock(meetingId);
            if (!meeting.involves(me)) {
                throw new AccessDeniedException("Not your meeting");
            }
            SlotLedger.Locked locked = ledger.lockSlotAndCompanies(meeting.slotId(), meeting.requesterId(),
                    meeting.partnerId());
            SlotLedger.Slot slot = locked.slot();
            if (!locked.approved(me)) {
                // back in the organizers' review (its renaming in another tab) or withdrawn while the dialog was open:
                // read under the company's lock, as a booking reads it, so a decision that committed first is seen
                throw new BookingRefusedException("meeting.error.attendees-not-approved");
            }
            if (meeting.status() != MeetingStatus.CONFIRMED) {
                throw new BookingRefusedException("meeting.error.not-active");
            }
            if (!slot.startsAt().isAfter(clock.instant())) {
                throw new BookingRefusedException("meeting.error.begun-attendees");
            }
            requireOwnDelegates(me, chosen);
            Set<Long> before = attendees(meetingId, me);
            Set<Long> added = new LinkedHashSet<>(chosen);
            added.removeAll(before);
            Set<Long> removed = new LinkedHashSet<>(before);
            removed.removeAll(chosen);
            if (added.isEmpty() && removed.isEmpty()) {
                return null; // a double click
            }
            ledger.requireDelegatesFree(slot, added);
            ledger.replaceDelegates(slot, meetingId, removed, added);
            if (!removed.isEmpty()) {
                jdbc.update("delete from meeting_delegate where meeting_id = :m and delegate_id in (:removed)",
                        new MapSqlParameterSource("m", meetingId).addValue("removed", removed));
            }
            if (!added.isEmpty()) {
                jdbc.getJdbcOperations().update(MeetingRows.delegateRows(meetingId, me, added));
            }
            String line = descriptions.describe(meetingId);
            notifications.notifyDelegates(me, added, NotificationView.ATTENDEE_ADDED, line);
            notifications.notifyDelegates(me, removed, "notification.meeting.ATTENDEE_REMOVED", line);
            return null;
        });
    }

    /**
     * Refuses another company's delegate (a request no page of ours makes) and, in words, one that is gone: their
     * company removed them while the dialog was open. A removal holds the company's row, which this step locks before
     * it reads the delegates, so one that began first has committed by now and is seen (ux57's count said "not
     * yours" for it, an error page, review55).
     */
    private void requireOwnDelegates(long company, Set<Long> delegates) {
        List<Long> companies = jdbc.queryForList("select company_id from delegate where id in (:d)",
                new MapSqlParameterSource("d", delegates), Long.class);
        if (companies.stream().anyMatch(c -> c != company)) {
            throw new AccessDeniedException("Not your delegates");
        }
        if (companies.size() < delegates.size()) {
            throw new BookingRefusedException("meeting.error.delegate-removed");
        }
    }
}
