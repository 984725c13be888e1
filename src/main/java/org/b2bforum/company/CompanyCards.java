package org.b2bforum.company;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A per-node cache of what the directory shows of a company, contacts included: a profile opened by
 * hundreds of companies at the booking window (the popular ones, or the partner on each request form)
 * is read from the database once. Who may see what (whether it is approved, its contacts) is decided
 * by {@link DirectoryService} for each viewer on what the database says now, never cached.
 * <p>
 * Every write to a company on this node ({@link CompanyRecords}, {@link LogoService}) drops its entry
 * when its transaction ends, so the next read on this node sees it. Other nodes of a cluster do
 * not hear of it: their entries expire {@code b2bforum.directory.cache-ttl} (30 s) after they were
 * read, so a change shows everywhere within that time.
 */
@Component
class CompanyCards {

    /** A company as stored, for the directory; the viewer's rules apply on top (see {@link DirectoryService#profile}). */
    record Card(long id, String fullName, String shortName, String city, Country country, Set<Sector> sectors, String description, String offers, String seeks, String website, boolean hasLogo,
            List<CompanyProfile.Person> delegates, CompanyProfile.Contacts contacts) {
    }

    private final Cache<Long, Optional<Card>> cards;

    CompanyCards(@Value("${b2bforum.directory.cache-ttl:30s}") Duration ttl,
            @Value("${b2bforum.directory.cache-size:20000}") long size) {
        this.cards = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /** The company's card, read with {@code load} (in the caller's transaction) unless this node has it. */
    Optional<Card> card(long companyId, LongFunction<Optional<Card>> load) {
        return cards.get(companyId, id -> load.apply(id));
    }

    /**
     * Drops the company's card once the caller's transaction ends (at once without one): a read in
     * between, which cannot see the write yet, does not keep the old card, and one in the writing
     * transaction itself does not keep a change that then rolls back.
     */
    void changed(long companyId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cards.invalidate(companyId);
                }
            });
        } else {
            cards.invalidate(companyId);
        }
    }
}
