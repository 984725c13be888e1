package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The log-in form over real HTTP, as a browser sends it: the session cookie and the page's CSRF token. */
public final class FormLogIn {

    private FormLogIn() {
    }

    /** A client that keeps cookies and does not follow redirects. */
    public static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The CSRF token the log-in page gives this client (its session starts here). */
    public static String csrfToken(HttpClient client, int port) throws IOException, InterruptedException {
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the log-in page carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    /** Posts the log-in form; {@code csrfToken} null leaves the token out. */
    public static HttpResponse<Void> post(HttpClient client, int port, String email, String password, String csrfToken)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrfToken == null ? "" : "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Logs in through the form and checks it worked; the client then carries the session. */
    public static HttpClient logIn(int port, String email, String password) throws IOException, InterruptedException {
        HttpClient client = client();
        HttpResponse<Void> response = post(client, port, email, password, csrfToken(client, port));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }
}
