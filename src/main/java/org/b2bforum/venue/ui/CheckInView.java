package org.b2bforum.venue.ui;

import java.time.Clock;
import java.util.Optional;

import org.b2bforum.company.Cities;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.fair.LeadService;
import org.b2bforum.venue.BadgeHolder;
import org.b2bforum.venue.CheckInResult;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.VenueRefusedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * What a badge's QR code opens: {@code /check-in/<token>}. Anyone may open it; who is not logged
 * in gets the log-in page and comes back here after it. The people of an exhibiting company are
 * sent on to the fair's lead scanner. An organizer or a staff member sees whose
 * badge it is and checks the person in with one button (a second scan says when and by whom it
 * was done). Anyone else reads the same neutral line whether the token exists or not.
 */
@Route("check-in/:token")
@PermitAll
class CheckInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Div content = new Div();
    final Button confirm = new Button();

    private final CheckInService checkIns;
    private final CurrentUser currentUser;
    private final VenueTimes times;
    private final LeadService leads;
    private String token = "";

    CheckInView(CheckInService checkIns, CurrentUser currentUser, ForumTime forumTime, Clock clock, LeadService leads) {
        this.checkIns = checkIns;
        this.leads = leads;
        this.currentUser = currentUser;
        this.times = new VenueTimes(forumTime, clock, getLocale());
        addClassName("page");
        addClassName("check-in-view");
        content.setId("check-in");
        content.addClassName("check-in-card");
        confirm.setText(getTranslation("check-in.confirm"));
        confirm.setIcon(VaadinIcon.CHECK.create());
        confirm.setId("check-in-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS, ButtonVariant.LARGE);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> checkIn());
        add(new H1(getTranslation("check-in.title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        if (!currentUser.require().isVenueStaff() && leads.canScan()) {
            // an exhibitor's phone scanning a visitor at the fair: the badge gives a lead, not a check-in
            event.forwardTo("fair/scan/" + token);
            return;
        }
        show();
    }

    private void show() {
        content.removeAll();
        ForumUser user = currentUser.require();
        if (!user.isVenueStaff()) {
            // nothing about the person, and nothing about whether the token exists
            nothing(false);
            return;
        }
        checkIns.find(token).ifPresentOrElse(holder -> {
            person(holder);
            if (holder.withdrawn()) {
                content.add(status("check-in.withdrawn", "check-in-withdrawn"));
            } else if (holder.checkedIn()) {
                already(holder);
            } else {
                Paragraph notYet = status("check-in.not-yet", "check-in-not-yet");
                confirm.setEnabled(true);
                content.add(notYet, confirm);
            }
        }, () -> nothing(true));
        backToVenue();
    }

    /**
     * Staff go on from every outcome, a fresh check-in included, back to the tables, or to the desk's
     * search by name (a badge printed again, a code that will not scan).
     */
    private void backToVenue() {
        Anchor desk = new Anchor("check-in", getTranslation("check-in.to-desk"));
        desk.setId("check-in-to-desk");
        Anchor venue = new Anchor("venue", getTranslation("check-in.to-venue"));
        venue.setId("check-in-to-venue");
        content.add(desk, venue);
    }

    private void checkIn() {
        Optional<CheckInResult> checkedIn;
        try {
            checkedIn = checkIns.checkIn(token);
        } catch (VenueRefusedException e) {
            content.removeAll();
            content.add(status(e.key(), "check-in-withdrawn"));
            backToVenue();
            return;
        } catch (RuntimeException e) {
            // the database away for a moment (the error handler's notice says so): the person and the button stay for
            // the next tap. Before, the card was emptied first and the staff member faced a blank page to scan again
            confirm.setEnabled(true);
            throw e;
        }
        content.removeAll();
        checkedIn.ifPresentOrElse((CheckInResult result) -> {
            person(result.holder());
            if (result.firstTime()) {
                Paragraph done = new Paragraph(getTranslation("check-in.done", times.moment(result.holder().checkIn().at())));
                done.setId("check-in-status");
                done.addClassNames("check-in-status", "check-in-done");
                content.add(done);
            } else {
                already(result.holder());
            }
        }, () -> nothing(true));
        backToVenue();
    }

    private void person(BadgeHolder holder) {
        H2 name = new H2(holder.fullName());
        name.setId("check-in-name");
        name.addClassName("check-in-name");
        Paragraph position = new Paragraph(holder.position());
        position.addClassName("check-in-position");
        Paragraph company = new Paragraph(holder.companyName() + " · "
                + Cities.inLanguage(holder.city(), this::getTranslation));
        company.setId("check-in-company");
        company.addClassName("check-in-company");
        content.add(name, position, company);
    }

    private void already(BadgeHolder holder) {
        Paragraph already = new Paragraph(getTranslation("check-in.already", times.moment(holder.checkIn().at()),
                holder.checkIn().byName()));
        already.setId("check-in-status");
        already.addClassNames("check-in-status", "check-in-already");
        content.add(already);
    }

    private void nothing(boolean staff) {
        Paragraph nothing = new Paragraph(getTranslation("check-in.nothing"));
        nothing.setId("check-in-nothing");
        nothing.addClassName("empty-hint");
        content.add(nothing);
        if (staff) {
            Paragraph hint = new Paragraph(getTranslation("check-in.unknown-badge"));
            hint.setId("check-in-unknown");
            hint.addClassName("check-in-hint");
            content.add(hint);
        }
    }

    private Paragraph status(String key, String id) {
        Paragraph paragraph = new Paragraph(getTranslation(key));
        paragraph.setId(id);
        paragraph.addClassName("check-in-status");
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("check-in.title") + " · " + getTranslation("app.short-title");
    }
}
