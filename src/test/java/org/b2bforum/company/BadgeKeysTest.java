package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.badge.BadgePdfs;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/** The keys a badge is printed with: its check-in token and its code, made once, unique. */
@ForumSpringTest
class BadgeKeysTest {

    @Autowired
    Delegates delegates;
    @Autowired
    BadgeService badges;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    /**
     * Two prints at once draw the same new code: the second cannot read the first's before it is committed, and the
     * unique key refuses it once it is (the second's write waits for the first's end). Before: the second print failed
     * ({@code DuplicateKeyException}; a night's batch FAILED, its log line naming the code).
     */
    @Test
    void a_code_another_print_drew_at_the_same_time_is_drawn_again_and_the_print_goes_on() throws Exception {
        TestCompany company = booking.approvedCompany();
        long first = company.firstDelegate();
        long second = company.delegateIds().get(1);
        String shared = BadgeCodes.unused(jdbc);
        String another = BadgeCodes.unused(jdbc);
        Queue<String> draws = new ConcurrentLinkedQueue<>(List.of(shared, shared, another));
        Delegates drawing = AopTestUtils.getTargetObject(delegates);
        drawing.drawCodesWith(() -> Optional.ofNullable(draws.poll()).orElseGet(BadgeCode::newCode));
        AtomicReference<byte[]> pdf = new AtomicReference<>();
        try {
            Throwable thrown = LockWaits.whileHeld(booking, jdbc, transactionManager,
                    () -> delegates.ensureBadgeKeys(List.of(first)),
                    () -> pdf.set(badges.badgePdf(second, Languages.RUSSIAN)));

            assertThat(thrown).isNull();
        } finally {
            drawing.drawCodesWith(BadgeCode::newCode);
        }
        assertThat(draws).as("the second print drew the first's code, then another").isEmpty();
        assertThat(codeOf(first)).isEqualTo(shared);
        assertThat(codeOf(second)).isEqualTo(another);
        try (PDDocument document = BadgePdfs.load(pdf.get())) {
            assertThat(BadgePdfs.text(document, 1)).contains(BadgeCode.format(another));
        }
    }

    private String codeOf(long delegateId) {
        return jdbc.queryForObject("select badge_code from delegate where id = ?", String.class, delegateId);
    }
}
