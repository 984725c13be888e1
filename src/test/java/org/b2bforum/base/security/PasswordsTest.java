package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {

    private static final String EMAIL = "ivanov@company.ru";

    @ParameterizedTest
    @ValueSource(strings = {"Forum-Company-2026", "abcd123456", "пароль2026Минск", "x7Gq!29vLm"})
    void a_long_enough_password_with_letters_and_digits_is_accepted(String password) {
        assertThat(Passwords.problem(password, EMAIL)).isEmpty();
    }

    @Test
    void a_missing_password_is_required() {
        assertThat(Passwords.problem(null, EMAIL)).contains("validation.required");
        assertThat(Passwords.problem("", EMAIL)).contains("validation.required");
    }

    @Test
    void a_password_needs_ten_characters() {
        assertThat(Passwords.problem("abcde1234", EMAIL)).contains("validation.password.too-short");
        assertThat(Passwords.problem("abcde12345", EMAIL)).isEmpty();
        assertThat(Passwords.MIN_LENGTH).isEqualTo(10);
    }

    @Test
    void a_password_may_have_at_most_128_characters() {
        String longest = "a1b2c3d4" + "x".repeat(Passwords.MAX_LENGTH - 8);
        assertThat(Passwords.problem(longest, EMAIL)).isEmpty();
        assertThat(Passwords.problem(longest + "y", EMAIL)).contains("validation.password.too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onlyletterspassword", "ТолькоБуквыЗдесь", "12345678901234", "!!!---???...***"})
    void a_password_needs_both_letters_and_digits(String password) {
        assertThat(Passwords.problem(password, EMAIL)).contains("validation.password.letters-and-digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password12", "Password12", "QWERTY1234", "1q2w3e4r5t", "aaaaa11111", "a1a1a1a1a1a1"})
    void a_common_or_repetitive_password_is_refused(String password) {
        assertThat(Passwords.problem(password, EMAIL)).contains("validation.password.too-common");
    }

    @Test
    void a_password_must_not_contain_the_e_mail() {
        assertThat(Passwords.problem("Ivanov2026!", EMAIL)).contains("validation.password.contains-email");
        assertThat(Passwords.problem("my-ivanov-password-1", EMAIL)).contains("validation.password.contains-email");
        assertThat(Passwords.problem("ab1@mail.ru", "AB1@MAIL.RU")).contains("validation.password.contains-email");
    }

    @Test
    void a_short_local_part_of_the_e_mail_may_appear_in_a_password() {
        assertThat(Passwords.problem("Forum-ivn-2026", "ivn@company.ru")).isEmpty();
    }

    @Test
    void without_an_e_mail_only_the_password_itself_is_checked() {
        assertThat(Passwords.problem("Ivanov2026!", null)).isEmpty();
        assertThat(Passwords.problem("Ivanov2026!", " ")).isEmpty();
    }
}
