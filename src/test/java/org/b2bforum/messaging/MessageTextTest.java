package org.b2bforum.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void empty_too_long_and_control_characters_are_refused_with_their_reason() {
        assertThatThrownBy(() -> MessageText.normalized("  \n ")).hasMessage("messages.error.empty");
        assertThatThrownBy(() -> MessageText.normalized(null)).hasMessage("messages.error.empty");
        assertThatThrownBy(() -> MessageText.normalized("я".repeat(2001))).hasMessage("messages.error.too-long");
        assertThatThrownBy(() -> MessageText.normalized("bell\u0007")).hasMessage("messages.error.control-characters");
        assertThatThrownBy(() -> MessageText.normalized("right\u202Eto left"))
                .hasMessage("messages.error.control-characters");
    }

    @Test
    void line_breaks_tabs_and_emoji_are_kept_and_the_text_trimmed() {
        assertThat(MessageText.normalized(" Добрый день!\r\n\tСм. план 👍 ")).isEqualTo("Добрый день!\n\tСм. план 👍");
        assertThat(MessageText.normalized("я".repeat(2000))).hasSize(2000);
    }
}
