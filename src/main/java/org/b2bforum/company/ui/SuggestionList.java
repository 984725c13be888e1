package org.b2bforum.company.ui;

import java.util.Arrays;
import java.util.List;

import org.b2bforum.company.Sector;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.Suggestion;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** Suggested partners, each with its score and the reasons in words. */
class SuggestionList extends Div {

    SuggestionList(List<Suggestion> suggestions, ShortlistService shortlist, boolean canStar, boolean wishes) {
        addClassName("suggestion-list");
        setId("suggestions");
        if (suggestions.isEmpty()) {
            add(new Paragraph(getTranslation("suggestions.empty")));
        }
        for (Suggestion suggestion : suggestions) {
            add(card(suggestion, shortlist, canStar, wishes));
        }
    }

    private Div card(Suggestion suggestion, ShortlistService shortlist, boolean canStar, boolean wishes) {
        RouterLink name = new RouterLink(suggestion.shortName(), ProfileView.class,
                new RouteParameters("id", String.valueOf(suggestion.companyId())));
        name.addClassName("company-name");
        Span place = new Span(CompanyLabels.place(this, suggestion.city(), suggestion.country()));
        place.addClassName("company-place");
        Span sectors = new Span(CompanyLabels.sectors(this, suggestion.sectors()));
        sectors.addClassName("company-sectors");
        Div head = new Div(name, place, sectors);
        head.addClassName("company-head");

        ProgressBar bar = new ProgressBar(0, 100, suggestion.score());
        bar.setWidth("8em");
        Span score = new Span(getTranslation("suggestions.score", suggestion.score()));
        bar.getElement().setAttribute("aria-label", score.getText());
        score.addClassName("match-score");
        Div scoreBox = new Div(score, bar);
        scoreBox.addClassName("score-box");

        Div top = new Div(new CompanyAvatar(suggestion.companyId(), suggestion.shortName(), suggestion.hasLogo(),
                "48px"), head, scoreBox);
        top.addClassName("company-top");
        if (canStar) {
            top.add(new StarButton(suggestion.companyId(), false, shortlist));
        }
        UnorderedList reasons = new UnorderedList();
        reasons.addClassName("reasons");
        for (Suggestion.Reason reason : suggestion.reasons()) {
            reasons.add(new ListItem(text(reason)));
        }
        Div card = new Div(top, reasons);
        if (canStar) {
            card.add(new RequestMeetingButton(suggestion.companyId(), false, wishes));
        }
        card.addClassName("company-card");
        card.addClassName("suggestion");
        return card;
    }

    private String text(Suggestion.Reason reason) {
        List<String> args = reason.args();
        return switch (reason.key()) {
            case "suggestion.reason.shared-sectors", "suggestion.reason.complementary-sectors" ->
                    getTranslation(reason.key(), CompanyLabels.sectors(this,
                            Arrays.stream(args.getFirst().split(",")).map(Sector::valueOf).toList()));
            case "suggestion.reason.other-side" -> getTranslation(reason.key(), CompanyLabels.city(this, args.getFirst()));
            default -> getTranslation(reason.key(), args.toArray());
        };
    }
}
