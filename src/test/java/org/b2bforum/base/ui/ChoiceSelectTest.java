package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.AbstractField.ComponentValueChangeEvent;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;

import tools.jackson.databind.JsonNode;

public class ChoiceSelectTest {

    enum Size { SMALL, LARGE }

    private final ChoiceSelect<Size> select = new ChoiceSelect<>(List.of(Size.values()), Size::name,
            s -> s == Size.SMALL ? "маленький" : "большой", "любой");

    /** The key of the item the user clicks, as the browser's select sends it back ({@code vaadin-select}'s value). */
    public static void choose(ChoiceSelect<?> select, String label) {
        String key = null;
        for (JsonNode item : (JsonNode) select.getElement().getPropertyRaw("items")) {
            if (item.get("label").asString().equals(label)) {
                // an item without a value (the empty choice) is read by its label in the browser (vaadin-item)
                key = item.get("value").asString().isEmpty() ? label : item.get("value").asString();
            }
        }
        if (key == null) {
            throw new AssertionError("No choice " + label + " in " + select.getElement().getPropertyRaw("items"));
        }
        try {
            ElementPropertyMap.getModel(select.getElement().getNode()).deferredUpdateFromClient("value", key).run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_browser_draws_the_choices_from_one_list_of_labels_and_keys_the_empty_one_first() {
        JsonNode items = (JsonNode) select.getElement().getPropertyRaw("items");

        assertThat(items.toString()).isEqualTo("[{\"label\":\"любой\",\"value\":\"\"},"
                + "{\"label\":\"маленький\",\"value\":\"SMALL\"},{\"label\":\"большой\",\"value\":\"LARGE\"}]");
        assertThat(select.getElement().getProperty("placeholder")).isEqualTo("любой");
        assertThat(select.getElement().getTag()).isEqualTo("vaadin-select");
    }

    @Test
    void a_choice_is_one_element_where_vaadins_select_keeps_an_element_and_a_text_for_each() {
        int[] nodes = new int[1];
        select.getElement().getNode().visitNodeTree(n -> nodes[0]++);
        Select<Size> vaadins = new Select<>();
        vaadins.setEmptySelectionAllowed(true);
        vaadins.setItems(Size.values());
        int[] vaadinsNodes = new int[1];
        vaadins.getElement().getNode().visitNodeTree(n -> vaadinsNodes[0]++);

        assertThat(nodes[0]).isEqualTo(1);
        assertThat(vaadinsNodes[0]).isGreaterThan(3);
    }

    @Test
    void the_users_choice_comes_back_as_the_choice_and_the_empty_one_as_none() {
        List<ComponentValueChangeEvent<ChoiceSelect<Size>, Size>> events = new ArrayList<>();
        select.addValueChangeListener(events::add);

        choose(select, "большой");
        assertThat(select.getValue()).isEqualTo(Size.LARGE);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.isFromClient()).isTrue());

        choose(select, "любой");
        assertThat(select.getValue()).isNull();
        assertThat(events).hasSize(2);
    }

    @Test
    void a_value_set_on_the_server_is_sent_as_its_key_and_none_as_empty() {
        select.setValue(Size.SMALL);
        assertThat(select.getElement().getProperty("value")).isEqualTo("SMALL");

        select.setValue(null);
        assertThat(select.getElement().getProperty("value")).isEmpty();
    }
}
