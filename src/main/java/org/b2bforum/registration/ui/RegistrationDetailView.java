package org.b2bforum.registration.ui;

import java.util.function.BiConsumer;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.IdentityChanges;
import org.b2bforum.registration.IdentityProposal;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.OfficeCorrections;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationFilter;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;

import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/** An organizer reviews one application and decides: approve, reject (with a reason) or ask for changes. */
@Route("registrations/:id")
@RolesAllowed(Role.ORGANIZER_NAME)
class RegistrationDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registrations;
    private final ForumTime time;
    private final OfficeCorrections corrections;
    private final IdentityChanges identityChanges;
    private long companyId;
    private String title = "";
    private RegistrationFilter queueFilter = QueueParameters.from(QueryParameters.empty());
    /** The queue's sort, which "next application" follows (the row the organizer sees first on going back). */
    private Sort queueSort = Sort.unsorted();

    RegistrationDetailView(RegistrationService registrations, ForumTime time,
            OfficeCorrections corrections, IdentityChanges identityChanges) {
        this.registrations = registrations;
        this.corrections = corrections;
        this.identityChanges = identityChanges;
        this.time = time;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            queueFilter = QueueParameters.from(event.getLocation().getQueryParameters());
            queueSort = QueueParameters.sort(event.getLocation().getQueryParameters());
            companyId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show();
        } catch (NumberFormatException | RegistrationStateException e) {
            // an old or mistyped link: said in words, with the way back, rather than the queue without a word
            title = getTranslation("details.not-found.title");
            removeAll();
            Paragraph missing = new Paragraph(getTranslation("details.not-found"));
            missing.setId("registration-not-found");
            add(backToQueue(), new H1(title), missing);
        }
    }

    private void show() {
        RegistrationDetails details = registrations.details(companyId);
        title = details.shortName();
        removeAll();
        RouterLink back = backToQueue();
        H1 heading = new H1(details.shortName());
        Div status = new Div(new StatusBadge(details.status()));
        status.setId("registration-status");
        add(back, heading, status);
        if (details.statusComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("details.last-comment") + ": " + details.statusComment());
            comment.addClassName("status-comment");
            add(comment);
        }
        if (details.awaitingEmailConfirmation()) {
            Paragraph unconfirmed = new Paragraph(getTranslation("registration.email-not-confirmed.detail",
                    EmailConfirmationService.VALID_FOR.toHours()));
            unconfirmed.setId("email-not-confirmed");
            unconfirmed.addClassName("status-changes-requested");
            // the link did not arrive and the office called the company: marked here, with why (review72)
            Button confirmEmail = new Button(getTranslation("details.confirm-email"), VaadinIcon.PHONE.create(),
                    e -> askComment(Ask.CONFIRM_EMAIL,
                            (text, dialog) -> confirmEmail(dialog, text)));
            confirmEmail.setId("confirm-email");
            add(unconfirmed, confirmEmail);
        }
        if (details.status() == RegistrationStatus.PENDING) {
            Button approve = new Button(getTranslation("action.approve"), VaadinIcon.CHECK.create(), e -> decide(
                    () -> registrations.approve(companyId), "details.approved"));
            approve.setId("approve");
            approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
            Button changes = new Button(getTranslation("action.request-changes"), VaadinIcon.EDIT.create(),
                    e -> askComment(Ask.CHANGES, (text, dialog) -> decideWithComment(dialog, text,
                                    () -> registrations.requestChanges(companyId, text.getValue()),
                                    "details.changes-requested")));
            changes.setId("request-changes");
            Button reject = new Button(getTranslation("action.reject"), VaadinIcon.CLOSE.create(),
                    e -> askComment(Ask.REJECT, (text, dialog) -> decideWithComment(dialog, text,
                                    () -> registrations.reject(companyId, text.getValue()), "details.rejected")));
            reject.setId("reject");
            reject.addThemeVariants(ButtonVariant.ERROR);
            // until the e-mail is confirmed only a rejection is open (the services refuse the others too)
            approve.setEnabled(!details.awaitingEmailConfirmation());
            changes.setEnabled(!details.awaitingEmailConfirmation());
            HorizontalLayout actions = new HorizontalLayout(approve, changes, reject);
            actions.setWrap(true);
            add(actions);
        } else if (details.status() == RegistrationStatus.APPROVED) {
            Button withdraw = new Button(getTranslation("details.withdraw"), VaadinIcon.BAN.create(),
                    e -> askComment(Ask.WITHDRAW, (text, dialog) -> decideWithComment(dialog, text,
                                    () -> registrations.withdrawApproval(companyId, text.getValue()),
                                    "details.withdrawn")));
            withdraw.setId("withdraw-approval");
            withdraw.addThemeVariants(ButtonVariant.ERROR);
            add(withdraw);
            identityChanges.of(companyId).ifPresent(this::addIdentityProposal);
        } else if (details.status() == RegistrationStatus.REJECTED) {
            addTaxNumberFreeing(details);
        }
        add(new RegistrationDetailsPanel(details, registrations.history(companyId), time));
    }

    /** The queue as the organizer left it: the same filter. */
    private RouterLink backToQueue() {
        RouterLink back = new RouterLink(getTranslation("details.back-to-queue"), ApprovalQueueView.class);
        back.setQueryParameters(QueueParameters.of(queueFilter, queueSort));
        back.setId("back-to-queue");
        return back;
    }

    /**
     * After a decision: the next application awaiting one in the organizer's filter, one click (or Enter) away, so a
     * hundred applications are decided in a row without going back to the queue each time.
     */
    private void offerNext() {
        Component next = registrations.nextPending(queueFilter, queueSort, companyId).<Component>map(summary -> {
            Button button = new Button(getTranslation("details.next", summary.shortName()),
                    VaadinIcon.ARROW_RIGHT.create(), e -> getUI().ifPresent(ui -> ui.navigate(
                            RegistrationDetailView.class, new RouteParameters("id", String.valueOf(summary.id())),
                            QueueParameters.of(queueFilter, queueSort))));
            button.setIconAfterText(true);
            button.addThemeVariants(ButtonVariant.PRIMARY);
            button.setId("next-application");
            return button;
        }).orElseGet(() -> {
            Paragraph none = new Paragraph(getTranslation("details.none-left"));
            none.setId("no-application-left");
            return none;
        });
        addComponentAtIndex(3, next); // under the back link, the name and the status, where the buttons were
        if (next instanceof Button button) {
            button.focus();
        }
    }

    /**
     * A dialog's words: its heading (what it does: "Отклонить заявку", not the button's "Отклонить"), its button, the
     * field's label, and what the field says when left empty: what to write and who reads it (it said "Заполните это
     * поле", ux80).
     */
    private record Ask(String title, String action, String label, String empty) {
        static final Ask REJECT = new Ask("details.reject.title", "action.reject", "details.reason-label",
                "details.reason.empty");
        static final Ask CHANGES = new Ask("details.request-changes.title", "action.request-changes",
                "details.comment-label", "details.comment.empty");
        // the withdrawal's reason goes to the company as a rejection's does
        static final Ask WITHDRAW = new Ask("details.withdraw", "details.withdraw", "details.withdraw-reason",
                "details.reason.empty");
        static final Ask CONFIRM_EMAIL = new Ask("details.confirm-email", "details.confirm-email",
                "details.confirm-email-reason", "details.confirm-email-reason.empty");
        static final Ask FREE_TAX_NUMBER = new Ask("details.free-tax-number", "details.free-tax-number",
                "details.free-tax-number-reason", "details.free-tax-number-reason.empty");
        static final Ask DECLINE_IDENTITY = new Ask("identity-change.decline-title", "identity-change.decline",
                "identity-change.reason", "details.reason.empty");
    }

    private void askComment(Ask ask, BiConsumer<TextArea, Dialog> onConfirm) {
        Dialog dialog = new Dialog(getTranslation(ask.title()));
        TextArea text = new TextArea(getTranslation(ask.label()));
        text.setId("decision-comment");
        text.setWidthFull();
        text.setMaxLength(2000);
        text.setRequiredIndicatorVisible(true);
        // the same words when the field is left on its own (blur) as when the decision is refused for it
        String empty = getTranslation(ask.empty());
        text.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(empty));
        Button confirm = new Button(getTranslation(ask.action()), e -> onConfirm.accept(text, dialog));
        confirm.setId("confirm-decision");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        VerticalLayout content = new VerticalLayout(text);
        content.setPadding(false);
        dialog.add(content);
        dialog.setWidth("36em");
        dialog.setMaxWidth("100%");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        text.focus();
    }

    private void decideWithComment(Dialog dialog, TextArea text, Runnable decision, String doneKey) {
        decideWithComment(dialog, text, decision, () -> done(doneKey));
    }

    private void decideWithComment(Dialog dialog, TextArea text, Runnable decision, Runnable done) {
        try {
            decision.run();
            dialog.close();
            done.run();
        } catch (InvalidRegistrationException e) {
            String key = e.errors().getFirst().key();
            // left empty: the dialog's own words (askComment), not the generic "Заполните это поле"
            text.setErrorMessage("validation.required".equals(key) ? text.getI18n().getRequiredErrorMessage()
                    : getTranslation(key));
            text.setInvalid(true);
        } catch (RegistrationStateException e) {
            dialog.close();
            failed(e);
        }
    }

    private void confirmEmail(Dialog dialog, TextArea text) {
        decideWithComment(dialog, text, () -> corrections.confirmEmail(companyId, text.getValue()),
                () -> doneHere("details.email-confirmed"));
    }

    /** Done, and the application shown again, with no next application offered (no decision was taken). */
    private void doneHere(String key, Object... parameters) {
        Notices.success(getTranslation(key, parameters));
        show();
    }

    /** A new name, country or tax number the approved company proposed: old → new, accepted or declined here. */
    private void addIdentityProposal(IdentityProposal proposal) {
        Button accept = new Button(getTranslation("identity-change.accept"), VaadinIcon.CHECK.create(), e -> {
            try {
                identityChanges.accept(companyId, proposal.proposedAt());
                doneHere("identity-change.accepted", proposal.proposed().shortName());
            } catch (RegistrationStateException failure) {
                failed(failure);
            }
        });
        accept.setId("accept-identity-change");
        accept.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        Button decline = new Button(getTranslation("identity-change.decline"), VaadinIcon.CLOSE.create(),
                e -> askComment(Ask.DECLINE_IDENTITY, (text, dialog) -> decideWithComment(dialog, text,
                        () -> identityChanges.decline(companyId, proposal.proposedAt(), text.getValue()),
                        () -> doneHere("identity-change.declined"))));
        decline.setId("decline-identity-change");
        HorizontalLayout actions = new HorizontalLayout(accept, decline);
        actions.setWrap(true);
        add(new IdentityProposalPanel(proposal), actions);
    }

    /**
     * A rejected application's tax number: freed for the company that owns it when this application was not its
     * (review74), or the day it was freed.
     */
    private void addTaxNumberFreeing(RegistrationDetails details) {
        if (details.taxNumberFreedAt() != null) {
            Paragraph freed = new Paragraph(getTranslation("details.tax-number-freed-at",
                    time.format(details.taxNumberFreedAt(), getLocale())));
            freed.setId("tax-number-freed");
            add(freed);
            return;
        }
        Button free = new Button(getTranslation("details.free-tax-number"), VaadinIcon.UNLOCK.create(),
                e -> askComment(Ask.FREE_TAX_NUMBER, (text, dialog) -> decideWithComment(dialog, text,
                                () -> corrections.freeTaxNumber(companyId, text.getValue()),
                                () -> doneHere("details.tax-number-freed"))));
        free.setId("free-tax-number");
        add(free);
    }

    /** An approval: good news. */
    private void decide(Runnable decision, String doneKey) {
        try {
            decision.run();
            Notices.success(getTranslation(doneKey));
            show();
            offerNext();
        } catch (RegistrationStateException e) {
            failed(e);
        }
    }

    /** A rejection or a request for changes: done, with nothing to celebrate. */
    private void done(String key) {
        Notices.done(getTranslation(key));
        show();
        offerNext();
    }

    private void failed(RegistrationStateException e) {
        Notices.error(getTranslation(e.key()));
        show();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.short-title");
    }
}
