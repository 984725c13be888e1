package org.b2bforum.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Span;

/**
 * The venue staff's mark on a confirmed meeting once it began, in a status badge's place: "Состоялась" (held, green
 * as confirmed) or "Не состоялась: не пришли" (no-show, grey as declined). One look on the company's agenda, its
 * meetings page and a delegate's schedule; {@code mark} is the name of the venue's {@code Attendance} ({@code HELD},
 * {@code NO_SHOW}), taken as a name because the badge's own schedule may not know the venue's module.
 */
public final class AttendanceBadge extends Span {

    public AttendanceBadge(String mark, String id) {
        setText(getTranslation("agenda.attendance." + mark));
        addClassNames("status-badge", "meeting-attendance-" + mark.toLowerCase(Locale.ROOT).replace('_', '-'));
        setId(id);
    }
}
