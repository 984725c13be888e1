package org.b2bforum.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The results PDF's tables: a table's caption and header stay on the page of its first rows. */
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

    private static String page(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
