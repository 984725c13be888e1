package org.b2bforum.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the application under a benchmark, read with {@code jcmd} (shared by the UI load and
 * the push benchmarks): the heap in use after full GCs, a class histogram, and the least-squares slope
 * that turns heap figures at several session counts into the heap per session.
 */
final class AppHeap {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

    private final long pid;

    AppHeap(long pid) {
        this.pid = pid;
    }

    /** Heap used after two full GCs of the application, in KB ({@code jcmd GC.run}, {@code GC.heap_info}). */
    double afterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(500);
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Writes the class histogram to {@code file} and its largest lines to {@code out}. */
    void histogram(String file, PrintStream out) throws IOException, InterruptedException {
        String histogram = jcmd("GC.class_histogram");
        Files.writeString(Path.of(file), histogram);
        out.println("Largest classes on the heap (whole list in " + file + "):");
        histogram.lines().skip(2).limit(12).forEach(line -> out.println("  " + line.strip()));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }

    /** Least-squares slope of y over x. */
    static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** This machine's load average ({@code /proc/loadavg}), to print beside every figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
