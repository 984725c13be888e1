package org.b2bforum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Surefire's one test JVM (the pom's default since stop 48: {@code surefire.forks} 1, {@code surefire.parallel} true;
 * issue 16, bench/README.md): the Spring classes ({@link ForumSpringTest}) run one after another in one lane, since they share
 * one database, and every other class in a second lane beside them. The Spring lane is the longer one, so the second
 * lane's thread lowers its own scheduling priority (nice 10, Linux, through {@code renice} on the thread's id) before
 * its first class: the threads it starts (CP-SAT's workers, the annealing, the load tests' busy loops) inherit it, and
 * they take the cores the Spring lane leaves idle instead of sharing them with it. Off unless the configuration
 * parameter {@code b2bforum.background-lane} is true (surefire's configuration sets it with the lanes; failsafe's
 * parallel classes are not touched). Registered for every run ({@code META-INF/services}); a machine without
 * {@code renice} runs the lanes at one priority.
 */
public final class BackgroundLane implements TestExecutionListener {

    static final String PARAMETER = "b2bforum.background-lane";

    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

    private volatile boolean on;

    public BackgroundLane() {
    }

    /** A listener already told whether the lanes are on (tests). */
    BackgroundLane(boolean on) {
        this.on = on;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        on = testPlan.getConfigurationParameters().getBoolean(PARAMETER).orElse(false);
    }

    /** Called in the thread that runs the class (JUnit's executor notifies from the executing thread). */
    @Override
    public void executionStarted(TestIdentifier identifier) {
        TestSource source = identifier.getSource().orElse(null);
        if (source instanceof ClassSource classSource) {
            classStarted(classSource.getJavaClass());
        }
    }

    /** A test class starts in the calling thread: the first class of another lane than Spring's lowers it. */
    void classStarted(Class<?> testClass) {
        if (on && !LOWERED.get() && !springLane(testClass)) {
            LOWERED.set(true);
            lowerThisThread(10);
        }
    }

    /** A Spring class, or a class nested in one (its {@code @Nested} classes run in its lane). */
    static boolean springLane(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, ForumSpringTest.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code niceness} for the calling thread and the threads it starts afterwards (Linux's setpriority, which renice
     * calls, takes one thread's id); nothing where there is no renice.
     */
    public static void lowerThisThread(int niceness) {
        try {
            // "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            new ProcessBuilder("renice", "-n", String.valueOf(niceness), "-p", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or no renice: both lanes at the same priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
