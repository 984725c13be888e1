package org.b2bforum.base.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;

/**
 * The one line on every organizer's and venue staff's page while the forum runs on a rehearsal clock
 * ({@code b2bforum.clock.start}): the time the application believes, so a rehearsal never passes for the real forum.
 * Read again at each navigation ({@link #show}), as the clock ticks. A plain element, read where it stands: as a
 * {@code role=status} live region it was rewritten at every navigation, so a screen reader could announce it on every
 * page (ux67's walk).
 */
public class RehearsalLine extends Div {

    private final Clock clock;
    private final ZoneId zone;
    private final Span text = new Span();

    public RehearsalLine(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        setId("rehearsal-line");
        addClassName("rehearsal-line");
        add(VaadinIcon.CLOCK.create(), text);
        show();
    }

    /** Says the application's time now. */
    public void show() {
        String now = DateTimeFormatter.ofPattern("d.MM.yyyy HH:mm", getLocale()).format(clock.instant().atZone(zone));
        text.setText(getTranslation("clock.rehearsal.line", now));
    }
}
