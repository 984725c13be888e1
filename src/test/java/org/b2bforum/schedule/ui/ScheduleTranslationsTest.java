package org.b2bforum.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.b2bforum.schedule.DayProblem;
import org.b2bforum.schedule.ScheduleReview;
import org.b2bforum.schedule.ScheduleRunStatus;
import org.b2bforum.schedule.WishPriority;
import org.b2bforum.optimizer.Unplaced;
import org.junit.jupiter.api.Test;

/** Every reason, priority, status, kind and plural form the schedule pages put together at run time has its words. */
class ScheduleTranslationsTest {

    @Test
    void every_key_made_at_run_time_exists_in_both_languages() throws IOException {
        List<String> keys = new ArrayList<>();
        Stream.of(Unplaced.Reason.values()).forEach(r -> keys.add("schedule.reason." + r.name()));
        Stream.of(WishPriority.values()).forEach(p -> keys.add(p.translationKey()));
        Stream.of(ScheduleRunStatus.values()).forEach(s -> keys.add(s.translationKey()));
        Stream.of(DayProblem.Kind.values()).forEach(k -> keys.add("schedule.kind." + k.name()));
        Stream.of(ScheduleReview.CellKind.values()).forEach(k -> keys.add("schedule.cell." + k.name()));
        Stream.of("one", "few", "many").forEach(form -> keys.add("schedule.meetings." + form));

        for (String language : List.of("ru", "en")) {
            Properties translations = new Properties();
            try (Reader reader = new InputStreamReader(getClass().getClassLoader()
                    .getResourceAsStream("vaadin-i18n/translations_" + language + ".properties"), StandardCharsets.UTF_8)) {
                translations.load(reader);
            }
            assertThat(keys).filteredOn(key -> !translations.containsKey(key)).as("missing in %s", language).isEmpty();
        }
    }
}
