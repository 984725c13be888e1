package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.ArchConfiguration;

/**
 * The module boundaries (each feature package's package-info): no cycles, other modules' internals
 * only through named interfaces, only the allowed dependencies. The module documentation in
 * docs/modules is checked against the code at every run: the overview diagram and each module's
 * canvas are drawn again and compared with the committed files, so a change of structure fails here
 * until the documentation is written again with {@code -Db2bforum.modulith.docs=true}
 * ({@code ./mvnw -B -o test -Dtest=ModularityTests -Db2bforum.modulith.docs=true}), which writes all of it.
 */
class ModularityTests {

    /**
     * The application's classes imported whole, and of the classes they name outside it (Spring's, the JDK's, the
     * libraries') only what the modules' model reads: their annotations (Spring's stereotypes, met through
     * meta-annotations) and supertypes, not their fields', methods' and generic signatures' types nor what they call,
     * which ArchUnit would otherwise import one level deep (stop 53: the class's CPU 5.8 s against 8.2 s, load ~12;
     * the same documentation, and the same violations when base names a type of announcement). On this thread and
     * for this import only: CompanyRowsOwnerTest's rules ask assignability of such types.
     */
    private static final ApplicationModules MODULES = ArchConfiguration.withThreadLocalScope(configuration -> {
        for (String kind : new String[] {"MemberTypes", "AccessesToTypes", "GenericSignatureTypes"}) {
            configuration.setProperty("import.dependencyResolutionProcess.maxIterationsFor" + kind, "0");
        }
        return ApplicationModules.of(Application.class);
    });

    private static final Path GENERATED = Path.of("target", "modulith-docs");
    private static final Path COMMITTED = Path.of("docs", "modules");
    private static final boolean WRITE = Boolean.getBoolean("b2bforum.modulith.docs");

    @Test
    void modules_keep_their_boundaries() {
        MODULES.verify();
    }

    /**
     * Without the property only the overview (components.puml) and the canvases (module-*.adoc) are drawn:
     * about a third of the Documenter's time (0.6 s and 0.6 s of 3.7 s on a loaded machine). The per-module
     * diagrams (module-*.puml, 2.4 s) are drawn from the same dependencies as the overview.
     */
    @Test
    void module_documentation_in_docs_modules_matches_the_code() throws IOException {
        deleteAll(GENERATED);
        Documenter documenter = new Documenter(MODULES,
                Documenter.Options.defaults().withOutputFolder(GENERATED.toString()));
        if (WRITE) {
            documenter.writeDocumentation();
            Files.createDirectories(COMMITTED);
            deleteAll(COMMITTED);
            try (Stream<Path> generated = Files.list(GENERATED)) {
                for (Path file : generated.toList()) {
                    Files.write(COMMITTED.resolve(file.getFileName()), sorted(Files.readAllLines(file)));
                }
            }
            return;
        }
        documenter.writeModulesAsPlantUml().writeModuleCanvases();
        List<String> stale = new ArrayList<>();
        try (Stream<Path> generated = Files.list(GENERATED)) {
            for (Path file : generated.sorted().toList()) {
                Path committed = COMMITTED.resolve(file.getFileName());
                if (!Files.exists(committed)
                        || !sorted(Files.readAllLines(file)).equals(Files.readAllLines(committed))) {
                    stale.add(committed.toString());
                }
            }
        }
        // a module's canvas left behind after the module went away
        try (Stream<Path> committed = Files.list(COMMITTED)) {
            for (Path file : committed.sorted().toList()) {
                String name = file.getFileName().toString();
                boolean drawnHere = name.equals("components.puml")
                        || name.startsWith("module-") && name.endsWith(".adoc");
                if (drawnHere && !Files.exists(GENERATED.resolve(name))) {
                    stale.add(file.toString());
                }
            }
        }
        assertThat(stale).as("docs/modules is stale: ./mvnw -B -o test -Dtest=ModularityTests"
                + " -Db2bforum.modulith.docs=true writes it again").isEmpty();
    }

    private static void deleteAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> old = Files.list(directory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
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
