package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.base.security.Tokens;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/** Which parts of a log line are taken for a secret link's token, and which are left as they are. */
class SecretLinksOutOfTheLogTest {

    @Test
    void the_tokens_of_secret_links_are_masked_in_paths_parameters_and_alone() {
        String token = Tokens.newToken();

        assertThat(Tokens.withoutSecrets("GET \"/calendar/" + token + ".ics?lang=en\", parameters={masked}"))
                .isEqualTo("GET \"/calendar/….ics?lang=en\", parameters={masked}");
        assertThat(Tokens.withoutSecrets("Securing GET /fair/scan/" + token)).isEqualTo("Securing GET /fair/scan/…");
        assertThat(Tokens.withoutSecrets("POST /?v-r=init&location=invitation%2F" + token + "&query="))
                .isEqualTo("POST /?v-r=init&location=invitation%2F…&query=");
        assertThat(Tokens.withoutSecrets("Saved request http://forum/check-in/" + token + "?continue to session"))
                .isEqualTo("Saved request http://forum/check-in/…?continue to session");
        assertThat(Tokens.withoutSecrets("route parameters {token=" + token + "}"))
                .isEqualTo("route parameters {token=…}");
    }

    @Test
    void every_new_token_is_masked_also_standing_alone_without_its_route() {
        // about one random 43-character token in 1,500 has no digit (or, far more rarely, not both cases), and was
        // written whole when a line named it without its route (review65's doubt): 30,000 draws met some 20 of them
        for (int i = 0; i < 30_000; i++) {
            String token = Tokens.newToken();
            assertThat(Tokens.withoutSecrets("token=" + token + " of delegate 7")).as(token)
                    .isEqualTo("token=… of delegate 7");
        }
    }

    @Test
    void words_names_hashes_and_ids_are_left_as_they_are() {
        String line = "o.s.web.servlet.DispatcherServlet : Completed 200 OK /companies/42 "
                + "ThreadPoolTaskSchedulerCustomizerConfigurations event_publication_completion_date_index_abcdef "
                + Tokens.hash("x") + " 4f1c2e0a-5b7d-4e8f-9a3b-2c1d0e9f8a7b";

        assertThat(Tokens.withoutSecrets(line)).isEqualTo(line);
    }

    @Test
    void a_line_of_the_log_is_masked_unless_it_names_a_published_demo_link() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%m");
        pattern.start();
        SecretLinksOutOfTheLog.Masking masking = new SecretLinksOutOfTheLog.Masking(pattern);
        Logger logger = context.getLogger("demo");
        String link = "http://localhost:8080/check-in/" + Tokens.newToken();

        LoggingEvent secret = new LoggingEvent(null, logger, Level.DEBUG, "Securing GET {}", null, new Object[] {link});
        LoggingEvent demo = new LoggingEvent(null, logger, Level.INFO, "Demo check-in link: {}", null,
                new Object[] {link});
        demo.addMarker(Tokens.PUBLISHED_DEMO_LINK);

        assertThat(masking.doLayout(secret)).isEqualTo("Securing GET http://localhost:8080/check-in/…");
        // README: the start-up log shows two demo check-in links to try
        assertThat(masking.doLayout(demo)).isEqualTo("Demo check-in link: " + link);
    }
}
