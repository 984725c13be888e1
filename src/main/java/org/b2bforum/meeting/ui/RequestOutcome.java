package org.b2bforum.meeting.ui;

import org.b2bforum.base.ui.BackToDirectory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/** The request form's outcome of "Send" in words above the button. */
final class RequestOutcome {

    private RequestOutcome() {
    }

    /** {@code text} in {@code outcome}; {@code kind} (sent, confirmed, refused) also as an attribute. */
    static void show(Div outcome, String kind, String text, boolean success) {
        outcome.removeAll();
        Span words = new Span(text);
        words.setId("request-outcome-text");
        outcome.add(words);
        if (success) {
            RouterLink toMeetings = new RouterLink(outcome.getTranslation("request-meeting.to-meetings"),
                    MeetingsView.class);
            toMeetings.setId("request-to-meetings");
            outcome.add(new Span(" "), toMeetings);
        }
        // the next company from the directory's results (or another one, the time just taken): back to them as they
        // were left, in one answer (by the menu the directory opened at its first page and the company searched again:
        // two answers and two reads of the results at the booking window's rush, bench/README.md, issue 17)
        // after "Go to meetings" set apart by a dot: side by side the two links read as one ("Перейти к встречам
        // ← К каталогу компаний")
        BackToDirectory.link(UI.getCurrent(), "request-back-to-directory")
                .ifPresent(back -> outcome.add(new Span(success ? " · " : " "), back));
        outcome.setClassName("form-error", !success);
        outcome.setClassName("form-success", success);
        outcome.getElement().setAttribute("data-outcome", kind);
        outcome.getElement().setAttribute("role", success ? "status" : "alert");
        outcome.setVisible(true);
    }
}
