package org.b2bforum.fair.ui;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.Cities;
import org.b2bforum.fair.FairRefusedException;
import org.b2bforum.fair.Lead;
import org.b2bforum.fair.LeadScan;
import org.b2bforum.fair.LeadService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * An exhibitor's phone after scanning a visitor's badge (the badge's check-in link sends exhibitors'
 * people here): the lead — name, position, company, city — and a note to add. An unknown or revoked
 * badge, or a visitor who did not consent, is refused in words and nothing is kept.
 */
@Route("fair/scan/:token")
@PermitAll
@StyleSheet("styles/fair.css")
class LeadScanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Div content = new Div();
    final TextArea note = new TextArea();
    final Button saveNote = new Button();

    private final LeadService leads;
    private final ForumTime forumTime;
    private Lead lead;

    LeadScanView(LeadService leads, ForumTime forumTime) {
        this.leads = leads;
        this.forumTime = forumTime;
        addClassName("page");
        addClassName("lead-scan");
        content.setId("lead-scan");
        content.setWidthFull();
        note.setId("lead-note");
        note.setLabel(getTranslation("lead.note"));
        note.setPlaceholder(getTranslation("lead.note.placeholder"));
        note.setMaxLength(1000);
        note.setWidthFull();
        saveNote.setId("lead-save-note");
        saveNote.setText(getTranslation("lead.note.save"));
        saveNote.setIcon(VaadinIcon.CHECK.create());
        saveNote.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        saveNote.addClickListener(e -> saveNote());
        add(new H1(getTranslation("lead.title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        if (!leads.canScan()) {
            content.add(refused("lead.error.not-exhibitor"));
            return;
        }
        try {
            LeadScan scan = leads.scan(event.getRouteParameters().get("token").orElse(""));
            lead = scan.lead();
            show(scan.firstTime() ? "lead.saved" : "lead.scanned-before");
        } catch (FairRefusedException e) {
            content.add(refused(e.key()));
        }
        Anchor all = new Anchor("fair/leads", getTranslation("lead.all"));
        all.setId("lead-all");
        content.add(all);
    }

    private void show(String statusKey) {
        Div card = new Div();
        card.addClassName("lead-card");
        H2 name = new H2(lead.visitorName());
        name.setId("lead-name");
        name.addClassName("lead-name");
        Paragraph position = new Paragraph(lead.visitorPosition());
        Paragraph company = new Paragraph(lead.visitorCompany() + " · "
                + Cities.inLanguage(lead.visitorCity(), this::getTranslation));
        company.setId("lead-company");
        Paragraph status = new Paragraph(getTranslation(statusKey, forumTime.format(lead.scannedAt(), getLocale())));
        status.setId("lead-status");
        status.addClassName("lead-done");
        card.add(name, position, company, status);
        note.setValue(lead.note() == null ? "" : lead.note());
        content.add(card, note, saveNote);
    }

    void saveNote() {
        try {
            lead = leads.saveNote(lead.id(), note.getValue());
            note.setInvalid(false);
            Notices.success(getTranslation("lead.note.saved"));
        } catch (FairRefusedException e) {
            note.setErrorMessage(getTranslation(e.key(), e.args()));
            note.setInvalid(true);
        }
    }

    private Paragraph refused(String key) {
        Paragraph refused = new Paragraph(getTranslation(key));
        refused.setId("lead-refused");
        refused.addClassName("lead-refused");
        refused.getElement().setAttribute("role", "alert");
        return refused;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.title") + " · " + getTranslation("app.short-title");
    }
}
