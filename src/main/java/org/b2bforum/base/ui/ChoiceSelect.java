package org.b2bforum.base.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A drop-down of a few fixed choices (a filter's countries, sectors, sort orders): the browser's {@code vaadin-select}
 * drawn from its {@code items} property, one list of labels and keys, where Vaadin's {@code Select} keeps a list box and
 * an item element (with its text node) on the server for every choice. The user sees the same select. Those elements
 * were most of the nodes a page held that stays open in a tab and is shown again: the directory's three selects were
 * 22 items, 11 KB of the 44 KB its re-opening after "Send" answered at the booking window's rush, each built and
 * sent again whenever the page comes back, and kept in every tab's heap meanwhile (bench/README.md, issue 17).
 * <p>
 * The choices' keys are what the browser sends back; a key that is none of them (the empty choice, whose item the
 * browser reads by its label) is no choice ({@code null}).
 */
@Tag("vaadin-select")
public class ChoiceSelect<T> extends AbstractSinglePropertyField<ChoiceSelect<T>, T> implements HasLabel, HasSize {

    private final List<T> choices;
    private final Function<T, String> key;

    /**
     * @param choices     in the order shown
     * @param key         a choice's key, unique among them and not blank (an enum's name)
     * @param label       what the user reads for a choice
     * @param emptyChoice the label of "no choice", shown first and when nothing is chosen; null: no such choice
     */
    public ChoiceSelect(List<T> choices, Function<T, String> key, Function<T, String> label, String emptyChoice) {
        super("value", null, String.class, ChoiceSelect::choiceOf, ChoiceSelect::keyOf);
        this.choices = List.copyOf(choices);
        this.key = key;
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        if (emptyChoice != null) {
            items.addObject().put("label", emptyChoice).put("value", "");
            getElement().setProperty("placeholder", emptyChoice);
        }
        for (T choice : this.choices) {
            items.addObject().put("label", label.apply(choice)).put("value", key.apply(choice));
        }
        getElement().setPropertyJson("items", items);
    }

    /** The choices, in the order shown. */
    public List<T> getChoices() {
        return choices;
    }

    private static <T> T choiceOf(ChoiceSelect<T> select, String presentation) {
        if (presentation == null || presentation.isEmpty()) {
            return null;
        }
        return select.choices.stream().filter(c -> Objects.equals(select.key.apply(c), presentation)).findFirst()
                .orElse(null);
    }

    private static <T> String keyOf(ChoiceSelect<T> select, T choice) {
        return choice == null ? "" : select.key.apply(choice);
    }
}
