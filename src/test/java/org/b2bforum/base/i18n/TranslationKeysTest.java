package org.b2bforum.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.b2bforum.company.Cities;
import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.b2bforum.registration.RegistrationEventType;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.Outcome;
import org.junit.jupiter.api.Test;

/** Both UI languages have every key, and every key the code asks for exists. */
class TranslationKeysTest {

    private static final List<String> FILES = List.of("vaadin-i18n/translations_ru.properties",
            "vaadin-i18n/translations_en.properties");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Keys written out in the code: messages of the services and literal UI keys. */
    private static final List<Pattern> KEY_LITERALS = List.of(
            Pattern.compile("\"((?:validation|registration\\.error)\\.[A-Za-z0-9.-]*[A-Za-z0-9])\""),
            Pattern.compile("getTranslation\\(\\s*(?:[A-Za-z.]+\\s*,\\s*)?\"([^\"]+)\""),
            Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\""));

    @Test
    void russian_and_english_have_the_same_keys() throws IOException {
        Properties russian = load(FILES.get(0));
        Properties english = load(FILES.get(1));

        assertThat(missing(russian, english)).as("keys missing in Russian").isEmpty();
        assertThat(missing(english, russian)).as("keys missing in English").isEmpty();
    }

    @Test
    void no_translation_is_blank() throws IOException {
        for (String file : FILES) {
            Properties translations = load(file);
            assertThat(translations.stringPropertyNames())
                    .filteredOn(key -> translations.getProperty(key).isBlank())
                    .as("blank translations in %s", file).isEmpty();
        }
    }

    @Test
    void russian_texts_are_written_in_russian() throws IOException {
        Properties russian = load(FILES.get(0));
        // Latin words but not one Cyrillic letter: an English text pasted into the Russian file.
        // Single names of formats (PDF) stay as they are.
        Pattern latinWords = Pattern.compile("[A-Za-z]{2,}\\W+[A-Za-z]{2,}");
        Pattern cyrillic = Pattern.compile("[А-Яа-яЁё]");
        assertThat(russian.stringPropertyNames()).filteredOn(key -> {
            String text = russian.getProperty(key).replaceAll("\\{\\d+}", "");
            return latinWords.matcher(text).find() && !cyrillic.matcher(text).find();
        }).as("English texts in the Russian file").isEmpty();
    }

    @Test
    void no_key_is_defined_twice_in_a_file() throws IOException {
        for (String file : FILES) {
            Set<String> seen = new HashSet<>();
            Set<String> duplicates = new TreeSet<>();
            boolean continued = false;
            for (String line : lines(file)) {
                String trimmed = line.strip();
                if (!continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                    String key = trimmed.split("\\s*[=:]", 2)[0].strip();
                    if (!seen.add(key)) {
                        duplicates.add(key);
                    }
                }
                continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
            }
            assertThat(duplicates).as("keys defined twice in %s", file).isEmpty();
        }
    }

    @Test
    void every_sector_country_status_audit_entry_attendance_and_outcome_has_its_name() throws IOException {
        Set<String> keys = new TreeSet<>();
        Stream.of(Sector.values()).map(Sector::translationKey).forEach(keys::add);
        Stream.of(Country.values()).map(Country::translationKey).forEach(keys::add);
        Stream.of(RegistrationStatus.values()).map(RegistrationStatus::translationKey).forEach(keys::add);
        Stream.of(RegistrationEventType.values()).map(RegistrationEventType::translationKey).forEach(keys::add);
        Cities.KNOWN.stream().map(Cities.City::key).forEach(keys::add);
        Stream.of(Attendance.values()).map(Attendance::translationKey).forEach(keys::add);
        Stream.of(Attendance.values()).map(a -> "venue.mark." + a.name()).forEach(keys::add);
        Stream.of(Outcome.values()).map(Outcome::translationKey).forEach(keys::add);

        assertDefinedEverywhere(keys);
    }

    @Test
    void every_decision_has_its_notification() throws IOException {
        Set<String> keys = new TreeSet<>(List.of("notification.comment", "mail.registration.subject"));
        Stream.of(RegistrationStatus.values()).filter(status -> status != RegistrationStatus.PENDING)
                .map(status -> "notification.registration." + status.name()).forEach(keys::add);

        assertDefinedEverywhere(keys);
    }

    @Test
    void every_key_written_in_the_code_exists() throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern pattern : KEY_LITERALS) {
                    Matcher matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        String key = matcher.group(1);
                        // A key ending in a dot is a prefix completed at run time, e.g. "field." + name.
                        (key.endsWith(".") ? prefixes : keys).add(key);
                    }
                }
            }
        }

        assertThat(keys).as("keys found in %s", SOURCES).contains("validation.required",
                "validation.tax-number.taken", "validation.email.taken", "registration.error.not-pending");
        assertDefinedEverywhere(keys);
        for (String file : FILES) {
            Set<String> defined = load(file).stringPropertyNames();
            assertThat(prefixes).filteredOn(prefix -> defined.stream().noneMatch(key -> key.startsWith(prefix)))
                    .as("key prefixes without any key in %s", file).isEmpty();
        }
    }

    private static void assertDefinedEverywhere(Set<String> keys) throws IOException {
        for (String file : FILES) {
            Properties translations = load(file);
            assertThat(keys).filteredOn(key -> !translations.containsKey(key)).as("keys missing in %s", file)
                    .isEmpty();
        }
    }

    private static Set<String> missing(Properties in, Properties comparedTo) {
        Set<String> missing = new TreeSet<>(comparedTo.stringPropertyNames());
        missing.removeAll(in.stringPropertyNames());
        return missing;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = TranslationKeysTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Not on the class path: " + resource);
        }
        return in;
    }
}
