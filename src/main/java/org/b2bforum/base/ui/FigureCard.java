package org.b2bforum.base.ui;

import java.text.NumberFormat;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One figure as a card: a big number over a short label ("12 / 40" over "delegates checked in"). Lay them out
 * in a {@link #grid()}; the forum results and the schedule review use the same cards.
 */
public class FigureCard extends Div {

    /** A card with its id, its value and its (already translated) label. */
    public FigureCard(String id, String value, String label) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        Span text = new Span(label);
        text.addClassName("figure-label");
        add(number, text);
        setId(id);
        addClassName("figure-card");
    }

    /**
     * A count as the locale groups it ("2 520", "2,520"), as the page's texts show it (their numbers go through the
     * translations' message format): the cards showed "2520" beside "2 100".
     */
    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An empty container that lays the cards out in columns, wrapping on a phone. */
    public static Div grid() {
        Div grid = new Div();
        grid.addClassName("figure-cards");
        return grid;
    }
}
