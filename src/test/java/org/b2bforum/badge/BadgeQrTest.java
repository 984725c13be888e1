package org.b2bforum.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadgeQrTest {

    /**
     * Check-in links whose code ZXing's reader does not find upright (a row of data modules looks like a finder
     * pattern): the phone's picture still carries the link, read as a person turns the phone (BadgePdfs).
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:42995/check-in/yjYHv6_2AE7tYONfFW4Opa8soydu196x1U9hQCd13KG",
            "http://localhost:49977/check-in/3Fru3BzNT_8vJv4nr4iPE5_mC7uI6EJG-82DEJDM3g1"})
    void a_phones_code_carries_its_link_even_where_the_reader_is_misled_upright(String link) {
        assertThat(BadgePdfs.qrCodeOfImage(BadgeQr.png(BadgeQr.encode(link), 8))).isEqualTo(link);
    }

    /**
     * Check-in links whose code on the printed badge ZXing's reader finds upright but misreads (a checksum error at
     * 150 and 300 dpi): the badge still carries the link, read turned (BadgePdfs).
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:54333/check-in/FXUIY_4AylcHPM964JVHb0IvYhewf8sybj2QX1uLK5Q",
            "http://localhost:58192/check-in/jA2n3kIGUs3oGIvdftke_SEkhHDrBRq_HMhQH5Wj_Lo"})
    void a_printed_code_carries_its_link_even_where_the_reader_misreads_it_upright(String link) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(BadgeRenderer.PAGE);
            document.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                // where and how large the badge's front draws it
                BadgeQr.draw(cs, BadgeQr.encode(link), (BadgeRenderer.PAGE.getWidth() - BadgeRenderer.QR_SIZE) / 2,
                        BadgeRenderer.QR_BOTTOM, BadgeRenderer.QR_SIZE);
            }
            document.save(pdf);
        }
        try (PDDocument document = BadgePdfs.load(pdf.toByteArray())) {
            assertThat(BadgePdfs.qrCode(document, 0)).isEqualTo(link);
        }
    }
}
