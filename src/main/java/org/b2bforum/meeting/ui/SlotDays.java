package org.b2bforum.meeting.ui;

import java.time.LocalDate;
import java.util.List;

import org.b2bforum.meeting.SlotOption;

import com.vaadin.flow.component.select.Select;

/**
 * The request form's choice of a day ({@code day}) for its list of free times ({@code slot}), when they span several
 * days: all of them in one list were 141 times on a phone (35 free times in 4 halls over 3 days, ux52). Empty: all days.
 */
final class SlotDays {

    private final Select<LocalDate> day;
    private final Select<SlotOption> slot;
    private final ForumDates dates;

    SlotDays(Select<LocalDate> day, Select<SlotOption> slot, ForumDates dates) {
        this.day = day;
        this.slot = slot;
        this.dates = dates;
        day.setId("request-day");
        day.setLabel(day.getTranslation("meetings.other-time.day"));
        day.setEmptySelectionAllowed(true);
        day.setEmptySelectionCaption(day.getTranslation("request-meeting.all-days"));
        day.setItemLabelGenerator(d -> d == null ? day.getTranslation("request-meeting.all-days") : dates.day(d));
        day.setWidth("min(100%, 28em)");
        day.setVisible(false);
        day.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                filter();
            }
        });
    }

    /** The days of these options to choose from, when there are several; the day chosen kept while it has times. */
    void show(List<SlotOption> options) {
        List<LocalDate> days = options.stream().map(o -> dates.day(o.startsAt())).distinct().toList();
        if (!days.equals(day.getListDataView().getItems().toList())) {
            LocalDate chosen = day.getValue();
            day.setItems(days);
            day.setValue(days.contains(chosen) ? chosen : null);
            day.setVisible(days.size() > 1);
        }
        if (day.getValue() != null) {
            filter();
        }
    }

    /** Lists only the chosen day's times (all with no day chosen); a time chosen on another day is let go. */
    private void filter() {
        LocalDate chosen = day.getValue();
        slot.getListDataView().setFilter(chosen == null ? null : o -> dates.day(o.startsAt()).equals(chosen));
        if (chosen != null && slot.getValue() != null && !dates.day(slot.getValue().startsAt()).equals(chosen)) {
            slot.setValue(null);
        }
    }
}
