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
    void warmingUpLoadsTheNativeLibraryAndBuildsTheMadeUpDayAtLeastAsWellAsFirstFit() throws Exception {
        SchedulingProblem day = SchedulerWarmUp.day();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        // first fit itself, the promise (a build never places fewer): the floor's improvement of it runs for a time,
        // and a floor made here on a busy machine could place one more than the warm-up's own (seen at load 47)
        int firstFitPlaced = CpSatModel.placedCount(FirstFit.place(analysis));

        // this JVM's one warm-up (here, or before in another test: SchedulerCommandTest's command warms up too),
        // checked on what it built instead of a second run (~1 CPU second, bench/README.md stop 40)
        SchedulerWarmUp.runOnce();
        ScheduleResult built = SchedulerWarmUp.built();

        assertThat(built).as("the warm-up's build").isNotNull();
        assertThat(CpSatScheduler.nativesLoaded()).isTrue();
        ScheduleChecker.assertValid(day, built);
        assertThat(built.placements().size()).isGreaterThanOrEqualTo(firstFitPlaced);
    }

    @Test
    void theCpSatSchedulerWarmsUpOncePerJvmTheOthersHaveNothingToDo() throws Exception {
        new CpSatScheduler().warmUp();
        new GreedyScheduler().warmUp();

        assertThat(CpSatScheduler.nativesLoaded()).isTrue();
        assertThat(SchedulerWarmUp.runOnce()).as("warmed up again").isFalse();
    }
}
