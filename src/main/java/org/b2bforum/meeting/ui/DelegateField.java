package org.b2bforum.meeting.ui;

import java.util.List;
import java.util.Set;

import org.b2bforum.meeting.DelegateChoice;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;

/** Who of the company's delegates attends a meeting: one box per delegate, the first one ticked. */
final class DelegateField {

    private DelegateField() {
    }

    static void setUp(CheckboxGroup<DelegateChoice> field, List<DelegateChoice> mine, String label,
            String errorMessage) {
        field.setLabel(label);
        field.setItems(mine);
        field.setItemLabelGenerator(d -> d.fullName() + (d.position() == null ? "" : " — " + d.position()));
        field.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        field.setErrorMessage(errorMessage);
        if (!mine.isEmpty()) {
            field.setValue(Set.of(mine.getFirst()));
        }
    }
}
