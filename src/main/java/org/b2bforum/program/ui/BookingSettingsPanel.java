package org.b2bforum.program.ui;

import java.time.Duration;
import java.util.List;

import org.b2bforum.base.ui.ComponentTexts;
import org.b2bforum.base.ui.FieldErrors;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.InvalidProgramException;
import org.b2bforum.program.ProgramLabels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

/** When companies may book meetings, how many each may have, and whether requests are confirmed at once. */
class BookingSettingsPanel extends VerticalLayout {

    final DateTimePicker opensAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();
    final IntegerField meetingLimit = new IntegerField();
    final Checkbox instantBooking = new Checkbox();
    final Checkbox wishesPhase = new Checkbox();
    final Button save = new Button();
    private final ProgramLabels labels;
    private final FieldErrors errors = new FieldErrors(this);

    BookingSettingsPanel(BookingWindow bookingWindow, ProgramLabels labels) {
        this.labels = labels;
        setPadding(false);
        addClassName("program-section");

        opensAt.setId("booking-opens");
        opensAt.setLabel(getTranslation("program.field.booking-opens"));
        closesAt.setId("booking-closes");
        closesAt.setLabel(getTranslation("program.field.booking-closes"));
        for (DateTimePicker picker : List.of(opensAt, closesAt)) {
            picker.setStep(Duration.ofMinutes(15));
            picker.setHelperText(getTranslation("program.booking.open-ended", labels.zoneName()));
            ComponentTexts.dateTimePicker(picker);
        }
        meetingLimit.setId("meeting-limit");
        meetingLimit.setLabel(getTranslation("program.field.meeting-limit"));
        meetingLimit.setHelperText(getTranslation("program.field.meeting-limit.helper"));
        meetingLimit.setMin(1);
        meetingLimit.setMax(200);
        meetingLimit.setStepButtonsVisible(true);
        meetingLimit.setRequiredIndicatorVisible(true);
        // wide enough for its label and the required marker («Предел встреч на компанию» was cut off)
        meetingLimit.setWidth("16em");
        instantBooking.setId("instant-booking");
        instantBooking.setLabel(getTranslation("program.field.instant-booking"));
        wishesPhase.setId("wishes-phase");
        wishesPhase.setLabel(getTranslation("program.field.wishes-phase"));
        wishesPhase.setHelperText(getTranslation("program.field.wishes-phase.helper"));
        save.setText(getTranslation("action.save"));
        save.setId("save-booking-settings");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            errors.clear();
            if (!errors.required(meetingLimit)) {
                return;
            }
            try {
                bookingWindow.update(new BookingSettings(labels.fromForumTime(opensAt.getValue()),
                        labels.fromForumTime(closesAt.getValue()), meetingLimit.getValue(), instantBooking.getValue(),
                        wishesPhase.getValue()));
                Notices.success(getTranslation("program.booking.saved"));
                show(bookingWindow.settings());
            } catch (InvalidProgramException ex) {
                errors.show(ex.key());
            }
        });
        errors.validating(opensAt, closesAt, meetingLimit)
                .on("program.error.meeting-limit", meetingLimit).on("program.error.end-before-start", closesAt);

        HorizontalLayout window = new HorizontalLayout(opensAt, closesAt);
        window.setWrap(true);
        HorizontalLayout rules = new HorizontalLayout(meetingLimit, instantBooking, wishesPhase, save);
        rules.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        rules.setWrap(true);
        add(new H2(getTranslation("program.booking")), new Paragraph(getTranslation("program.booking.intro")), window,
                rules);
    }

    void show(BookingSettings settings) {
        opensAt.setValue(labels.toForumTime(settings.opensAt()));
        closesAt.setValue(labels.toForumTime(settings.closesAt()));
        meetingLimit.setValue(settings.meetingLimit());
        instantBooking.setValue(settings.instantBooking());
        wishesPhase.setValue(settings.wishesPhase());
    }
}
