package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;

/**
 * A click that waits long (the database frozen, the booking rush) shows words under the loading bar, in the page's
 * language: the browser writes them into a status element (read out by a screen reader) once the bar reaches its
 * third stage; AccessibilityIT proves it in Chromium.
 */
@ForumSpringTest
class SlowAnswerWordsTest extends ForumBrowserlessTest {

    @Autowired
    SlowAnswerWords words;

    @Test
    void a_page_carries_the_words_for_a_slow_answer_in_russian_first() {
        assertThat(wordsOfAPageIn(Languages.RUSSIAN))
                .isEqualTo("Сервис отвечает медленно. Подождите: страница скажет, чем всё закончилось.");
    }

    @Test
    void and_in_english_when_english_is_chosen() {
        assertThat(wordsOfAPageIn(Languages.ENGLISH))
                .isEqualTo("The service is answering slowly. Please wait: the page will tell you how it went.");
    }

    private String wordsOfAPageIn(Locale locale) {
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.getInternals().dumpPendingJavaScriptInvocations();
        words.install(ui);
        var invocation = ui.getInternals().dumpPendingJavaScriptInvocations().getLast().getInvocation();
        assertThat(invocation.getExpression()).as("a status element, announced when its words come")
                .contains("'role', 'status'").contains("id = '" + SlowAnswerWords.STATUS_ID + "'");
        return (String) invocation.getParameters().getFirst();
    }
}
