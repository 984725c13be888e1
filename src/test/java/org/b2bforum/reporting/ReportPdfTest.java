package org.b2bforum.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The results PDF's tables: a table's caption and header stay on the page of its first rows; lines break where a reader expects. */
class ReportPdfTest {

    @Test
    void a_table_whose_first_row_wraps_past_the_page_foot_starts_on_the_next_page_with_its_caption() throws IOException {
        ReportPdf pdf = new ReportPdf();
        pdf.newPage();
        // room left for a caption, a header and two one-line rows, not for a first row of eight lines
        pdf.space(pdf.y() - ReportPdf.BOTTOM - 80);
        String longTitle = "Круглый стол «Здравоохранение, социальная защита, образование и молодёжная политика "
                + "двух столиц: опыт, проекты и совместные программы на ближайшие годы»";
        pdf.table("Таблица", "Продолжение таблицы", "Круглые столы",
                List.of(new ReportPdf.Column("№", 0.5f, true), new ReportPdf.Column("Круглый стол", 1.5f, false),
                        new ReportPdf.Column("Записались", 1.2f, true)),
                List.of(List.of("1", longTitle, "3"), List.of("2", "Короткий", "1")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save("Отчёт", "Страница {0} из {1}", out);

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(page(document, 1)).doesNotContain("Таблица 1");
            assertThat(page(document, 2)).contains("Таблица 1 — Круглые столы", "Записались", "Короткий")
                    .doesNotContain("Продолжение таблицы");
        }
    }

    /** walked (ux87): the appendix read "Стройиндустрия-Подмо" over "сковье (Москва)", in both languages. */
    @Test
    void a_company_name_longer_than_its_column_breaks_after_its_hyphen_not_inside_a_word() throws IOException {
        try (ReportPdf pdf = new ReportPdf()) {
            String name = "Стройиндустрия-Подмосковье (Москва)";
            float column = ReportPdf.width("Стройиндустрия-Подмо", pdf.regular, 9) + 1;
            List<String> lines = ReportPdf.wrap(name, pdf.regular, 9, column);
            assertThat(lines.getFirst()).isEqualTo("Стройиндустрия-");
            assertThat(lines.get(1)).startsWith("Подмосковье");
            // a word without a hyphen still breaks where it must: two lines, each within the column
            assertThat(wrappedWithin(pdf, "Стройиндустрияподмосковье", column)).hasSize(2);
        }
    }

    /** A hyphen near the word's start is no place to break: "А-" alone on a line over the rest read worse. */
    @Test
    void a_word_breaks_after_its_hyphen_only_if_the_head_fills_about_half_the_line() throws IOException {
        try (ReportPdf pdf = new ReportPdf()) {
            float column = ReportPdf.width("А-Стройиндустрия", pdf.regular, 9) + 1;
            assertThat(wrappedWithin(pdf, "А-Стройиндустрияподмосковье", column).getFirst()).startsWith("А-Строй");
        }
    }

    /** A part after " · " longer than a line goes on after it: a new line there only left the first half empty. */
    @Test
    void text_breaks_after_the_middle_dot_only_where_the_next_part_then_fits_a_line() throws IOException {
        try (ReportPdf pdf = new ReportPdf()) {
            String text = "B-7 · Техника и технологии для дорожного строительства";
            float column = ReportPdf.width("B-7 · Техника и технологии", pdf.regular, 9) + 1;
            assertThat(ReportPdf.wrap(text, pdf.regular, 9, column)).startsWith("B-7 · Техника и технологии")
                    .satisfies(lines -> assertThat(String.join(" ", lines)).isEqualTo(text));
        }
    }

    /**
     * walked (ux87): the English exhibitors' table read "B-14, Hall B · Machinery" over "and technology", and the
     * Russian one "B-7, Павильон B · Техника" over "и технологии": a part after " · " goes whole onto the next line.
     */
    @Test
    void text_that_does_not_fit_breaks_after_the_middle_dot_keeping_each_part_whole() throws IOException {
        try (ReportPdf pdf = new ReportPdf()) {
            for (String[] stand : new String[][] {{"B-14, Hall B ·", "Machinery and technology"},
                    {"B-7, Павильон B ·", "Техника и технологии"}}) {
                String text = stand[0] + " " + stand[1];
                // room for all but the last word on the first line
                float column = ReportPdf.width(text.substring(0, text.lastIndexOf(' ')), pdf.regular, 9) + 1;
                assertThat(ReportPdf.wrap(text, pdf.regular, 9, column)).containsExactly(stand[0], stand[1]);
            }
            // a line that fits stays one line
            assertThat(ReportPdf.wrap("A-1, Hall A · Food", pdf.regular, 9, 400)).containsExactly("A-1, Hall A · Food");
        }
    }

    /** The word wrapped into {@code column}: its lines, each within it, that join back into the word. */
    private static List<String> wrappedWithin(ReportPdf pdf, String word, float column) throws IOException {
        List<String> lines = ReportPdf.wrap(word, pdf.regular, 9, column);
        assertThat(String.join("", lines)).isEqualTo(word);
        for (String line : lines) {
            assertThat(ReportPdf.width(line, pdf.regular, 9)).as(line).isLessThanOrEqualTo(column);
        }
        return lines;
    }

    private static String page(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
