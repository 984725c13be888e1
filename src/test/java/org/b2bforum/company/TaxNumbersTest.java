package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxNumbersTest {

    @Test
    void a_real_ten_digit_inn_is_valid() {
        assertThat(TaxNumbers.isValid(Country.RU, "7707083893")).isTrue();
        assertThat(TaxNumbers.isValid(Country.RU, "7736207543")).isTrue();
    }

    @Test
    void a_ten_digit_inn_with_a_wrong_check_digit_is_invalid() {
        assertThat(TaxNumbers.isValid(Country.RU, "7707083894")).isFalse();
        assertThat(TaxNumbers.isValid(Country.RU, "7707083890")).isFalse();
    }

    @Test
    void a_real_twelve_digit_inn_is_valid() {
        assertThat(TaxNumbers.isValid(Country.RU, "500100732259")).isTrue();
    }

    @Test
    void a_twelve_digit_inn_with_either_check_digit_wrong_is_invalid() {
        assertThat(TaxNumbers.isValid(Country.RU, "500100732258")).as("second check digit").isFalse();
        assertThat(TaxNumbers.isValid(Country.RU, "500100732249")).as("first check digit").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "770708389", "77070838931", "5001007322590", "1234567"})
    void an_inn_of_any_other_length_is_invalid(String taxNumber) {
        assertThat(TaxNumbers.isValid(Country.RU, taxNumber)).isFalse();
    }

    @Test
    void a_unp_is_any_nine_digits() {
        assertThat(TaxNumbers.isValid(Country.BY, "100582333")).isTrue();
        assertThat(TaxNumbers.isValid(Country.BY, "000000001")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10058233", "1005823331", "7707083893"})
    void a_unp_of_any_other_length_is_invalid(String taxNumber) {
        assertThat(TaxNumbers.isValid(Country.BY, taxNumber)).isFalse();
    }

    @Test
    void an_inn_is_not_a_unp_and_a_unp_is_not_an_inn() {
        assertThat(TaxNumbers.isValid(Country.BY, "7707083893")).isFalse();
        assertThat(TaxNumbers.isValid(Country.RU, "100582333")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"77070838A3", "7707O83893", "ИНН7707083893", "7707-083893", "+7707083893",
            "７７０７０８３８９３"})
    void letters_signs_and_non_ascii_digits_make_an_inn_invalid(String taxNumber) {
        assertThat(TaxNumbers.isValid(Country.RU, taxNumber)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MA1953684", "10058233A", "100-58233"})
    void letters_and_signs_make_a_unp_invalid(String taxNumber) {
        assertThat(TaxNumbers.isValid(Country.BY, taxNumber)).isFalse();
    }

    @Test
    void spaces_inside_and_around_a_number_are_ignored() {
        assertThat(TaxNumbers.isValid(Country.RU, " 7707 083 893 ")).isTrue();
        assertThat(TaxNumbers.isValid(Country.RU, "5001\t0073 2259")).isTrue();
        assertThat(TaxNumbers.isValid(Country.BY, "100 582 333")).isTrue();
        assertThat(TaxNumbers.normalize(" 7707 083\t893\n")).isEqualTo("7707083893");
    }

    @Test
    void non_breaking_spaces_pasted_from_documents_are_ignored_too() {
        assertThat(TaxNumbers.normalize("7707\u00a0083\u202f893")).isEqualTo("7707083893");
        assertThat(TaxNumbers.isValid(Country.RU, "7707\u00a0083893")).isTrue();
    }

    @Test
    void a_missing_number_or_country_is_invalid() {
        assertThat(TaxNumbers.isValid(Country.RU, null)).isFalse();
        assertThat(TaxNumbers.isValid(Country.BY, "   ")).isFalse();
        assertThat(TaxNumbers.isValid(null, "7707083893")).isFalse();
        assertThat(TaxNumbers.normalize(null)).isEmpty();
    }

    @Test
    void nine_digits_complete_to_a_valid_inn() {
        assertThat(TaxNumbers.innFromNineDigits("770708389")).isEqualTo("7707083893");
        for (int i = 0; i < 1000; i++) {
            String nine = String.format("%09d", 123_456_000 + i * 7919);
            assertThat(TaxNumbers.isValid(Country.RU, TaxNumbers.innFromNineDigits(nine))).as(nine).isTrue();
        }
    }
}
