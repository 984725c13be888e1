package org.b2bforum.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void a_cell_that_starts_like_a_formula_is_shown_as_text() {
        assertThat(Csv.cell("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
        assertThat(Csv.cell("+7 999")).isEqualTo("\"'+7 999\"");
        assertThat(Csv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }

    @Test
    void a_cell_that_starts_with_a_tab_or_a_carriage_return_is_shown_as_text() {
        assertThat(Csv.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r'=1+1\"");
    }

    @Test
    void every_line_of_a_cell_that_starts_like_a_formula_is_shown_as_text() {
        assertThat(Csv.cell("Договор\n=HYPERLINK(\"http://x\")"))
                .isEqualTo("\"Договор\n'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("Договор\r\n+7 999")).isEqualTo("\"Договор\r\n'+7 999\"");
        assertThat(Csv.cell("Договор\r@A1")).isEqualTo("\"Договор\r'@A1\"");
    }

    @Test
    void plain_text_is_only_quoted() {
        assertThat(Csv.cell("ООО «Ромашка»; 5 = 5 - 1")).isEqualTo("\"ООО «Ромашка»; 5 = 5 - 1\"");
        assertThat(Csv.cell("Строка 1\nстрока 2")).isEqualTo("\"Строка 1\nстрока 2\"");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
