package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the server adds to every answer, over real HTTP: the security headers, a SameSite session
 * cookie, the log-in form's CSRF check and the limit on request bodies. Shares the server of the
 * browser journeys.
 */
@RunningServerTest
class SecurityHeadersHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @Test
    void pages_carry_the_security_headers_and_the_session_cookie_is_same_site() throws Exception {
        HttpResponse<String> page = FormLogIn.client().send(get("/login"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"));
    }

    /**
     * A page is never stored; the files it loads (Vaadin's bundle, the style sheets) are reused while their
     * Cache-Control says so, without asking the server again: "Pragma: no-cache" beside it (Spring Security's
     * default) made Chromium revalidate all of them at every page load.
     */
    @Test
    void pages_are_not_cached_and_the_bundle_and_style_sheets_they_load_are_reused_without_asking_again()
            throws Exception {
        HttpClient client = FormLogIn.client();
        HttpResponse<String> page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Cache-Control")).singleElement()
                .isEqualTo(SecurityConfiguration.NOT_CACHED);

        List<String> files = Pattern.compile("(?:src|href)=\"\\./((?:VAADIN/build/|lumo/|styles/)[^\"]+)\"")
                .matcher(page.body()).results().map(match -> match.group(1)).toList();
        assertThat(files).as("the bundle's entry and the style sheets of " + page.body())
                .anyMatch(file -> file.startsWith("VAADIN/build/")).anyMatch(file -> file.startsWith("styles/"));
        for (String file : files) {
            HttpResponse<Void> loaded = client.send(get("/" + file), HttpResponse.BodyHandlers.discarding());
            assertThat(loaded.statusCode()).as(file).isEqualTo(200);
            assertThat(loaded.headers().allValues("Cache-Control")).as(file).singleElement()
                    .satisfies(cache -> assertThat(cache).matches("max-age=[1-9]\\d*(, immutable)?"));
            assertThat(loaded.headers().allValues("Pragma")).as(file).isEmpty();
            assertThat(loaded.headers().allValues("Expires")).as(file).isEmpty();
        }
    }

    @Test
    void a_log_in_posted_without_the_csrf_token_is_refused_and_the_form_with_it_logs_in() throws Exception {
        HttpClient foreign = FormLogIn.client();
        assertThat(FormLogIn.post(foreign, port, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD, null))
                .satisfies(SecurityHeadersHttpIT::backToTheLogInPage);
        assertThat(foreign.send(get("/registrations"), HttpResponse.BodyHandlers.discarding()))
                .as("not logged in").satisfies(SecurityHeadersHttpIT::backToTheLogInPage);

        HttpClient browser = FormLogIn.client();
        String token = FormLogIn.csrfToken(browser, port);
        assertThat(FormLogIn.post(browser, port, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD, "forged"))
                .satisfies(SecurityHeadersHttpIT::backToTheLogInPage);
        HttpResponse<Void> real = FormLogIn.post(browser, port, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD,
                token);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("login"));
    }

    @Test
    void an_address_that_is_no_page_reaches_the_application_for_a_logged_in_user_and_the_log_in_page_for_a_visitor()
            throws Exception {
        HttpClient browser = FormLogIn.logIn(port, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD);
        HttpResponse<String> page = browser.send(get("/no-such-page"), HttpResponse.BodyHandlers.ofString());

        // the application's page, which then shows PageNotFoundView (PageNotFoundViewTest), not Spring Security's
        // bare 403 that browsers show as an error of their own
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");

        assertThat(FormLogIn.client().send(get("/no-such-page"), HttpResponse.BodyHandlers.discarding()))
                .as("not logged in").satisfies(SecurityHeadersHttpIT::backToTheLogInPage);
    }

    @Test
    void an_address_the_server_refuses_shows_the_forums_own_page_in_both_languages_not_springs_default()
            throws Exception {
        HttpClient browser = FormLogIn.logIn(port, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD);

        // a double slash (a link pasted twice, a typo) is refused by Spring Security's firewall before any page
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("//registrations"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("Страница не открылась", "The page could not be opened",
                "<a href=\"/\">На главную</a>").doesNotContain("Whitelabel", "status=");
    }

    @Test
    void an_address_tomcat_refuses_before_the_application_shows_the_forums_own_page_too() throws Exception {
        // a Russian link cut in the middle of a letter, a stray percent sign, an encoded slash, an address over the
        // size of a request line: Tomcat refuses them itself (its English "HTTP Status 400 – Bad Request" before)
        for (String path : List.of("/companies/%D0", "/companies/1%ZZ", "/companies/%2F",
                "/directory?q=" + "a".repeat(9_000),
                // the calendar feed, open without logging in: a broken escape in its query sent the calendar app to
                // the log-in page and wrote an ERROR with its stack trace to the log (MalformedQueryFilter)
                "/calendar/no-such-token.ics?lang=%ZZ", "/directory?q=%D0")) {
            String answer = rawGet(path);

            assertThat(answer).as(path.substring(0, Math.min(40, path.length()))).startsWith("HTTP/1.1 400")
                    .containsPattern("(?i)content-type: text/html")
                    .contains("Страница не открылась", "The page could not be opened", "<a href=\"/\">На главную</a>")
                    .doesNotContain("HTTP Status 400", "Tomcat");
        }
    }

    /** The request as a browser sends what is typed, which Java's HttpClient refuses to (a broken escape). */
    private String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/html\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Spring Security answers a refused CSRF token of a visitor who is not logged in with the log-in page. */
    private static void backToTheLogInPage(HttpResponse<?> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).matches("http://localhost:\\d+/login(;jsessionid=\\w+)?"));
    }

    @Test
    void a_passphrase_longer_than_72_bytes_logs_in_through_the_form() throws Exception {
        String email = TestData.uniqueEmail("staff");
        accounts.createStaffAccount(email, AccountServiceTest.LONG_PASSPHRASE, "Сотрудник");

        FormLogIn.logIn(port, email, AccountServiceTest.LONG_PASSPHRASE);

        HttpClient browser = FormLogIn.client();
        HttpResponse<Void> truncated = FormLogIn.post(browser, port, email,
                AccountServiceTest.LONG_PASSPHRASE.replace("42", "43"), FormLogIn.csrfToken(browser, port));
        assertThat(truncated.headers().firstValue("Location").orElse("")).contains("error");
    }

    @Test
    void a_request_body_larger_than_the_limit_is_refused_before_it_is_read() throws Exception {
        // a raw request: it announces 10 MB and sends none of it, the answer must come all the same
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /VAADIN/dynamic/resource/0/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
