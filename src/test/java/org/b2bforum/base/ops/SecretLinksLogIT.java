package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.b2bforum.RunningServerTest;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Every kind of secret link requested with DEBUG on for the loggers that write requests (Spring MVC's, Spring
 * Security's, Vaadin's, Tomcat's, ours): the log holds none of their tokens. Alone, as it turns DEBUG on for the whole
 * server. The pages open in a browser the journeys have given back (BrowserJourney): a Playwright and a Chromium
 * started for this class alone took about a second of failsafe's end, where nothing runs beside an isolated class
 * (bench/README.md, run-suite, stop 49).
 */
@Isolated
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLinksLogIT extends BrowserJourney {

    private static final List<String> REQUEST_LOGGERS = List.of("org.springframework.web",
            "org.springframework.security", "com.vaadin", "org.apache.catalina", "org.apache.coyote",
            "org.apache.tomcat", "org.b2bforum");

    @LocalServerPort
    int port;

    @Test
    void with_debug_on_no_secret_link_reaches_the_log(CapturedOutput output) throws Exception {
        List<String> tokens = new ArrayList<>();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        REQUEST_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            // a calendar app asks for its feed, and pages of secret links are loaded (their first request)
            for (String path : List.of("/calendar/%s.ics", "/calendar/%s.ics?lang=en", "/invitation/%s",
                    "/reset-password/%s", "/check-in/%s", "/fair/scan/%s")) {
                String token = Tokens.newToken();
                tokens.add(token);
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.formatted(token)))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            // and opened in a browser: Vaadin's navigation, the log-in's saved request of a check-in link
            try (BrowserContext browserContext = browser.newContext()) {
                Page page = browserContext.newPage();
                page.setDefaultTimeout(120_000);
                for (String route : List.of("invitation", "reset-password", "check-in", "fair/scan")) {
                    String token = Tokens.newToken();
                    tokens.add(token);
                    page.navigate("http://localhost:" + port + "/" + route + "/" + token);
                    Chromium.settle(page);
                }
            }
        } finally {
            REQUEST_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
        }

        String log = output.getAll();
        for (String token : tokens) {
            // before, Spring MVC's "GET "/invitation/<token>"", Spring Security's "Securing GET /calendar/<token>.ics"
            // and "Saved request .../check-in/<token>?continue", Vaadin's "location=invitation%2F<token>" wrote them
            assertThat(log).doesNotContain(token).doesNotContain(token.substring(0, 16));
        }
        assertThat(log).as("DEBUG wrote the requests").contains("/calendar/…").contains("invitation/…");
    }
}
