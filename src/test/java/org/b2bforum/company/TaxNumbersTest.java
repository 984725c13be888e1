package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.b2bforum.TestData;
import org.b2bforum.demo.DemoCompanies;
import org.b2bforum.registration.RegistrationForm;
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

    /**
     * UNPs of Belarusian companies as they publish them: Belarusbank (its bank details), MAZ (a
     * registry extract), MTS Belarus and Belinvestbank (site footers, payment details), and
     * 200988541, the worked example of the Ministry of Taxes' resolution No. 127.
     */
    @ParameterizedTest
    @ValueSource(strings = {"100325912", "100320487", "800013732", "807000028", "200988541"})
    void the_unps_of_real_belarusian_companies_are_valid(String unp) {
        assertThat(TaxNumbers.verdict(Country.BY, unp)).isEqualTo(TaxNumbers.Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100325913", "100325910", "100320480", "800013733", "200988542", "010325912"})
    void a_unp_with_a_wrong_check_digit_or_two_digits_swapped_is_refused_for_its_check_digit(String unp) {
        assertThat(TaxNumbers.verdict(Country.BY, unp)).isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
    }

    @Test
    void nine_digits_whose_weighted_sum_leaves_ten_are_no_unp_whatever_the_last_digit() {
        for (int last = 0; last <= 9; last++) {
            assertThat(TaxNumbers.isValid(Country.BY, "71195368" + last)).as("71195368" + last).isFalse();
        }
    }

    /** MA1953684 is python-stdnum's example of an entrepreneur's UNP, KE7810709 unp-validator's. */
    @Test
    void an_entrepreneurs_unp_with_two_letters_is_checked_with_the_letters_as_numbers() {
        assertThat(TaxNumbers.isValid(Country.BY, "MA1953684")).isTrue();
        assertThat(TaxNumbers.isValid(Country.BY, "KE7810709")).isTrue();
        assertThat(TaxNumbers.verdict(Country.BY, "MA1953685")).isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
        assertThat(TaxNumbers.verdict(Country.BY, "MB1953684")).as("B counts 1, not 0")
                .isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
        assertThat(TaxNumbers.verdict(Country.BY, "KA7810709")).isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
    }

    @Test
    void cyrillic_letters_and_lower_case_read_as_the_latin_letters_they_look_like() {
        assertThat(TaxNumbers.normalize("ма 1953684")).isEqualTo("MA1953684");
        assertThat(TaxNumbers.isValid(Country.BY, "МА1953684")).as("Cyrillic М and А").isTrue();
        assertThat(TaxNumbers.isValid(Country.BY, "ke7810709")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10032591", "1003259120", "7707083893", "1A1953684", "XA1953684", "AX1953684",
            "MA195368A", "ДА1953684"})
    void a_unp_of_another_length_or_with_letters_out_of_place_is_refused_for_its_form(String unp) {
        assertThat(TaxNumbers.verdict(Country.BY, unp)).isEqualTo(TaxNumbers.Verdict.WRONG_FORM);
    }

    @Test
    void eight_digits_complete_to_a_valid_unp_skipping_those_without_a_check_digit() {
        assertThat(TaxNumbers.unpFromEightDigits("10032591")).isEqualTo("100325912");
        assertThat(TaxNumbers.unpFromEightDigits("71195368")).as("remainder 10: the next serial")
                .isEqualTo("711953692");
        for (int i = 0; i < 1000; i++) {
            String eight = String.format("%08d", 19_000_000 + i * 7919);
            assertThat(TaxNumbers.isValid(Country.BY, TaxNumbers.unpFromEightDigits(eight))).as(eight).isTrue();
        }
    }

    @Test
    void an_inn_with_a_wrong_check_digit_is_told_apart_from_a_malformed_one() {
        assertThat(TaxNumbers.verdict(Country.RU, "7707083894")).isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
        assertThat(TaxNumbers.verdict(Country.RU, "500100732258")).isEqualTo(TaxNumbers.Verdict.WRONG_CHECK_DIGIT);
        assertThat(TaxNumbers.verdict(Country.RU, "770708389")).isEqualTo(TaxNumbers.Verdict.WRONG_FORM);
    }

    @Test
    void an_inn_is_not_a_unp_and_a_unp_is_not_an_inn() {
        assertThat(TaxNumbers.isValid(Country.BY, "7707083893")).isFalse();
        assertThat(TaxNumbers.isValid(Country.RU, "100325912")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"77070838A3", "7707O83893", "ИНН7707083893", "7707-083893", "+7707083893",
            "７７０７０８３８９３"})
    void letters_signs_and_non_ascii_digits_make_an_inn_invalid(String taxNumber) {
        assertThat(TaxNumbers.isValid(Country.RU, taxNumber)).isFalse();
    }

    @Test
    void spaces_inside_and_around_a_number_are_ignored() {
        assertThat(TaxNumbers.isValid(Country.RU, " 7707 083 893 ")).isTrue();
        assertThat(TaxNumbers.isValid(Country.RU, "5001\t0073 2259")).isTrue();
        assertThat(TaxNumbers.isValid(Country.BY, "100 325 912")).isTrue();
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

    @Test
    void every_demo_company_has_a_valid_tax_number_of_its_own() {
        List<RegistrationForm> demo = DemoCompanies.all();

        assertThat(demo).allSatisfy(company -> assertThat(TaxNumbers.verdict(company.getCountry(),
                company.getTaxNumber())).as(company.getShortName()).isEqualTo(TaxNumbers.Verdict.VALID));
        assertThat(demo.stream().map(company -> company.getCountry() + company.getTaxNumber()).distinct())
                .hasSize(demo.size());
    }

    @Test
    void test_data_makes_unique_valid_unps() {
        List<String> unps = Stream.generate(TestData::uniqueUnp).limit(200).toList();

        assertThat(unps).allSatisfy(unp -> assertThat(TaxNumbers.isValid(Country.BY, unp)).as(unp).isTrue())
                .doesNotHaveDuplicates();
    }
}
