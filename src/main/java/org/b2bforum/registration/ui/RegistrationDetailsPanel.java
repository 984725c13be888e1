package org.b2bforum.registration.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.company.Cities;
import org.b2bforum.registration.RegistrationDetails;
import org.b2bforum.registration.RegistrationHistoryEntry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** An application in full, read-only, with its audit trail. */
class RegistrationDetailsPanel extends VerticalLayout {

    RegistrationDetailsPanel(RegistrationDetails details, List<RegistrationHistoryEntry> history, ForumTime time) {
        setPadding(false);
        addClassName("registration-details");
        Locale locale = getLocale();

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "field.fullName", new Span(details.fullName()));
        fact(facts, "field.city", new Span(cityName(details.city()) + ", "
                + getTranslation(details.country().translationKey())));
        fact(facts, "field.sectors", new Span(details.sectors().stream()
                .map(s -> getTranslation(s.translationKey())).sorted().collect(Collectors.joining(", "))));
        fact(facts, "field.taxNumber", new Span(details.taxNumber()));
        if (details.website() != null) {
            Anchor website = new Anchor(details.website(), details.website());
            website.setTarget("_blank");
            fact(facts, "field.website", website);
        }
        fact(facts, "field.contactPerson", new Span(details.contactPerson()));
        fact(facts, "field.email", new Span(details.email()));
        fact(facts, "field.phone", new Span(details.phone()));
        fact(facts, "details.submitted-at", new Span(time.format(details.submittedAt(), locale)));
        fact(facts, "details.consent-at", new Span(time.format(details.consentGivenAt(), locale)));

        add(facts);
        text("field.description", details.description());
        text("field.offers", details.offers());
        text("field.seeks", details.seeks());

        add(new H2(getTranslation("form.section.delegates")));
        UnorderedList delegates = new UnorderedList();
        delegates.addClassName("delegate-list");
        details.delegates().forEach(d -> delegates.add(new ListItem(
                d.fullName() + " — " + d.position() + " · " + d.email() + " · " + d.phone())));
        add(delegates);

        add(new H2(getTranslation("details.history")));
        UnorderedList trail = new UnorderedList();
        trail.setId("audit-trail");
        trail.addClassName("audit-trail");
        for (RegistrationHistoryEntry entry : history) {
            ListItem item = new ListItem();
            item.add(new Span(time.format(entry.occurredAt(), locale) + " · "), strong(getTranslation(entry.type().translationKey())),
                    new Span(" · " + actor(entry)));
            if (entry.comment() != null) {
                Paragraph comment = new Paragraph(entry.comment());
                comment.addClassName("history-comment");
                item.add(comment);
            }
            trail.add(item);
        }
        add(trail);
    }

    private String actor(RegistrationHistoryEntry entry) {
        if (!entry.forumOffice()) {
            return entry.actorName();
        }
        String office = getTranslation("registration.history.forum-office");
        return entry.actorName() == null || entry.actorName().isBlank() ? office : office + " (" + entry.actorName() + ")";
    }

    private String cityName(String city) {
        return Cities.inLanguage(city, this::getTranslation);
    }

    private void fact(Div facts, String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        value.addClassName("fact-value");
        Div row = new Div(label, value);
        row.addClassName("fact");
        facts.add(row);
    }

    private void text(String labelKey, String value) {
        H2 heading = new H2(getTranslation(labelKey));
        Paragraph paragraph = new Paragraph(value);
        paragraph.addClassName("long-text");
        add(heading, paragraph);
    }

    private static Span strong(String text) {
        Span span = new Span(text);
        span.addClassName("strong");
        return span;
    }
}
