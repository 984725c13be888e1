package org.b2bforum.delegate.ui;

import java.util.Locale;

import org.b2bforum.badge.BadgeHolderRemovedException;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.CopyableLink;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.GoneDownload;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.delegate.DelegateAccess;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.InvitationRefusedException;
import org.b2bforum.delegate.InvitationSent;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The company's delegates and their log-ins: who has an account, who is invited (until when),
 * and an "Invite" action. The invitation link is e-mailed when SMTP is configured; otherwise it is
 * shown here once, to be copied and passed on. Each delegate's badge can be downloaded too. A delegate who accepts
 * an invitation shows as having a log-in at once, without a reload (a live update).
 */
@Route("delegates")
@Menu(title = "menu.delegates", icon = "USERS", order = 8)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class DelegatesView extends VerticalLayout implements HasDynamicTitle {

    final Div list = new Div();
    /** The link of the invitation just made, when it was not e-mailed. */
    final CopyableLink linkLine = new CopyableLink("invitation-link", getTranslation("delegates.link"), "");
    final TextField link = linkLine.field;
    final Div sent = new Div();

    private final DelegateInvitationService invitations;
    private final BadgeService badges;
    private final ForumTime forumTime;
    private final Locale locale;
    private final LiveUpdates live;
    private final CurrentUser currentUser;
    private Registration liveRegistration;

    DelegatesView(DelegateInvitationService invitations, BadgeService badges, ForumTime forumTime, LiveUpdates live,
            CurrentUser currentUser) {
        this.invitations = invitations;
        this.live = live;
        this.currentUser = currentUser;
        this.badges = badges;
        this.forumTime = forumTime;
        this.locale = getLocale();
        addClassName("page");
        addClassName("delegates-view");

        Paragraph intro = new Paragraph(getTranslation("delegates.intro"));
        intro.addClassName("hint");
        list.setId("delegates-list");
        list.addClassName("meeting-list");
        sent.setId("invitation-sent");
        sent.addClassName("invitation-sent");
        sent.setVisible(false);
        add(new H1(getTranslation("menu.delegates")), intro, sent, list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        for (DelegateAccess delegate : invitations.myDelegates()) {
            list.add(row(delegate));
        }
    }

    private Div row(DelegateAccess delegate) {
        Div row = new Div();
        row.addClassName("meeting-row");
        row.addClassName("delegate-access");
        row.setId("delegate-" + delegate.delegateId());
        Div top = new Div(new Span(delegate.fullName()), status(delegate));
        top.addClassName("meeting-top");
        top.getChildren().findFirst().ifPresent(name -> name.addClassName("meeting-counterpart"));
        Paragraph details = new Paragraph(delegate.position() + " · " + delegate.email() + " · "
                + getTranslation("badge.role." + delegate.badgeRole().name()));
        details.addClassName("meeting-line");
        row.add(top, details);
        if (delegate.status() == DelegateAccess.Status.INVITED) {
            // beside the state, the date made a pill wider than a phone: "Приглашён, ссылка действует до 21 дек.
            // 2026 г., 07:16" ran past the card's edge at 390 px, the time cut off (ux63)
            Paragraph until = new Paragraph(getTranslation("delegates.invited-until",
                    forumTime.format(delegate.invitationExpiresAt(), locale)));
            until.addClassName("meeting-line");
            until.setId("delegate-invited-until-" + delegate.delegateId());
            row.add(until);
        }

        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("meeting-actions");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        if (delegate.invitable()) {
            Button invite = new Button(getTranslation(delegate.status() == DelegateAccess.Status.NOT_INVITED
                    ? "delegates.invite" : "delegates.invite-again"), VaadinIcon.ENVELOPE.create());
            invite.setId("invite-" + delegate.delegateId());
            invite.addThemeVariants(delegate.status() == DelegateAccess.Status.INVITED ? ButtonVariant.TERTIARY
                    : ButtonVariant.PRIMARY);
            invite.setDisableOnClick(true);
            invite.addClickListener(e -> invite(delegate));
            actions.add(invite);
        }
        Anchor badge = new Anchor(Downloads.toldOnFailure(event -> badge(delegate, event.getUI())),
                AttachmentType.DOWNLOAD, getTranslation("delegates.badge"));
        badge.setId("badge-" + delegate.delegateId());
        actions.add(badge);
        row.add(actions);
        return row;
    }

    /**
     * The delegate's badge; one the company removed meanwhile (in another tab) is said so on the page, whose list is
     * read again, and the browser gets 410 Gone (before: an error in the download and its trace in the log).
     */
    DownloadResponse badge(DelegateAccess delegate, UI ui) {
        return GoneDownload.pdf("badge-" + delegate.delegateId() + ".pdf",
                () -> badges.badgePdf(delegate.delegateId(), locale), BadgeHolderRemovedException.class, ui,
                () -> getTranslation("delegates.removed", delegate.fullName()), this::refresh);
    }

    private Span status(DelegateAccess delegate) {
        String text = switch (delegate.status()) {
            case NOT_INVITED -> getTranslation("delegates.status.NOT_INVITED");
            case INVITED -> getTranslation("delegates.status.INVITED");
            case EXPIRED -> getTranslation("delegates.status.EXPIRED");
            case ACTIVE -> getTranslation("delegates.status.ACTIVE");
        };
        Span status = new Span(text);
        status.addClassName("status-badge");
        status.addClassName(switch (delegate.status()) {
            case ACTIVE -> "status-approved";
            case INVITED -> "status-pending";
            case EXPIRED -> "status-rejected";
            case NOT_INVITED -> "status-changes-requested";
        });
        status.setId("delegate-status-" + delegate.delegateId());
        return status;
    }

    void invite(DelegateAccess delegate) {
        boolean linkShown = false;
        try {
            InvitationSent invitation = invitations.invite(delegate.delegateId());
            sent.removeAll();
            if (invitation.emailed()) {
                sent.add(new Paragraph(getTranslation("delegates.sent.emailed", delegate.fullName(), invitation.email(),
                        forumTime.format(invitation.expiresAt(), locale))));
            } else {
                link.setValue(invitation.link());
                linkShown = true;
                sent.add(new Paragraph(getTranslation("delegates.sent.link", delegate.fullName(),
                        forumTime.format(invitation.expiresAt(), locale))), linkLine);
            }
            sent.setVisible(true);
            Notices.success(getTranslation("delegates.invited", delegate.fullName()));
        } catch (InvitationRefusedException e) {
            Notices.error(getTranslation(e.key()));
        }
        refresh();
        if (linkShown) {
            // the clicked button has been drawn anew, which left the focus on nothing (ux47): on to the link to copy
            link.focus();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        liveRegistration = live.subscribe(event.getUI(), currentUser.require(), change -> {
            if (change.kind() == LiveChange.Kind.DELEGATE) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.delegates") + " · " + getTranslation("app.short-title");
    }
}
