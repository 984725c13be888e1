package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneCsvAndOneLinePerInstance() throws Exception {
        Path file = dir.resolve("small.original.dzn");
        Files.writeString(file, DznReaderTest.SMALL);
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = SchedulerCommand.run(new String[] {"--time-limit", "10", "--out", out.toString(), file.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();

        String line = stdout.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).matches("small\\.original,3,3,\\d+,\\d+,\\d+,(true|false),\\d+\\.\\d{2}");
        List<String> csv = Files.readAllLines(out.resolve("small.original.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo("meeting,slot,table");
        SchedulingProblem problem = DznReader.parse(DznReaderTest.SMALL);
        for (int m = 0; m < 3; m++) {
            String[] row = csv.get(m + 1).split(",");
            assertThat(row).hasSize(3);
            assertThat(Integer.parseInt(row[0])).isEqualTo(m + 1);
            int slot = Integer.parseInt(row[1]);
            int table = Integer.parseInt(row[2]);
            assertThat(slot).isBetween(1, problem.slots());
            assertThat(table).isBetween(1, 2);
        }
        // the fixed meeting (2) sits in slot 4, 1-based; meeting 3 comes after meetings 1 and 2
        assertThat(csv.get(2)).startsWith("2,4,");
        int slot3 = Integer.parseInt(csv.get(3).split(",")[1]);
        assertThat(slot3).isGreaterThan(4);
    }

    @Test
    void rejectsAMissingOutputDirectory() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = SchedulerCommand.run(new String[] {"x.dzn"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Usage");
    }

    @Test
    void namesDropOnlyTheDznExtension() {
        assertThat(SchedulerCommand.name(Path.of("/a/b/forum-13.original.dzn"))).isEqualTo("forum-13.original");
        assertThat(SchedulerCommand.name(Path.of("tic-12.dzn"))).isEqualTo("tic-12");
    }
}
