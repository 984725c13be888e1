package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forum's icon over real HTTP, without a log-in: the log-in page links it and browsers that ask for
 * /favicon.ico get one (before, every page logged a 404 for it). Shares the server of the browser journeys.
 */
@RunningServerTest
class FaviconHttpIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void the_icon_is_served_to_anyone_and_linked_from_the_log_in_page() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith(0, 0, 1, 0);

        HttpResponse<byte[]> svg = get("/icons/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));

        HttpResponse<byte[]> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("<link[^>]*icons/favicon\\.svg[^>]*>").matcher(new String(login.body()));
        assertThat(link.find()).as("the page links the icon").isTrue();
        assertThat(link.group()).contains("rel=\"icon\"");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
