package org.b2bforum.fair.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.Cities;
import org.b2bforum.fair.FairRefusedException;
import org.b2bforum.fair.Lead;
import org.b2bforum.fair.LeadScan;
import org.b2bforum.fair.LeadService;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

/**
 * The exhibitor's leads: who was scanned, when, by whom, with the notes, each note written or changed here after the
 * talk; exported as CSV or XLSX. A badge whose QR code will not scan is added by the code printed under it.
 */
@Route("fair/leads")
@Menu(title = "menu.leads", icon = "QRCODE", order = 9.2)
@RolesAllowed({Role.COMPANY_NAME, Role.DELEGATE_NAME})
@StyleSheet("styles/fair.css")
class LeadsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Lead> grid = new Grid<>();
    /** The code printed under a badge's QR code, typed in when the phone's camera will not read it (ux79). */
    final TextField code = new TextField();
    final Button addByCode = new Button();
    private final LeadService leads;

    LeadsView(LeadService leads, ForumTime forumTime) {
        this.leads = leads;
        addClassName("page");
        add(new H1(getTranslation("menu.leads")));
        if (!leads.canScan()) {
            Paragraph none = new Paragraph(getTranslation("lead.error.not-exhibitor"));
            none.setId("leads-not-exhibitor");
            add(none);
            return;
        }
        add(new Paragraph(getTranslation("leads.intro")));
        List<String> headers = List.of(getTranslation("leads.name"), getTranslation("leads.position"),
                getTranslation("leads.company"), getTranslation("leads.city"), getTranslation("lead.note"),
                getTranslation("leads.scanned-at"), getTranslation("leads.scanned-by"));
        // the page's language, fixed here: the downloads are answered later, outside this request
        Locale locale = getLocale();
        UnaryOperator<String> cityName = city -> Cities.inLanguage(city, key -> getTranslation(locale, key));
        Anchor csv = new Anchor(Downloads.toldOnFailure(event -> {
            byte[] bytes = leads.csv(headers, cityName);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "leads.csv", "text/csv; charset=UTF-8",
                    bytes.length);
        }), "");
        csv.setId("leads-csv");
        csv.add(VaadinIcon.DOWNLOAD.create(), new Span(" CSV"));
        String sheet = getTranslation("menu.leads");
        Anchor xlsx = new Anchor(Downloads.toldOnFailure(event -> {
            byte[] bytes = leads.xlsx(headers, sheet, cityName);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "leads.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), "");
        xlsx.setId("leads-xlsx");
        xlsx.add(VaadinIcon.DOWNLOAD.create(), new Span(" XLSX"));
        Div downloads = new Div(csv, new Span("  "), xlsx);
        downloads.addClassName("fair-stand-links");

        grid.setId("leads");
        grid.addColumn(new ComponentRenderer<>(lead -> visitorCell(lead, cityName, forumTime)))
                .setHeader(getTranslation("leads.visitor")).setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::noteCell)).setHeader(headers.get(4)).setFlexGrow(1);
        // a column each for name, company, note and time left the name "Сокол…" and the note off the screen on the
        // stand's phone; the visitor's lines go in one cell and the note, what the stand's people wrote, is shown whole
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setItems(leads.myLeads());
        grid.setEmptyStateText(getTranslation("leads.empty"));
        grid.setAllRowsVisible(true);
        add(codeEntry(), downloads, grid);
    }

    /**
     * "Badge code" and "Add the lead": at a stand the camera often fails (glare, a crumpled badge, a lanyard flipped);
     * the code under the QR code is typed in instead, with the scan's rules and words next to the field.
     */
    private Div codeEntry() {
        code.setId("lead-code");
        code.setLabel(getTranslation("lead.code"));
        code.setHelperText(getTranslation("lead.code.helper"));
        code.setPlaceholder("7KQ-3PX");
        code.setMaxLength(20);
        code.setAutocapitalize(Autocapitalize.CHARACTERS);
        code.setAutocorrect(false);
        code.getElement().setAttribute("spellcheck", "false");
        code.getElement().setAttribute("autocomplete", "off");
        addByCode.setId("lead-code-add");
        addByCode.setText(getTranslation("lead.code.add"));
        addByCode.setIcon(VaadinIcon.PLUS.create());
        addByCode.addThemeVariants(ButtonVariant.PRIMARY);
        addByCode.addClickListener(e -> addByCode());
        addByCode.addClickShortcut(Key.ENTER).listenOn(code);
        Div entry = new Div(code, addByCode);
        entry.addClassName("lead-code-entry");
        return entry;
    }

    void addByCode() {
        try {
            LeadScan scan = leads.scanCode(code.getValue());
            code.clear();
            code.setInvalid(false);
            grid.setItems(leads.myLeads());
            String name = scan.lead().visitorName();
            if (scan.firstTime()) {
                Notices.success(getTranslation("lead.code.saved", name));
            } else {
                Notices.done(getTranslation("lead.code.before", name));
            }
        } catch (FairRefusedException e) {
            code.setErrorMessage(getTranslation(e.key(), e.args()));
            code.setInvalid(true);
            code.focus();
        }
    }

    /**
     * The note and the button that writes or changes it. The note could be written only on the scanner's page, at
     * the scan: what was talked about, written once the visitor had gone on, had nowhere to go (ux60).
     */
    private Div noteCell(Lead lead) {
        Div cell = new Div();
        cell.addClassName("lead-note-cell");
        if (lead.note() != null) {
            Div note = new Div(lead.note());
            note.addClassName("lead-note-text");
            cell.add(note);
        }
        Button edit = new Button(getTranslation(lead.note() == null ? "leads.note.add" : "leads.note.edit"),
                VaadinIcon.EDIT.create(), e -> editNote(lead));
        edit.setId("lead-note-" + lead.id());
        edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        cell.add(edit);
        return cell;
    }

    private void editNote(Lead lead) {
        Dialog dialog = new Dialog(getTranslation("leads.note.title", lead.visitorName()));
        dialog.setWidth("min(32em, 100%)");
        TextArea note = new TextArea(getTranslation("lead.note"));
        note.setId("lead-note-edit");
        note.setPlaceholder(getTranslation("lead.note.placeholder"));
        note.setWidthFull();
        note.setValue(lead.note() == null ? "" : lead.note());
        Button save = new Button(getTranslation("lead.note.save"), e -> {
            try {
                leads.saveNote(lead.id(), note.getValue());
                grid.setItems(leads.myLeads()); // a colleague's leads scanned meanwhile come along
                dialog.close();
                Notices.success(getTranslation("lead.note.saved"));
            } catch (FairRefusedException ex) {
                note.setErrorMessage(getTranslation(ex.key(), ex.args()));
                note.setInvalid(true);
            }
        });
        save.setId("lead-note-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(note);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        note.focus();
    }

    /** Name, position, company and city, then when and by whom the badge was scanned. */
    private Div visitorCell(Lead lead, UnaryOperator<String> cityName, ForumTime forumTime) {
        Span name = new Span(lead.visitorName());
        name.addClassName("lead-visitor-name");
        Div cell = new Div(name);
        cell.addClassName("lead-visitor");
        if (lead.visitorPosition() != null && !lead.visitorPosition().isBlank()) {
            cell.add(new Div(lead.visitorPosition()));
        }
        cell.add(new Div(lead.visitorCompany() + " · " + cityName.apply(lead.visitorCity())));
        Div scanned = new Div(forumTime.format(lead.scannedAt(), getLocale()) + " · " + lead.scannedBy());
        scanned.addClassName("lead-scanned");
        cell.add(scanned);
        return cell;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.leads") + " · " + getTranslation("app.short-title");
    }
}
