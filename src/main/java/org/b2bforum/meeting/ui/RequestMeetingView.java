package org.b2bforum.meeting.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.company.CompanyNotFoundException;
import org.b2bforum.company.CompanyProfile;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.DelegateChoice;
import org.b2bforum.meeting.MeetingLimit;
import org.b2bforum.meeting.MeetingOutcome;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.RequestResult;
import org.b2bforum.meeting.SlotOption;
import org.b2bforum.meeting.StandPlace;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A company asks another for a meeting ({@code meetings/new?with=<companyId>}): who attends, when
 * (only slots in which both companies and the chosen delegates are free), and a message. After "Send"
 * the company stays on the form: the outcome (sent, confirmed, or refused with the reason) shows
 * above the button with a link to the meetings and one back to the directory's results the company came from, and the
 * time just asked for is marked and disabled.
 * Moving to the meetings page after each request re-read all of them: at the booking window's rush
 * that page was most of a click's cost (bench/README.md, issue 17).
 */
@Route("meetings/new")
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class RequestMeetingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int MAX_MESSAGE = 1000;

    final CheckboxGroup<DelegateChoice> delegates = new CheckboxGroup<>();
    final Select<SlotOption> slot = new Select<>();
    /** The day whose free times the time's list shows (empty: all days), when they span several ({@link SlotDays}). */
    final Select<LocalDate> day = new Select<>();
    private final SlotDays days;
    /** At a negotiation table (null) or at one of the two companies' fair stands; shown when one has a stand. */
    final RadioButtonGroup<Optional<StandPlace>> place = new RadioButtonGroup<>();
    final TextArea message = new TextArea();
    final Button request = new Button();
    final Paragraph noSlots = new Paragraph();
    /** How the request goes on (asked or confirmed at once, at a table or a stand). */
    private final Paragraph how = new Paragraph();
    /** Why the company may not ask now (booking closed, its limit reached), said when the form opens. */
    final Div error = new Div();
    /** What came of the last "Send": sent or confirmed (with a link to the meetings), or refused with the reason. */
    final Div outcome = new Div();

    private final MeetingQueries meetings;
    private final MeetingRequests requests;
    private final DirectoryService directory;
    private final BookingWindow bookingWindow;
    private final ForumDates dates;
    private final ForumTime forumTime;
    private final Clock clock;
    private final LiveUpdates live;
    private long partnerId;
    private String partnerName = "";
    /** The company asked, and the booking window as the page shows it: read again when the organizers change it. */
    private CompanyProfile partner;
    private BookingSettings settings;
    private Optional<BookingSettings.Closed> shownClosed = Optional.empty();
    private boolean listening;
    private boolean building;
    /** The company may not ask now (wishes phase, booking closed, its limit reached): said when the form opens. */
    private boolean refused;
    private static final String NO_TABLE = "meeting.error.no-table";

    /** The times asked for from this form: true once confirmed (instant booking), false while requested. */
    private final Map<Long, Boolean> asked = new HashMap<>();
    /** Times still listed but taken by others since the list was loaded (found out by a refused "Send"). */
    private final Set<Long> taken = new HashSet<>();
    private final BookingTimer timer;

    RequestMeetingView(MeetingQueries meetings, MeetingRequests requests, DirectoryService directory,
            BookingWindow bookingWindow, ForumTime forumTime, Clock clock, LiveUpdates live) {
        this.meetings = meetings;
        this.live = live;
        this.requests = requests;
        this.directory = directory;
        this.bookingWindow = bookingWindow;
        this.clock = clock;
        this.timer = new BookingTimer(getElement(), clock);
        this.forumTime = forumTime;
        this.dates = new ForumDates(forumTime, getLocale());
        this.days = new SlotDays(day, slot, dates);
        addClassName("page");
        addClassName("request-meeting");
        // booking opened or closed by the organizers while the form is open: the page as a reload would show it
        live.whileAttachedForEveryone(this, change -> {
            if (change.kind() == LiveChange.Kind.BOOKING_WINDOW) {
                lookAgain(false);
            }
        });
    }

    /**
     * The booking window read again (the organizers changed it, or the browser's timer says it opens or closes now):
     * when the page would show otherwise, it is built again as a reload would show it, what was typed kept. A company
     * waiting on the form was told to reload it at the opening (ux89).
     */
    private void lookAgain(boolean timeUp) {
        if (partner == null || partner.own()) {
            return;
        }
        BookingSettings now = bookingWindow.settings();
        if (!now.equals(settings) || !now.closedAt(clock.instant()).equals(shownClosed)) {
            removeAll();
            show(partner, now);
        } else if (timeUp) {
            watchTheClock(); // a timer set a day ahead, the opening further
        }
    }

    /** The browser's timer: the time the page waited for has come ({@link #watchTheClock}); ignored before it. */
    @ClientCallable
    void timeUp() {
        if (timer.due()) {
            lookAgain(true);
        }
    }

    /** The browser calls {@link #timeUp} when booking opens or closes ({@link BookingTimer}). */
    private void watchTheClock() {
        timer.arm(shownClosed.isEmpty() ? settings.closesAt()
                : shownClosed.get() == BookingSettings.Closed.NOT_YET_OPEN ? settings.opensAt() : null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CompanyProfile> partner = event.getLocation().getQueryParameters().getSingleParameter("with")
                .flatMap(CompanyLink::parseId).flatMap(this::profile);
        atStandAsked = event.getLocation().getQueryParameters().getSingleParameter("at")
                .filter("stand"::equals).isPresent();
        if (partner.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("profile.not-found"));
            missing.setId("request-partner-not-found");
            add(new H1(getTranslation("profile.not-found.title")), missing);
            return;
        }
        show(partner.get(), bookingWindow.settings());
    }

    private boolean atStandAsked;

    private void show(CompanyProfile partner, BookingSettings window) {
        this.partner = partner;
        partnerId = partner.id();
        partnerName = partner.shortName();
        H1 heading = new H1(getTranslation("request-meeting.title"));
        CompanyLink name = new CompanyLink(partner.id(), partner.shortName());
        name.setId("request-partner");
        Paragraph with = new Paragraph(getTranslation("request-meeting.with") + " ");
        with.add(name);
        with.addClassName("request-partner-line");
        add(heading, with);
        if (partner.own()) {
            Paragraph self = new Paragraph(getTranslation("meeting.error.self"));
            self.setId("request-self");
            self.addClassName("form-error");
            add(self);
            return;
        }

        settings = window; // read once per build: lookAgain has just read it
        how.setId("request-hint");
        how.addClassName("hint");
        how.setVisible(true);
        add(how);

        building = true; // the fields set up again fire their listeners: the free times read once, below (mend53d)
        List<DelegateChoice> mine = meetings.myDelegates();
        Set<DelegateChoice> chosenBefore = delegates.getValue();
        delegates.setId("request-delegates");
        DelegateField.setUp(delegates, mine, getTranslation("request-meeting.delegates"),
                getTranslation("meeting.error.no-delegates"));
        if (!chosenBefore.isEmpty() && mine.containsAll(chosenBefore)) {
            delegates.setValue(chosenBefore); // the form built again: booking opened while it was open
        }

        List<StandPlace> stands = meetings.standsWith(partner.id());
        place.setId("request-place");
        place.setLabel(getTranslation("request-meeting.place"));
        List<Optional<StandPlace>> places = new ArrayList<>();
        places.add(Optional.empty());
        stands.forEach(stand -> places.add(Optional.of(stand)));
        place.setItems(places);
        place.setItemLabelGenerator(p -> p.map(stand -> getTranslation("request-meeting.place.stand", stand.number(),
                stand.companyName())).orElse(getTranslation("request-meeting.place.table")));
        place.setValue(atStandAsked && !stands.isEmpty() ? places.get(1) : places.getFirst());
        place.setVisible(!stands.isEmpty());
        building = false;
        how.setText(hint());

        slot.setId("request-slot");
        slot.setLabel(slotLabel());
        slot.setPlaceholder(getTranslation("request-meeting.slot.placeholder"));
        slot.setItemLabelGenerator(this::label);
        slot.setItemEnabledProvider(option -> !asked.containsKey(option.slotId()) && !taken.contains(option.slotId()));
        slot.setErrorMessage(getTranslation("request-meeting.slot.required"));
        slot.setWidth("min(100%, 28em)");
        noSlots.setId("request-no-slots");
        noSlots.addClassName("hint");
        noSlots.setText(getTranslation("request-meeting.no-slots"));

        message.setId("request-message");
        message.setLabel(getTranslation("request-meeting.message"));
        message.setHelperText(getTranslation("request-meeting.message.helper"));
        message.setMaxLength(MAX_MESSAGE);
        message.setWidth("min(100%, 40em)");

        request.setText(getTranslation("request-meeting.submit"));
        request.setIcon(VaadinIcon.HANDSHAKE.create());
        request.setId("request-submit");
        request.addThemeVariants(ButtonVariant.PRIMARY);
        // a double click sends once: the browser disables the button at the first click, the server keeps it
        // disabled after a request until another time is chosen, and ignores clicks on a disabled button
        request.setDisableOnClick(true);
        listen();

        error.setId("request-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        outcome.setId("request-outcome");
        outcome.addClassName("request-outcome");
        outcome.setVisible(false);

        // the clock read once: three reads could disagree at the instant booking opens ("limit reached" wrongly)
        Optional<BookingSettings.Closed> closed = settings.closedAt(clock.instant());
        shownClosed = closed;
        watchTheClock();
        MeetingLimit limit = meetings.myMeetingLimit();
        refused = closed.isPresent() || limit.reached();
        if (refused) { // said first, no form: during the fair it was said at the filled-in form's foot (stop 52)
            how.setVisible(false);
            request.setEnabled(false);
            error.setVisible(true);
            add(RequestRefusal.of(error, settings, closed.orElse(null), limit, forumTime, getLocale()));
            return;
        }
        add(delegates, place, day, slot, noSlots, message, error, outcome, request);
        refreshSlots();
    }

    /** The fields' listeners, once: the form is built again when booking opens or closes while it is open. */
    private void listen() {
        if (listening) {
            return;
        }
        listening = true;
        delegates.addValueChangeListener(e -> {
            delegates.setInvalid(e.getValue().isEmpty());
            refreshSlots();
        });
        place.addValueChangeListener(e -> {
            how.setText(hint());
            slot.setLabel(slotLabel());
            refreshSlots();
        });
        slot.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                slot.setInvalid(false);
                clearError();
                request.setEnabled(!refused);
            }
        });
        request.addClickListener(e -> submit());
    }

    /** Loads the slots free for both companies and the chosen delegates, keeping the choice if it is still free. */
    private void refreshSlots() {
        if (!building) {
            refreshSlots(freeSlots());
        }
    }

    /** Lists {@code options}, the slots just read as free, keeping the choice if it is among them. */
    private void refreshSlots(List<SlotOption> options) {
        Long chosen = slot.getValue() == null ? null : slot.getValue().slotId();
        taken.clear();
        slot.setItems(options);
        slot.setValue(options.stream().filter(o -> chosen != null && o.slotId() == chosen).findFirst().orElse(null));
        days.show(options);
        showSlotsAvailable(!options.isEmpty());
    }

    /**
     * After a refused "Send": the times taken since the list was loaded stay listed, marked and disabled, and only
     * those items are rendered again. Setting the fresh list re-created all of them (about a hundred elements) in
     * the answer, the largest part of a refused click's CPU at the booking window's rush (bench/README.md, issue 17).
     * A time that became free again is shown anew with the whole list.
     */
    private void markTakenSlots(List<SlotOption> free) {
        Set<Long> freeIds = free.stream().map(SlotOption::slotId).collect(Collectors.toSet());
        List<SlotOption> listed = slot.getListDataView().getItems().toList();
        Set<Long> listedIds = listed.stream().map(SlotOption::slotId).collect(Collectors.toSet());
        if (!listedIds.containsAll(freeIds) || taken.stream().anyMatch(freeIds::contains)) {
            refreshSlots(free);
            return;
        }
        if (slot.getValue() != null && !freeIds.contains(slot.getValue().slotId())) {
            slot.setValue(null);
        }
        for (SlotOption option : listed) {
            if (!freeIds.contains(option.slotId()) && !asked.containsKey(option.slotId())
                    && taken.add(option.slotId())) {
                slot.getListDataView().refreshItem(option);
            }
        }
        showSlotsAvailable(!free.isEmpty());
    }

    /** The free times read from the service (mend53d: once per build, checked by the tests). */
    int slotReads;

    private List<SlotOption> freeSlots() {
        slotReads++;
        List<Long> chosenDelegates = delegates.getValue().stream().map(DelegateChoice::id).toList();
        Optional<StandPlace> stand = stand();
        return stand.isPresent()
                ? meetings.freeStandSlotsWith(partnerId, stand.get().standId(), chosenDelegates)
                : meetings.freeSlotsWith(partnerId, chosenDelegates);
    }

    private void showSlotsAvailable(boolean any) {
        // set only when it changes: setting it tells every item (about a hundred) of its enabled state again, in
        // the answer to each refused "Send" at the booking window's rush (bench/README.md, issue 17)
        if (slot.isEnabled() != any) {
            slot.setEnabled(any);
        }
        noSlots.setVisible(!any);
        request.setEnabled(any && !refused);
    }

    private void submit() {
        if (delegates.getValue().isEmpty() || slot.getValue() == null) {
            delegates.setInvalid(delegates.getValue().isEmpty());
            slot.setInvalid(slot.getValue() == null);
            request.setEnabled(!refused);
            return;
        }
        SlotOption chosen = slot.getValue();
        List<Long> chosenDelegates = delegates.getValue().stream().map(DelegateChoice::id).toList();
        Optional<StandPlace> stand = stand();
        // a refusal comes back as a result: thrown, it went through the service's proxies (MeetingRequests.tryRequest)
        RequestResult answer = stand.isPresent()
                ? requests.tryRequestAtStand(partnerId, stand.get().standId(), chosen.slotId(), chosenDelegates,
                        message.getValue())
                : requests.tryRequest(partnerId, chosen.slotId(), chosenDelegates, message.getValue());
        Optional<SlotOption> otherHall = Optional.empty();
        // the free times as read after a "no table left" refusal, still current while nothing else was asked for
        List<SlotOption> freeNow = null;
        if (answer.refused() && stand.isEmpty() && NO_TABLE.equals(answer.refusal().key())) {
            freeNow = freeSlots();
            otherHall = sameTimeInAnotherHall(chosen, freeNow);
            if (otherHall.isPresent()) {
                answer = requests.tryRequest(partnerId, otherHall.get().slotId(), chosenDelegates, message.getValue());
            }
        }
        if (answer.refused()) {
            BookingRefusedException refusal = answer.refusal();
            showOutcome("refused", getTranslation(refusal.key(), refusal.args()), false);
            markTakenSlots(freeNow == null || otherHall.isPresent() ? freeSlots() : freeNow);
            return;
        }
        MeetingOutcome result = answer.outcome();
        asked.put(chosen.slotId(), result.confirmed());
        if (result.confirmed()) {
            // a confirmed meeting notified this company too: the page's frame counts it now, and the feed's
            // echo of it does not come back to this page (LiveUpdates.changedHere); the booking says how many it wrote
            // for this log-in, so the bell adds them without counting again
            live.changedHere(UI.getCurrent(), LiveChange.Kind.NOTIFICATION, result.notifiedMe());
        }
        // the same options, the one just asked for now marked and disabled: nothing is read again, and only
        // that item is rendered again (refreshing all of them re-created every slot's item, about a hundred
        // elements, in each answer to "Send": a tenth of the booking rush's CPU, bench/README.md, issue 17)
        slot.setValue(null);
        if (otherHall.isPresent()) {
            // asked for in another hall than the one listed: the list read again (that time is this company's now)
            refreshSlots();
        } else {
            slot.getListDataView().refreshItem(chosen);
        }
        showOutcome(result.confirmed() ? "confirmed" : "sent", getTranslation(result.confirmed()
                ? "request-meeting.confirmed" : "request-meeting.sent", partnerName), true);
        // enabled again when another time is chosen
        request.setEnabled(false);
    }

    /**
     * The company chose a time and the list showed it in one hall (the one with most tables left when the form was
     * read): when that hall's tables are gone meanwhile, the same time in another hall is asked for once, as the user
     * would after the refusal. At the booking window's opening every form listed the same hall, and most refusals were
     * "no table left" while the other halls stood empty (bench/README.md, issue 17, i17-rush17).
     */
    private Optional<SlotOption> sameTimeInAnotherHall(SlotOption chosen, List<SlotOption> free) {
        return free.stream()
                .filter(other -> other.slotId() != chosen.slotId() && other.startsAt().equals(chosen.startsAt())
                        && other.endsAt().equals(chosen.endsAt()))
                .findFirst();
    }

    private void showOutcome(String kind, String text, boolean success) {
        RequestOutcome.show(outcome, kind, text, success);
        error.setVisible(false);
    }

    private void clearError() {
        if (!refused) {
            error.setVisible(false);
        }
    }

    private Optional<StandPlace> stand() {
        return place.getValue() == null ? Optional.empty() : place.getValue();
    }

    /** How the request goes on; at a stand no table is assigned (it said so, from the fair's "Meet at the stand"). */
    private String hint() {
        if (settings.instantBooking()) {
            return getTranslation("request-meeting.hint.instant", partnerName);
        }
        return place.getValue() != null && place.getValue().isPresent()
                ? getTranslation("request-meeting.hint.request-at-stand", partnerName, place.getValue().get().number())
                : getTranslation("request-meeting.hint.request", partnerName);
    }

    /** "Time and hall" at a table; at a stand the times name no hall, and the field asks for a time (ux87). */
    private String slotLabel() {
        return getTranslation(stand().isPresent() ? "request-meeting.slot.at-stand" : "request-meeting.slot");
    }

    private String label(SlotOption option) {
        // at a stand the slot gives only the time: the place is the stand
        String label = dates.when(option.startsAt(), option.endsAt()) + (stand().isPresent() ? "" : " · " + option.hallName(getLocale()));
        if (taken.contains(option.slotId())) {
            return label + " · " + getTranslation("request-meeting.slot.taken");
        }
        Boolean confirmed = asked.get(option.slotId());
        return confirmed == null ? label : label + " · " + getTranslation(confirmed
                ? "request-meeting.slot.confirmed" : "request-meeting.slot.sent");
    }

    private Optional<CompanyProfile> profile(long id) {
        try {
            return Optional.of(directory.profile(id));
        } catch (CompanyNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("request-meeting.title") + (partnerName.isEmpty() ? "" : " · " + partnerName)
                + " · " + getTranslation("app.short-title");
    }
}
