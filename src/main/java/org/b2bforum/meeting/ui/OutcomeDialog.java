package org.b2bforum.meeting.ui;

import java.util.Arrays;

import org.b2bforum.base.ui.Notices;
import org.b2bforum.venue.MeetingResult;
import org.b2bforum.venue.Outcome;
import org.b2bforum.venue.OutcomeService;
import org.b2bforum.venue.VenueRefusedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The company records what came of a meeting: one of four outcomes and an optional comment. Only
 * its own: the other company records (and reads) its own.
 */
class OutcomeDialog extends Dialog {

    final RadioButtonGroup<Outcome> choice = new RadioButtonGroup<>();
    final TextArea comment = new TextArea();
    final Button save = new Button();

    OutcomeDialog(OutcomeService outcomes, MeetingResult result, String counterpart, String when, Runnable saved) {
        setHeaderTitle(getTranslation("outcome.dialog.title", counterpart));
        setId("outcome-dialog");
        Paragraph intro = new Paragraph(when + " · " + getTranslation("outcome.dialog.private"));
        intro.addClassName("agenda-small");
        choice.setId("outcome-choice");
        choice.setLabel(getTranslation("outcome.dialog.choice"));
        choice.setItems(Arrays.asList(Outcome.values()));
        choice.setItemLabelGenerator(o -> getTranslation(o.translationKey()));
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        choice.setValue(result.outcome());
        comment.setId("outcome-comment");
        comment.setLabel(getTranslation("outcome.dialog.comment"));
        comment.setHelperText(getTranslation("meetings.optional"));
        comment.setMaxLength(1000);
        comment.setWidthFull();
        comment.setValue(result.comment() == null ? "" : result.comment());
        Div error = new Div();
        error.setId("outcome-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        save.setText(getTranslation("outcome.dialog.save"));
        save.setId("outcome-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            try {
                outcomes.record(result.meetingId(), choice.getValue(), comment.getValue());
            } catch (VenueRefusedException refused) {
                error.setText(getTranslation(refused.key()));
                error.setVisible(true);
                return;
            }
            close();
            Notices.success(getTranslation("outcome.saved"));
            saved.run();
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("outcome-cancel");
        VerticalLayout body = new VerticalLayout(intro, choice, comment, error);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, save);
        setWidth("min(100vw, 34em)");
    }
}
