package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Texts read back from one aggregated column whole, whatever they hold (review57). */
class SqlTextTest {

    @Test
    void a_list_reads_back_each_text_whole_whatever_separators_and_characters_it_holds() {
        // as MariaDB writes it: each text's length in characters (🙂 is one, two Java chars), a colon, the text
        assertThat(SqlText.texts("5:А|Б:В7:12:3, 🙂0:2:|:")).containsExactly("А|Б:В", "12:3, 🙂", "", "|:");
        assertThat(SqlText.texts(null)).isEmpty();
    }
}
