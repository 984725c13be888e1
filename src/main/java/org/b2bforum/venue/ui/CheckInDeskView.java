package org.b2bforum.venue.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.Cities;
import org.b2bforum.venue.BadgeHolder;
import org.b2bforum.venue.CheckInResult;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.VenueRefusedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The check-in desk: a delegate without a badge (left at the hotel, a phone gone flat, a code that
 * will not scan) is found by name or company and checked in with one button, as a badge's scan
 * would; the desk sees how many have arrived. A badge's QR code still opens {@link CheckInView}.
 */
@Route("check-in")
@Menu(title = "menu.check-in-desk", icon = "USER_CHECK", order = 11.9)
@RolesAllowed({Role.ORGANIZER_NAME, Role.STAFF_NAME})
class CheckInDeskView extends VerticalLayout implements HasDynamicTitle {

    /** People listed at most: a desk types a few more letters rather than scroll. */
    static final int SHOWN = 20;

    final TextField search = new TextField();
    final Paragraph count = new Paragraph();
    final Div results = new Div();

    private final CheckInService checkIns;
    private final VenueTimes times;

    CheckInDeskView(CheckInService checkIns, ForumTime forumTime, Clock clock) {
        this.checkIns = checkIns;
        this.times = new VenueTimes(forumTime, clock, getLocale());
        addClassName("page");
        addClassName("check-in-desk");

        count.setId("desk-count");
        count.addClassName("grid-summary");
        search.setId("desk-search");
        search.setLabel(getTranslation("check-in-desk.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 30em)");
        search.setAutofocus(true);
        search.addValueChangeListener(e -> show());
        results.setId("desk-results");
        results.addClassName("venue-tables");
        add(new H1(getTranslation("check-in-desk.title")),
                new Paragraph(getTranslation("check-in-desk.intro")), search, count, results);
        show();
    }

    void show() {
        CheckInService.CheckInCount arrived = checkIns.count();
        count.setText(getTranslation("check-in-desk.count", arrived.checkedIn(), arrived.total()));
        results.removeAll();
        String text = search.getValue().trim();
        if (text.replaceAll("\\s", "").length() < CheckInService.MIN_SEARCH) {
            results.add(hint(getTranslation("check-in-desk.type-more"), "desk-hint"));
            return;
        }
        List<BadgeHolder> found = checkIns.search(text, SHOWN + 1);
        if (found.isEmpty()) {
            results.add(hint(getTranslation("check-in-desk.none", text), "desk-none"));
            return;
        }
        found.stream().limit(SHOWN).forEach(holder -> results.add(row(holder)));
        if (found.size() > SHOWN) {
            results.add(hint(getTranslation("check-in-desk.more", SHOWN), "desk-more"));
        }
    }

    private Div row(BadgeHolder holder) {
        Div row = new Div();
        row.setId("desk-delegate-" + holder.delegateId());
        row.addClassNames("venue-row", "desk-row");
        Div body = new Div();
        body.addClassName("venue-body");
        Div name = new Div(new Span(holder.fullName()));
        name.addClassName("venue-pair");
        Paragraph company = new Paragraph(holder.companyName() + " · "
                + Cities.inLanguage(holder.city(), this::getTranslation)
                + (holder.position().isBlank() ? "" : " · " + holder.position()));
        company.addClassName("agenda-small");
        body.add(name, company);
        if (holder.checkedIn()) {
            row.addClassName("venue-held");
            Paragraph arrived = new Paragraph(getTranslation("check-in-desk.arrived",
                    times.moment(holder.checkIn().at()), holder.checkIn().byName()));
            arrived.addClassName("venue-mark");
            arrived.setId("desk-arrived-" + holder.delegateId());
            body.add(arrived);
            row.add(body);
            if (checkIns.mayUndo(holder.checkIn())) {
                // a tap on the wrong name in the list ("Козел" for "Козлов") is taken back at once, not by an organizer
                Button undo = new Button(getTranslation("check-in-desk.undo"), VaadinIcon.ARROW_BACKWARD.create(),
                        e -> againAfterFailure(e.getSource(), () -> undo(holder)));
                undo.setId("desk-undo-" + holder.delegateId());
                undo.addThemeVariants(ButtonVariant.TERTIARY);
                undo.setDisableOnClick(true);
                undo.setAriaLabel(getTranslation("check-in-desk.undo") + ": " + holder.fullName());
                Div actions = new Div(undo);
                actions.addClassName("venue-actions");
                row.add(actions);
            }
        } else {
            Button confirm = new Button(getTranslation("check-in.confirm"), VaadinIcon.CHECK.create(),
                    e -> againAfterFailure(e.getSource(), () -> checkIn(holder)));
            confirm.setId("desk-check-in-" + holder.delegateId());
            confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
            confirm.setDisableOnClick(true);
            // the name on the button, for a screen reader going from button to button
            confirm.setAriaLabel(getTranslation("check-in.confirm") + ": " + holder.fullName());
            Div actions = new Div(confirm);
            actions.addClassName("venue-actions");
            row.add(body, actions);
        }
        return row;
    }

    /**
     * Runs a row's click; one that fails (the database away for a moment: the error handler's notice says so) leaves
     * its button usable for the next tap. Before, the button stayed disabled until the name was searched again.
     */
    private static void againAfterFailure(Button button, Runnable click) {
        try {
            click.run();
        } catch (RuntimeException e) {
            button.setEnabled(true);
            throw e;
        }
    }

    private void checkIn(BadgeHolder holder) {
        try {
            Optional<CheckInResult> result = checkIns.checkIn(holder.delegateId());
            result.ifPresentOrElse(done -> {
                if (done.firstTime()) {
                    Notices.success(getTranslation("check-in-desk.checked-in", done.holder().fullName(),
                            times.moment(done.holder().checkIn().at())));
                } else {
                    Notices.warning(done.holder().fullName() + ": " + getTranslation("check-in.already",
                            times.moment(done.holder().checkIn().at()), done.holder().checkIn().byName()));
                }
            }, () -> Notices.warning(getTranslation("check-in-desk.gone")));
        } catch (VenueRefusedException e) {
            Notices.error(holder.fullName() + ": " + getTranslation(e.key()));
        }
        show();
    }

    private void undo(BadgeHolder holder) {
        try {
            checkIns.undoCheckIn(holder.delegateId());
            Notices.done(getTranslation("check-in-desk.undone", holder.fullName()));
        } catch (VenueRefusedException e) {
            Notices.error(holder.fullName() + ": " + getTranslation(e.key()));
        }
        show();
    }

    private static Paragraph hint(String text, String id) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        paragraph.addClassName("empty-hint");
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("check-in-desk.title") + " · " + getTranslation("app.short-title");
    }
}
