package org.b2bforum.company.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;

/**
 * "Request a meeting" with a company: opens the meeting feature's request page by its route
 * ({@code meetings/new?with=<id>}), so that this feature does not depend on that one. While the
 * organizers collect wishes it is "add to my wishes" instead ({@code wishes?add=<id>}).
 */
class RequestMeetingButton extends Button {

    static final String ROUTE = "meetings/new";
    static final String WISHES_ROUTE = "wishes";

    RequestMeetingButton(long companyId, boolean primary, boolean wishes) {
        super(wishes ? VaadinIcon.HEART.create() : VaadinIcon.HANDSHAKE.create());
        setText(getTranslation(wishes ? "action.add-wish" : "action.request-meeting"));
        setId((wishes ? "add-wish-" : "request-meeting-") + companyId);
        addClassName("request-meeting-button");
        addThemeVariants(primary ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
        if (!primary) {
            addThemeVariants(ButtonVariant.SMALL);
        }
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(wishes ? WISHES_ROUTE : ROUTE,
                QueryParameters.of(wishes ? "add" : "with", String.valueOf(companyId)))));
    }
}
