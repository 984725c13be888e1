package org.b2bforum.meeting.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.ui.MessageLink;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.Cancellation;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingAttendees;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.MeetingStatus;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.venue.MeetingResult;
import org.b2bforum.venue.OutcomeService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The company's meetings: requests waiting for its answer, its own requests, confirmed meetings
 * and, folded away, those declined or cancelled.
 */
@Route("meetings")
@Menu(title = "menu.meetings", icon = "HANDSHAKE", order = 6)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class MeetingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int MAX_TEXT = 1000;
    /** Refusals of an acceptance that mean the asked time is gone, not the request. */
    private static final Set<String> TIME_GONE = Set.of("meeting.error.slot-taken", "meeting.error.no-table");

    final Div incoming = section("meetings-incoming");
    final Div outgoing = section("meetings-outgoing");
    final Div confirmed = section("meetings-confirmed");
    final Div closed = section("meetings-closed");
    final H2 incomingHeading = heading("meetings.incoming");
    final H2 outgoingHeading = heading("meetings.outgoing");
    final H2 confirmedHeading = heading("meetings.confirmed");
    final Details closedDetails = new Details();

    private final MeetingQueries meetings;
    private final MeetingRequests requests;
    private final MeetingAttendees attendees;
    private final OutcomeService outcomes;
    private final ForumDates dates;
    private final Clock clock;
    private final LiveUpdates live;
    private final ForumUser user;
    private final long me;
    private Registration liveRegistration;
    private Map<Long, MeetingResult> results = Map.of();
    /** Requests to this company whose time was taken meanwhile: they offer another time instead of "Accept". */
    private Set<Long> takenMeanwhile = Set.of();
    /** Confirmed meetings ahead that none of this company's delegates attends (booked instantly by the other side). */
    private Set<Long> withoutAttendees = Set.of();
    private Map<Long, Cancellation> cancellations = Map.of();

    MeetingsView(MeetingQueries meetings, MeetingRequests requests, MeetingAttendees attendees, OutcomeService outcomes,
            CurrentUser currentUser, ForumTime forumTime, Clock clock, LiveUpdates live) {
        this.attendees = attendees;
        this.live = live;
        this.user = currentUser.require();
        this.meetings = meetings;
        this.requests = requests;
        this.outcomes = outcomes;
        this.clock = clock;
        this.dates = new ForumDates(forumTime, getLocale());
        this.me = currentUser.requireCompanyId();
        addClassName("page");
        addClassName("meetings-view");
        closedDetails.setSummaryText(getTranslation("meetings.closed"));
        closedDetails.add(closed);
        closedDetails.setOpened(false);
        closedDetails.setId("meetings-closed-details");
        add(new H1(getTranslation("menu.meetings")),
                incomingHeading, incoming,
                outgoingHeading, outgoing,
                confirmedHeading, confirmed,
                closedDetails);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
        if (event.getLocation().getQueryParameters().getSingleParameter("to").filter("attendees"::equals)
                .isPresent()) {
            // the notifications' "Choose who attends" (meetings?to=attendees): the requests to answer came first, so
            // the link seemed to lead to them; the page goes to the first meeting nobody of ours attends yet
            confirmed.getChildren().filter(row -> row.getId().filter(id -> withoutAttendees.stream()
                    .anyMatch(m -> id.equals("meeting-" + m))).isPresent()).findFirst()
                    .orElse(confirmedHeading).scrollIntoView();
        }
    }

    /** A request, an answer, a cancellation or a move by the other side or the organizers shows at once. */
    @Override
    protected void onAttach(AttachEvent event) {
        liveRegistration = live.subscribe(event.getUI(), user, change -> {
            // this page's own answer (madeHere) has refreshed the lists already
            if (change.kind() == LiveChange.Kind.NOTIFICATION && !change.madeHere()) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        liveRegistration.remove();
    }

    private void refresh() {
        List<MeetingDetails> all = meetings.myMeetings();
        results = outcomes.myResults();
        takenMeanwhile = meetings.myRequestsTakenMeanwhile();
        withoutAttendees = attendees.myMeetingsWithoutAttendees();
        cancellations = meetings.myCancellations();
        // each heading with its count: a busy company's twenty requests to answer fill several phone screens above
        // its own requests and confirmed meetings (ux52)
        fill(incoming, incomingHeading, "meetings.incoming", all, m -> m.awaitsAnswerFrom(me),
                "meetings.incoming.empty");
        fill(outgoing, outgoingHeading, "meetings.outgoing", all,
                m -> m.awaitsAnswer() && m.requesterId() == me, "meetings.outgoing.empty");
        fill(confirmed, confirmedHeading, "meetings.confirmed", all, m -> m.status() == MeetingStatus.CONFIRMED,
                "meetings.confirmed.empty");
        // a request whose time came unanswered waits for nothing any more: it ended, as a declined one did
        Predicate<MeetingDetails> ended = m -> m.status() == MeetingStatus.DECLINED
                || m.status() == MeetingStatus.CANCELLED || m.unanswered();
        fill(closed, all, ended, "meetings.closed.empty");
        long closedCount = all.stream().filter(ended).count();
        closedDetails.setSummaryText(getTranslation("meetings.closed") + " (" + closedCount + ")");
    }

    private void fill(Div list, H2 heading, String headingKey, List<MeetingDetails> all,
            Predicate<MeetingDetails> filter, String emptyKey) {
        fill(list, all, filter, emptyKey);
        long count = all.stream().filter(filter).count();
        heading.setText(count == 0 ? getTranslation(headingKey) : getTranslation(headingKey) + " (" + count + ")");
    }

    private void fill(Div list, List<MeetingDetails> all, Predicate<MeetingDetails> filter, String emptyKey) {
        list.removeAll();
        all.stream().filter(filter).forEach(m -> list.add(row(m)));
        if (list.getComponentCount() == 0) {
            Paragraph empty = new Paragraph(getTranslation(emptyKey));
            empty.addClassName("empty-hint");
            if (emptyKey.equals("meetings.outgoing.empty")) {
                // "find partners in the directory and among the suggested companies" named two pages and led to
                // neither: a new company's empty page now opens them (ux64)
                empty.addClassName("inline-links");
                empty.add(new Span(" "), new Anchor("partners", getTranslation("menu.partners")), new Span(" · "),
                        new Anchor("directory", getTranslation("menu.directory")));
            }
            list.add(empty);
        }
    }

    private Div row(MeetingDetails meeting) {
        Div row = new Div();
        row.addClassName("meeting-row");
        row.setId("meeting-" + meeting.id());

        Span when = new Span(dates.when(meeting.startsAt(), meeting.endsAt()));
        when.addClassName("meeting-when");
        Div top = new Div(when, MeetingStatusBadge.of(meeting));
        top.addClassName("meeting-top");

        Div counterpart = new Div(new CompanyLink(meeting.counterpartId(me), meeting.counterpartName(me)));
        counterpart.addClassName("meeting-counterpart");
        Span direction = new Span(getTranslation(meeting.requesterId() == me
                ? "meetings.requested-by-you" : "meetings.requested-by-them"));
        direction.addClassName("meeting-direction");
        counterpart.add(direction, new MessageLink(meeting.counterpartId(me)));

        row.add(top, counterpart, line("meetings.place", place(meeting)));
        // whose people are whose: one line mixing both companies' names read as if all were coming from one side
        if (!meeting.delegatesOf(me).isEmpty()) {
            row.add(line("meetings.delegates.yours", String.join(", ", meeting.delegatesOf(me))));
        }
        List<String> theirs = meeting.delegatesOf(meeting.counterpartId(me));
        if (!theirs.isEmpty()) {
            row.add(line("meetings.delegates.theirs", String.join(", ", theirs)));
        }
        if (meeting.message() != null) {
            row.add(quote("meetings.message", meeting.message()));
        }
        if (meeting.response() != null) {
            row.add(quote("meetings.response", meeting.response()));
        }
        if (meeting.status() == MeetingStatus.CANCELLED && cancellations.containsKey(meeting.id())) {
            row.add(new CancelledBy(meeting, me, cancellations.get(meeting.id())));
        }
        if (meeting.awaitsAnswerFrom(me) && takenMeanwhile.contains(meeting.id())) {
            Paragraph taken = new Paragraph(getTranslation("meetings.taken-meanwhile"));
            taken.setId("taken-" + meeting.id());
            taken.addClassName("form-error");
            row.add(taken);
        }
        if (withoutAttendees.contains(meeting.id())) {
            Paragraph nobody = new Paragraph(getTranslation("meetings.attendees.none"));
            nobody.setId("no-attendees-" + meeting.id());
            nobody.addClassName("form-error");
            row.add(nobody);
        }
        MeetingResult result = meeting.status() == MeetingStatus.CONFIRMED ? results.get(meeting.id()) : null;
        if (result != null) {
            result(row, meeting, result);
        }
        Div actions = actions(meeting);
        if (actions.getComponentCount() > 0) {
            row.add(actions);
        }
        return row;
    }

    /** After a meeting: this company's own outcome with a button to record or change it (the mark is its badge). */
    private void result(Div row, MeetingDetails meeting, MeetingResult result) {
        if (!result.canRecord()) {
            return;
        }
        if (result.outcome() != null) {
            String text = getTranslation(result.outcome().translationKey())
                    + (result.comment() == null ? "" : " — " + result.comment());
            Paragraph outcome = line("meetings.outcome", text);
            outcome.setId("outcome-of-" + meeting.id());
            row.add(outcome);
        }
        Button record = new Button(getTranslation(result.outcome() == null ? "meetings.outcome.record"
                : "meetings.outcome.change"), VaadinIcon.CLIPBOARD_TEXT.create(),
                e -> new OutcomeDialog(outcomes, result, meeting.counterpartName(me),
                        dates.when(meeting.startsAt(), meeting.endsAt()), this::refresh).open());
        record.setId("outcome-" + meeting.id());
        if (result.outcome() == null) {
            record.addThemeVariants(ButtonVariant.PRIMARY);
        }
        Div actions = new Div(record);
        actions.addClassName("meeting-actions");
        row.add(actions);
    }

    private String place(MeetingDetails meeting) {
        return meeting.place().describe(getLocale(), this::getTranslation);
    }

    private Div actions(MeetingDetails meeting) {
        Div actions = new Div();
        actions.addClassName("meeting-actions");
        // the service refuses answers and cancellations once the meeting has begun
        boolean begun = !meeting.startsAt().isAfter(Instant.now(clock));
        if (begun) {
            return actions;
        }
        if (meeting.awaitsAnswerFrom(me)) {
            Button accept;
            if (takenMeanwhile.contains(meeting.id())) {
                accept = new Button(getTranslation("meetings.other-time"), VaadinIcon.CLOCK.create(),
                        e -> otherTime(meeting, null));
                accept.setId("other-time-" + meeting.id());
                accept.addThemeVariants(ButtonVariant.PRIMARY);
            } else {
                accept = new Button(getTranslation("meetings.accept"), VaadinIcon.CHECK.create(),
                        e -> acceptDialog(meeting));
                accept.setId("accept-" + meeting.id());
                accept.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
            }
            Button decline = new Button(getTranslation("meetings.decline"), VaadinIcon.CLOSE.create(),
                    e -> textDialog(meeting, "decline", "meetings.reply",
                            text -> requests.decline(meeting.id(), text), "meetings.declined"));
            decline.setId("decline-" + meeting.id());
            actions.add(accept, decline);
        } else if (meeting.status() == MeetingStatus.REQUESTED) {
            Button withdraw = new Button(getTranslation("meetings.withdraw"), VaadinIcon.ARROW_BACKWARD.create(),
                    e -> textDialog(meeting, "withdraw", "meetings.reason",
                            text -> cancel(meeting.id(), text), "meetings.withdrawn"));
            withdraw.setId("withdraw-" + meeting.id());
            actions.add(withdraw);
        } else if (meeting.status() == MeetingStatus.CONFIRMED) {
            Button cancel = new Button(getTranslation("meetings.cancel"), VaadinIcon.BAN.create(),
                    e -> textDialog(meeting, "cancel", "meetings.reason",
                            text -> cancel(meeting.id(), text), "meetings.cancelled"));
            cancel.setId("cancel-" + meeting.id());
            cancel.addThemeVariants(ButtonVariant.ERROR);
            boolean nobody = withoutAttendees.contains(meeting.id());
            Button who = new Button(getTranslation(nobody ? "meetings.attendees.choose" : "meetings.attendees.change"),
                    VaadinIcon.USERS.create(), e -> new AttendeesDialog(attendees, meetings.myDelegates(), meeting, me,
                            whenAndWhere(meeting).getText(), this::refresh).open());
            who.setId("attendees-" + meeting.id());
            if (nobody) {
                who.addThemeVariants(ButtonVariant.PRIMARY);
            }
            actions.add(who, cancel);
        }
        return actions;
    }

    private void acceptDialog(MeetingDetails meeting) {
        Dialog dialog = new Dialog(getTranslation("meetings.accept.title", meeting.counterpartName(me)));
        dialog.setId("accept-dialog");
        Paragraph when = whenAndWhere(meeting);
        CheckboxGroup<DelegateChoice> who = new CheckboxGroup<>();
        who.setId("accept-delegates");
        DelegateField.setUp(who, meetings.myDelegates(), getTranslation("meetings.accept.delegates"),
                getTranslation("meeting.error.no-delegates"));
        TextArea reply = replyField("meetings.reply", "accept-reply");
        Div error = dialogError();
        Button confirm = new Button(getTranslation("meetings.accept"), e -> {
            if (who.getValue().isEmpty()) {
                who.setInvalid(true);
                return;
            }
            act(dialog, error, () -> {
                requests.accept(meeting.id(), who.getValue().stream().map(DelegateChoice::id).toList(),
                        reply.getValue());
                notifiedHere();
            }, () -> Notices.success(getTranslation("meetings.accepted")), refused -> {
                        if (!TIME_GONE.contains(refused.key())) {
                            return false;
                        }
                        // lost the time to another booking: offer another time or declining instead, with the
                        // delegates and the answer already chosen and written (they were lost with the dialog, ux52)
                        dialog.close();
                        otherTimeDialog(meeting, getTranslation(refused.key(), refused.args()))
                                .carryOver(who.getValue(), reply.getValue()).open();
                        return true;
                    });
        });
        confirm.setId("confirm-accept");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        open(dialog, confirm, when, who, reply, error);
    }

    private Paragraph whenAndWhere(MeetingDetails meeting) {
        return new Paragraph(dates.when(meeting.startsAt(), meeting.endsAt()) + " · " + place(meeting));
    }

    private void textDialog(MeetingDetails meeting, String id, String labelKey, Consumer<String> action, String doneKey) {
        Dialog dialog = new Dialog(getTranslation("meetings." + id + ".title"));
        dialog.setId(id + "-dialog");
        TextArea text = replyField(labelKey, id + "-text");
        Div error = dialogError();
        // declined, withdrawn, cancelled: done, and nothing to celebrate
        Button confirm = new Button(getTranslation("meetings." + id), e -> act(dialog, error,
                () -> action.accept(text.getValue()), () -> Notices.done(getTranslation(doneKey, meeting.counterpartName(me)))));
        confirm.setId("confirm-" + id);
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        if (!"decline".equals(id)) {
            confirm.addThemeVariants(ButtonVariant.ERROR);
        }
        open(dialog, confirm, new Paragraph(meeting.counterpartName(me) + " · " + whenAndWhere(meeting).getText()), text, error);
    }

    private void open(Dialog dialog, Button confirm, Component... content) {
        Button close = new Button(getTranslation("action.cancel"), e -> dialog.close());
        close.setId("close-dialog");
        VerticalLayout body = new VerticalLayout(content);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(close, confirm);
        dialog.setWidth("min(100vw, 34em)");
        dialog.open();
    }

    /** Runs an answer, then {@code notice}; a refusal stays in the dialog, in words, and the list is reloaded. */
    private void act(Dialog dialog, Div error, Runnable action, Runnable notice) {
        act(dialog, error, action, notice, refused -> false);
    }

    /** As {@link #act(Dialog, Div, Runnable, Runnable)}, unless {@code handled} takes the refusal. */
    private void act(Dialog dialog, Div error, Runnable action, Runnable notice,
            Predicate<BookingRefusedException> handled) {
        try {
            action.run();
            dialog.close();
            notice.run();
        } catch (BookingRefusedException e) {
            refresh();
            if (!handled.test(e)) {
                error.setText(getTranslation(e.key(), e.args()));
                error.setVisible(true);
            }
            return;
        }
        refresh();
    }

    private void cancel(long meetingId, String reason) {
        requests.cancel(meetingId, reason);
        notifiedHere();
    }

    /**
     * Accepting, withdrawing and cancelling notify this company too (its other log-ins should know): the frame counts
     * it now, and the feed's echo of it brings no note to this page about what the user just did
     * ({@link LiveUpdates#changedHere}).
     */
    private void notifiedHere() {
        live.changedHere(UI.getCurrent(), LiveChange.Kind.NOTIFICATION);
    }

    private void otherTime(MeetingDetails meeting, String reason) {
        otherTimeDialog(meeting, reason).open();
    }

    private OtherTimeDialog otherTimeDialog(MeetingDetails meeting, String reason) {
        return new OtherTimeDialog(meetings, requests, meeting, me, dates, reason, this::refresh);
    }

    private TextArea replyField(String labelKey, String id) {
        TextArea text = new TextArea(getTranslation(labelKey));
        text.setId(id);
        text.setMaxLength(MAX_TEXT);
        text.setWidthFull();
        text.setHelperText(getTranslation("meetings.optional"));
        return text;
    }

    private static Div dialogError() {
        Div error = new Div();
        error.setId("dialog-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    private Paragraph line(String labelKey, String text) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("line-label");
        Paragraph paragraph = new Paragraph(label, new Span(text));
        paragraph.addClassName("meeting-line");
        return paragraph;
    }

    private Paragraph quote(String labelKey, String text) {
        Paragraph paragraph = line(labelKey, text);
        paragraph.addClassName("meeting-quote");
        return paragraph;
    }

    private H2 heading(String key) {
        H2 heading = new H2(getTranslation(key));
        heading.addClassName("meetings-heading");
        return heading;
    }

    private static Div section(String id) {
        Div section = new Div();
        section.setId(id);
        section.addClassName("meeting-list");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.meetings") + " · " + getTranslation("app.short-title");
    }
}
