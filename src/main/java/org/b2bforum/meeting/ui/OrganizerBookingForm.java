package org.b2bforum.meeting.ui;

import java.util.List;

import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.Cities;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryQuery;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.DirectorySort;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramLabels;
import org.b2bforum.program.Slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

/**
 * Organizers book a confirmed meeting between two approved companies in a slot of the chosen
 * session, also outside the booking window, and over the meeting limit only when that box is ticked.
 */
class OrganizerBookingForm extends VerticalLayout {

    final ComboBox<DirectoryEntry> requester = new ComboBox<>();
    final ComboBox<DirectoryEntry> partner = new ComboBox<>();
    final Select<Slot> slot = new Select<>();
    final Checkbox overLimit = new Checkbox();
    final Button book = new Button();
    private final FieldErrors errors = new FieldErrors(this);

    OrganizerBookingForm(OrganizerBookings meetings, DirectoryService directory, ProgramLabels labels, Runnable booked) {
        setPadding(false);
        addClassName("program-section");
        setId("organizer-booking");

        requester.setId("booking-requester");
        requester.setLabel(getTranslation("meeting-grid.field.requester"));
        partner.setId("booking-partner");
        partner.setLabel(getTranslation("meeting-grid.field.partner"));
        for (ComboBox<DirectoryEntry> company : List.of(requester, partner)) {
            company.setItems(query -> directory.search(
                    new DirectoryQuery(query.getFilter().orElse(null), null, null, null, DirectorySort.NAME, false),
                    VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
            company.setItemLabelGenerator(c -> c.shortName() + ", "
                    + Cities.inLanguage(c.city(), this::getTranslation));
            company.setPlaceholder(getTranslation("meeting-grid.field.company-placeholder"));
            company.setRequiredIndicatorVisible(true);
            company.setWidth("22em");
        }
        slot.setId("booking-slot");
        slot.setLabel(getTranslation("meeting-grid.field.slot"));
        slot.setItemLabelGenerator(s -> labels.timeRange(s.startsAt(), s.endsAt()));
        slot.setRequiredIndicatorVisible(true);
        slot.setWidth("12em");
        book.setText(getTranslation("meeting-grid.action.book"));
        book.setId("book-meeting");
        book.setIcon(VaadinIcon.HANDSHAKE.create());
        book.addThemeVariants(ButtonVariant.PRIMARY);
        book.addClickListener(e -> {
            errors.clear();
            if (!errors.required(requester, partner, slot)) {
                return;
            }
            if (requester.getValue().id() == partner.getValue().id()) {
                errors.show("meeting-grid.error.same-company");
                return;
            }
            try {
                meetings.bookAsOrganizer(requester.getValue().id(), partner.getValue().id(), slot.getValue().id(),
                        overLimit.getValue());
                Notices.success(getTranslation("meeting-grid.booked", requester.getValue().shortName(),
                        partner.getValue().shortName()));
                requester.clear();
                partner.clear();
                overLimit.clear();
                booked.run();
            } catch (BookingRefusedException ex) {
                Notices.error(getTranslation(ex.key(), ex.args()));
            }
        });
        errors.validating(requester, partner, slot).on("meeting-grid.error.same-company", partner);

        overLimit.setId("booking-over-limit");
        overLimit.setLabel(getTranslation("meeting-grid.field.over-limit"));
        HorizontalLayout form = new HorizontalLayout(requester, partner, slot, overLimit, book);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("meeting-grid.book")), new Paragraph(getTranslation("meeting-grid.book.intro")),
                form);
    }

    /** The slots of the chosen session; none while no session is chosen. */
    void showSlots(List<Slot> slots) {
        Slot selected = slot.getValue();
        slot.setItems(slots);
        slots.stream().filter(s -> selected != null && s.id() == selected.id()).findFirst().ifPresent(slot::setValue);
        setEnabled(!slots.isEmpty());
    }
}
