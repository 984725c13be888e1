package org.b2bforum.company.ui;

import org.b2bforum.company.ShortlistService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Stars a company for the shortlist, or removes the star. */
class StarButton extends Button {

    private boolean starred;

    StarButton(long companyId, boolean starred, ShortlistService shortlist) {
        this.starred = starred;
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("star-button");
        setId("star-" + companyId);
        show();
        addClickListener(e -> {
            if (this.starred) {
                shortlist.unstar(companyId);
            } else {
                shortlist.star(companyId);
            }
            this.starred = !this.starred;
            show();
        });
    }

    boolean isStarred() {
        return starred;
    }

    private void show() {
        setIcon(starred ? VaadinIcon.STAR.create() : VaadinIcon.STAR_O.create());
        setText(getTranslation(starred ? "shortlist.starred" : "shortlist.star"));
        setAriaLabel(getTranslation(starred ? "shortlist.starred" : "shortlist.star"));
        getElement().setAttribute("aria-pressed", String.valueOf(starred));
    }
}
