package org.b2bforum.badge;

import static org.assertj.core.api.Assertions.assertThat;

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
}
