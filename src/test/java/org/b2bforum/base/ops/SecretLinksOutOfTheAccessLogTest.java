package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.b2bforum.base.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.StandardEnvironment;

/**
 * Tomcat's access log turned on as an operator would ({@code server.tomcat.accesslog.enabled}, Spring Boot's own
 * customizer adding the valve), on a real Tomcat that is asked for every kind of secret link: the log has the requests,
 * none of their tokens. Before, its request line ({@code %r} of the "common" pattern) wrote the links whole.
 */
class SecretLinksOutOfTheAccessLogTest {

    @TempDir
    Path logs;

    @Test
    void the_access_log_turned_on_writes_the_requests_of_secret_links_without_their_tokens() throws Exception {
        TomcatServerProperties tomcat = new TomcatServerProperties();
        tomcat.getAccesslog().setEnabled(true);
        tomcat.getAccesslog().setDirectory(logs.toString());
        tomcat.getAccesslog().setPattern("%h %l %u %t \"%r\" %s %b %U %q");
        tomcat.getAccesslog().setBuffered(false);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        // in the application's order: Spring Boot's customizer (order 0), then ours (the lowest precedence)
        new TomcatWebServerFactoryCustomizer(new StandardEnvironment(), new ServerProperties(), tomcat,
                new WebProperties()).customize(factory);
        new SecretLinksOutOfTheAccessLog().customize(factory);

        List<String> tokens = new ArrayList<>();
        WebServer server = factory.getWebServer();
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/calendar/%s.ics", "/calendar/%s.ics?lang=en", "/invitation/%s",
                    "/reset-password/%s", "/check-in/%s?continue", "/fair/scan/%s")) {
                String token = Tokens.newToken();
                tokens.add(token);
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                        + path.formatted(token))).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            server.stop();
        }

        String log = read(logs);
        assertThat(log).as("the requests are logged").contains("GET /calendar/…").contains("/invitation/…")
                .contains("/fair/scan/…");
        for (String token : tokens) {
            assertThat(log).doesNotContain(token).doesNotContain(token.substring(0, 16));
        }
    }

    private static String read(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }
}
