package org.b2bforum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.b2bforum.base.security.FormLogIn;

/**
 * What a long database freeze does to a node's threads (review58, docs/security.md): against a running demo forum, logs
 * a company in over HTTP, stops the application's mariadbd with SIGSTOP, sends {@code CLICKS} signed-in page loads at
 * once (each waits for its session check), and every 2 s while the database stays stopped asks what needs no database
 * (liveness, the log-in page, an icon) and readiness, each with a 5 s time-out, printing each answer's status and time.
 * Sends SIGCONT after {@code STOP_SECONDS} and prints the clicks' answers (status, body kind, times). Arguments:
 * {@code PORT MARIADBD_PID CLICKS STOP_SECONDS}; the pid is that of the mariadbd whose command line names the
 * application's data directory (stop only your own). Run with {@code bench/run-java-class}.
 */
public final class FrozenDatabaseThreads {

    private FrozenDatabaseThreads() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mariadbd = args[1];
        int clicks = Integer.parseInt(args[2]);
        long stopMillis = Long.parseLong(args[3]) * 1000;
        String site = "http://localhost:" + port;
        HttpClient signedIn = FormLogIn.logIn(port, "info@mosdorservis.ru", "demo-company-2026");
        HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.println("before: " + probe(anonymous, site + "/actuator/health/readiness"));

        signal("STOP", mariadbd);
        long stopped = System.nanoTime();
        System.out.println("SIGSTOP " + mariadbd);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            long sent = System.nanoTime();
            answers.add(signedIn.sendAsync(HttpRequest.newBuilder(URI.create(site + "/meetings"))
                            .timeout(Duration.ofSeconds(150)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> failure != null ? "failed " + failure.getClass().getSimpleName()
                            : response.statusCode() + (response.body().contains("Vaadin-Refresh") ? " refresh"
                                    : response.body().contains("busy right now") ? " busy page" : " page")
                            + " after " + seconds(sent)));
        }
        Thread.sleep(3000);
        while (System.nanoTime() - stopped < stopMillis * 1_000_000) {
            System.out.printf("%5.1f s  liveness %s | login %s | icon %s | readiness %s%n",
                    (System.nanoTime() - stopped) / 1e9, probe(anonymous, site + "/actuator/health/liveness"),
                    probe(anonymous, site + "/login"), probe(anonymous, site + "/icons/favicon.svg"),
                    probe(anonymous, site + "/actuator/health/readiness"));
            Thread.sleep(2000);
        }
        signal("CONT", mariadbd);
        System.out.printf("SIGCONT after %.1f s%n", (System.nanoTime() - stopped) / 1e9);
        for (int i = 0; i < 5; i++) {
            System.out.println("after: readiness " + probe(anonymous, site + "/actuator/health/readiness"));
            Thread.sleep(1000);
        }
        Map<String, List<Double>> kinds = new TreeMap<>();
        for (CompletableFuture<String> answer : answers) {
            String line = answer.get();
            int after = line.indexOf(" after ");
            kinds.computeIfAbsent(after < 0 ? line : line.substring(0, after), kind -> new ArrayList<>())
                    .add(after < 0 ? 0 : Double.parseDouble(line.substring(after + 7, line.length() - 2)));
        }
        kinds.forEach((kind, times) -> {
            times.sort(null);
            System.out.printf("clicks answered %s: %d, after %.1f / %.1f / %.1f s (min / median / max)%n", kind,
                    times.size(), times.getFirst(), times.get(times.size() / 2), times.getLast());
        });
    }

    private static String probe(HttpClient client, String address) {
        long sent = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() + " in " + seconds(sent);
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ") in " + seconds(sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String seconds(long sentNanos) {
        return "%.1f s".formatted((System.nanoTime() - sentNanos) / 1e9);
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
    }
}
