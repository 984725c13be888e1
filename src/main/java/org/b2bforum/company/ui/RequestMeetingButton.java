package org.b2bforum.company.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;

/**
 * "Request a meeting" with a company: opens the meeting feature's request page by its route
 * ({@code meetings/new?with=<id>}), so that this feature does not depend on that one.
 */
class RequestMeetingButton extends Button {

    static final String ROUTE = "meetings/new";

    RequestMeetingButton(long companyId, boolean primary) {
        super(VaadinIcon.HANDSHAKE.create());
        setText(getTranslation("action.request-meeting"));
        setId("request-meeting-" + companyId);
        addClassName("request-meeting-button");
        addThemeVariants(primary ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
        if (!primary) {
            addThemeVariants(ButtonVariant.SMALL);
        }
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ROUTE,
                QueryParameters.of("with", String.valueOf(companyId)))));
    }
}
