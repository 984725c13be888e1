package org.b2bforum.program.ui;

import java.util.List;

import org.b2bforum.base.i18n.MeetingLine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** Tells the organizer that a program change was refused, and lists the confirmed meetings it would break. */
class ConflictDialog extends Dialog {

    final UnorderedList meetings = new UnorderedList();

    ConflictDialog(List<String> affectedMeetings) {
        setId("conflict-dialog");
        setHeaderTitle(getTranslation("program.conflict.title"));
        meetings.setId("affected-meetings");
        meetings.addClassName("affected-meetings");
        affectedMeetings.forEach(meeting -> meetings.add(
                new ListItem(MeetingLine.inWords(meeting, getLocale(), this::getTranslation))));
        add(new Paragraph(getTranslation("program.error.conflict")), meetings,
                new Paragraph(getTranslation("program.conflict.hint")));
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("close-conflict");
        close.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(close);
        setMaxWidth("40em");
    }

    static void show(List<String> affectedMeetings) {
        new ConflictDialog(affectedMeetings).open();
    }
}
