package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DznReaderTest {

    static final String SMALL = """
            % a comment
            nBusiness = 4;
            nMeetings = 3;
            nTables = 2;
            nTotalSlots = 5;
            nMorningSlots = 3;

            requested = [|1, 2,1,\s
            |2, 3,2,\s
            |4, 1,3,\s
            |];

            meetingsxBusiness = [{1,2,3},{1,2},{2},{3}];
            nMeetingsBusiness = [2,2,1,1];

            forbidden = [{0},
            {0,2},
            {},
            {1..2}];

            fixed = [0,4,0];

            precedences = [{},
            {},
            {1,2}];
            """;

    @Test
    void readsEveryParameter() {
        SchedulingProblem problem = DznReader.parse(SMALL);
        assertThat(problem.participants()).isEqualTo(4);
        assertThat(problem.slots()).isEqualTo(5);
        assertThat(problem.morningSlots()).isEqualTo(3);
        assertThat(problem.tablesPerSlot()).containsExactly(2, 2, 2, 2, 2);
        assertThat(problem.fairness()).isEqualTo(SchedulingProblem.DEFAULT_FAIRNESS);
        assertThat(problem.meetings()).containsExactly(
                new MeetingRequest(0, 1, SessionPreference.MORNING, MeetingRequest.FREE, Set.of()),
                new MeetingRequest(1, 2, SessionPreference.AFTERNOON, 3, Set.of()),
                new MeetingRequest(3, 0, SessionPreference.ANY, MeetingRequest.FREE, Set.of(0, 1)));
        // 0 is padding; slots become 0-based
        assertThat(problem.forbidden()).containsExactly(Set.of(), Set.of(1), Set.of(), Set.of(0, 1));
    }

    @Test
    void readsASharedInstance() throws URISyntaxException, java.io.IOException {
        SchedulingProblem problem = DznReader.read(resource("tic-12.original.dzn"));
        assertThat(problem.participants()).isEqualTo(42);
        assertThat(problem.meetings()).hasSize(125);
        assertThat(problem.slots()).isEqualTo(8);
        assertThat(problem.tablesPerSlot()).containsOnly(21);
        assertThat(problem.meetings().get(0)).isEqualTo(MeetingRequest.of(0, 7));
    }

    @Test
    void rejectsInconsistentFiles() {
        assertThatThrownBy(() -> DznReader.parse(SMALL.replace("nMeetings = 3", "nMeetings = 4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nMeetings");
        assertThatThrownBy(() -> DznReader.parse(SMALL.replace("nTotalSlots = 5;", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nTotalSlots");
        assertThatThrownBy(() -> DznReader.parse(SMALL.replace("|4, 1,3,", "|4, 9,3,")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("participant");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(DznReaderTest.class.getResource("/scheduling/" + name).toURI());
    }
}
