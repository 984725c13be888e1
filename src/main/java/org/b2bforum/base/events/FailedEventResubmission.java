package org.b2bforum.base.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, once a minute on every node, the after-commit events whose listener failed, or
 * whose node stopped before the listener ran or finished: Spring Modulith marks such a publication
 * FAILED once it has stayed published or in progress longer than
 * {@code spring.modulith.events.staleness.*} (application.properties), and this job resubmits the
 * failed ones.
 * <p>
 * Several nodes: each publication is first claimed with one conditional update, committed on its
 * own (no transaction runs here), from FAILED with the attempts as read to PROCESSING; a node whose
 * update changes no row leaves the publication to the node that claimed it. Modulith's own mark
 * ("resubmitted unless already resubmitted") does not suffice: it also takes a publication that
 * another node is delivering at that moment (status PROCESSING), which would then be delivered
 * twice. A node that stops between the claim and the delivery leaves the publication PROCESSING,
 * marked FAILED again once stale. Not {@code republish-outstanding-events-on-restart}: that
 * resubmits every incomplete publication at a node's start, also the ones another node is
 * delivering. Delivery is at least once all the same: a node that stops between a listener's end
 * and the publication's completion leaves it to be delivered again.
 * <p>
 * A publication that failed {@value #MAX_ATTEMPTS} times is left in {@code EVENT_PUBLICATION} with
 * status FAILED for an operator to look at (docs/operations.md); completed ones are deleted at once
 * ({@code spring.modulith.events.completion-mode=delete}).
 */
@Component
public class FailedEventResubmission {

    static final int MAX_ATTEMPTS = 10;

    private final FailedEventPublications failed;
    private final JdbcTemplate jdbc;

    FailedEventResubmission(FailedEventPublications failed, JdbcTemplate jdbc) {
        this.failed = failed;
        this.jdbc = jdbc;
    }

    /** Resubmits the failed publications (at most a batch of them) that this node claims, now. */
    @Scheduled(initialDelayString = "${b2bforum.events.resubmit-every:60s}",
            fixedDelayString = "${b2bforum.events.resubmit-every:60s}")
    public void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(200).withMaxInFlight(200)
                .withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS && claim(publication)));
    }

    /** Whether this node has taken the publication, as it was read, from the other nodes. */
    boolean claim(EventPublication publication) {
        return jdbc.update("update EVENT_PUBLICATION set STATUS = 'PROCESSING'"
                + " where ID = ? and STATUS = 'FAILED' and COMPLETION_ATTEMPTS = ?",
                publication.getIdentifier().toString(), publication.getCompletionAttempts()) == 1;
    }
}
