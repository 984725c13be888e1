package org.b2bforum.program.ui;

import java.util.List;

import org.b2bforum.program.ForumDay;
import org.b2bforum.program.Hall;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramItem;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The order of setting up a forum from nothing, on the program page while it has no negotiation session: a new office
 * (no demo) met empty lists, a session form whose day and hall choices were empty until days and halls existed, and no
 * word of the fair's stands or of where companies register (ux90). Each step done is marked so; the panel goes once
 * a session exists, as the rest is then on the page.
 */
class FirstStepsPanel extends Div {

    static final List<String> STEPS = List.of("days", "halls", "sessions", "items", "booking");

    final OrderedList steps = new OrderedList();
    private final String registrationAddress;

    FirstStepsPanel(String registrationAddress) {
        this.registrationAddress = registrationAddress;
        setId("first-steps");
        addClassName("first-steps");
        getElement().setAttribute("role", "note");
    }

    void show(List<ForumDay> days, List<Hall> halls, List<NegotiationSession> sessions, List<ProgramItem> items) {
        setVisible(sessions.isEmpty());
        if (!isVisible()) {
            return;
        }
        removeAll();
        steps.removeAll();
        List<Boolean> done = List.of(!days.isEmpty(), !halls.isEmpty(), false, !items.isEmpty(), false);
        for (int i = 0; i < STEPS.size(); i++) {
            String text = getTranslation("program.first-steps." + STEPS.get(i));
            ListItem step = new ListItem(done.get(i) ? getTranslation("program.first-steps.done", text) : text);
            step.getElement().setAttribute("data-step", STEPS.get(i));
            if (done.get(i)) {
                step.addClassName("done");
            }
            steps.add(step);
        }
        add(new H2(getTranslation("program.first-steps.title")), steps,
                new Paragraph(getTranslation("program.first-steps.then", registrationAddress)));
    }
}
