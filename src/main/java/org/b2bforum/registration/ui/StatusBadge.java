package org.b2bforum.registration.ui;

import org.b2bforum.company.RegistrationStatus;

import com.vaadin.flow.component.html.Span;

/** A coloured label with a registration's status. */
class StatusBadge extends Span {

    StatusBadge(RegistrationStatus status) {
        setText(getTranslation(status.translationKey()));
        addClassNames("status-badge", "status-" + status.name().toLowerCase().replace('_', '-'));
    }
}
