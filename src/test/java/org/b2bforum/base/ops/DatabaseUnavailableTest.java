package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.b2bforum.base.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What people see while the database cannot be reached: words, not a stack trace or "wrong password". */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTest {

    @Test
    void aRequestOutsideVaadinThatCannotReachTheDatabaseGetsA503PageInRussianAndEnglish() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest("GET", "/my-calendar.ics"), response,
                (req, res) -> {
                    throw new CannotCreateTransactionException("Could not open JPA EntityManager",
                            new SQLTransientConnectionException("embedded-mariadb - Connection is not available"));
                });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).contains("Ваши данные в сохранности")
                .contains("Your data is safe. Please try again in a minute.").doesNotContain("Exception");
    }

    @Test
    void aVisitorWhoChoseEnglishReadsThe503PageInEnglishFirstAndOthersInRussianFirst() throws Exception {
        MockHttpServletRequest english = new MockHttpServletRequest("GET", "/agenda");
        english.setCookies(new jakarta.servlet.http.Cookie("b2bforum-lang", "en"));
        MockHttpServletResponse inEnglish = new MockHttpServletResponse();
        MockHttpServletResponse inRussian = new MockHttpServletResponse();

        for (var exchange : java.util.Map.of(english, inEnglish, new MockHttpServletRequest("GET", "/agenda"), inRussian)
                .entrySet()) {
            new DatabaseUnavailableFilter().doFilter(exchange.getKey(), exchange.getValue(), (req, res) -> {
                throw new CannotCreateTransactionException("Could not open JPA EntityManager",
                        new SQLTransientConnectionException("embedded-mariadb - Connection is not available"));
            });
        }

        String en = inEnglish.getContentAsString();
        assertThat(en).contains("<html lang=\"en\">").contains("Сервис временно недоступен");
        assertThat(en.indexOf("The service is temporarily unavailable")).isLessThan(en.indexOf("Сервис временно"));
        String ru = inRussian.getContentAsString();
        assertThat(ru).contains("<html lang=\"ru\">").contains("The service is temporarily unavailable");
        assertThat(ru.indexOf("Сервис временно")).isLessThan(ru.indexOf("The service is temporarily unavailable"));
        assertThat(inEnglish.getStatus()).isEqualTo(503);
        assertThat(inEnglish.getHeader("Retry-After")).isEqualTo("30");
    }

    @Test
    void aCalendarFeedAskedForWhileTheDatabaseIsAwayIsLoggedWithoutItsToken(CapturedOutput output) throws Exception {
        String token = Tokens.newToken();

        new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest("GET", "/calendar/" + token + ".ics"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new CannotCreateTransactionException("Could not open JPA EntityManager",
                            new SQLTransientConnectionException("embedded-mariadb - Connection is not available"));
                });

        assertThat(output.getAll()).contains("Database unavailable for /calendar/…").doesNotContain(token)
                .doesNotContain(token.substring(0, 20));
    }

    @Test
    void onlyARoutesWordsAndNumbersAreKeptOfAPathForTheLog() {
        String token = Tokens.newToken();

        assertThat(Tokens.redactedPath("/reset-password/" + token)).isEqualTo("/reset-password/…");
        assertThat(Tokens.redactedPath("fair/scan/" + token)).isEqualTo("fair/scan/…");
        assertThat(Tokens.redactedPath("/companies/42")).isEqualTo("/companies/42");
        assertThat(Tokens.redactedPath("/my-calendar.ics")).isEqualTo("/my-calendar.ics");
        assertThat(Tokens.redactedPath("/VAADIN/push")).isEqualTo("/VAADIN/push");
    }

    @Test
    void otherFailuresPassThroughTheFilter() {
        assertThatThrownBy(() -> new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest(),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLogInThatCannotReadTheAccountsSaysUnavailableAndAWrongPasswordSaysError() throws Exception {
        UnavailableAwareLoginFailureHandler handler = new UnavailableAwareLoginFailureHandler();
        MockHttpServletResponse down = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), down,
                new InternalAuthenticationServiceException("Could not open JPA EntityManager",
                        new CannotCreateTransactionException("down")));
        MockHttpServletResponse wrong = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), wrong,
                new BadCredentialsException("Bad credentials"));

        assertThat(down.getRedirectedUrl()).isEqualTo("/login?unavailable");
        assertThat(wrong.getRedirectedUrl()).isEqualTo("/login?error");
    }
}
