package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The scheduler's warm-up: its made-up day, and what running it leaves behind. */
class SchedulerWarmUpTest {

    @Test
    void theMadeUpDayIsTheSameEveryTimeWithSessionsForbiddenSlotsAndBusyParticipants() {
        SchedulingProblem day = SchedulerWarmUp.day();

        assertThat(SchedulerWarmUp.day().meetings()).isEqualTo(day.meetings());
        assertThat(day.meetings()).hasSize(140);
        assertThat(day.meetings()).extracting(MeetingRequest::session)
                .contains(SessionPreference.MORNING, SessionPreference.AFTERNOON, SessionPreference.ANY);
        assertThat(day.forbidden()).filteredOn(slots -> !slots.isEmpty()).hasSize(8);
        int[] meetingsOf = new int[day.participants()];
        day.meetings().forEach(m -> {
            meetingsOf[m.first()]++;
            meetingsOf[m.second()]++;
        });
        assertThat(Arrays.stream(meetingsOf).max().orElseThrow()).isEqualTo(9);
    }

    @Test
    void warmingUpLoadsTheNativeLibraryAndBuildsTheMadeUpDayAtLeastAsWellAsTheFloor() throws Exception {
        SchedulingProblem day = SchedulerWarmUp.day();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        int floorPlaced = CpSatModel.placedCount(CpSatScheduler.floor(analysis, 0.05));

        // this JVM's one warm-up (here, or before in another test: SchedulerCommandTest's command warms up too),
        // checked on what it built instead of a second run (~1 CPU second, bench/README.md stop 40)
        SchedulerWarmUp.runOnce();
        ScheduleResult built = SchedulerWarmUp.built();

        assertThat(built).as("the warm-up's build").isNotNull();
        assertThat(CpSatScheduler.nativesLoaded()).isTrue();
        ScheduleChecker.assertValid(day, built);
        assertThat(built.placements().size()).isGreaterThanOrEqualTo(floorPlaced);
    }

    @Test
    void theCpSatSchedulerWarmsUpOncePerJvmTheOthersHaveNothingToDo() throws Exception {
        new CpSatScheduler().warmUp();
        new GreedyScheduler().warmUp();

        assertThat(CpSatScheduler.nativesLoaded()).isTrue();
        assertThat(SchedulerWarmUp.runOnce()).as("warmed up again").isFalse();
    }
}
