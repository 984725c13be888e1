package org.b2bforum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (each feature package's package-info): no cycles, other modules' internals
 * only through named interfaces, only the allowed dependencies. The module documentation in
 * docs/modules is written by this test, so a change of structure shows up in {@code git status}.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    private static final Path GENERATED = Path.of("target", "modulith-docs");
    private static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void modules_keep_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void module_documentation_is_written_to_docs_modules() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Files.createDirectories(COMMITTED);
        try (Stream<Path> old = Files.list(COMMITTED)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> generated = Files.list(GENERATED)) {
            for (Path file : generated.toList()) {
                Files.write(COMMITTED.resolve(file.getFileName()), sorted(Files.readAllLines(file)));
            }
        }
    }

    /**
     * The Documenter lists components, relations and bean references in hash order, which changes from
     * run to run; sorted, the committed files change only when the structure does.
     */
    private static List<String> sorted(List<String> lines) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int end = i + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            List<String> run = new ArrayList<>(lines.subList(i, end));
            boolean tableCell = run.get(0).startsWith("|* ");
            if (tableCell) {
                run.set(0, run.get(0).substring(1));
            }
            if (kind != null) {
                run.sort(null);
            }
            if (tableCell) {
                run.set(0, "|" + run.get(0));
            }
            result.addAll(run);
            i = end;
        }
        return result;
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Rel(")) {
            return "Rel";
        }
        if (trimmed.startsWith("Component(")) {
            return "Component";
        }
        if (line.startsWith("* `") || line.startsWith("|* `")) {
            return "item";
        }
        return null;
    }
}
