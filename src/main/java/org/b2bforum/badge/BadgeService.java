package org.b2bforum.badge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.web.PublicUrl;
import org.b2bforum.company.BadgeCode;
import org.b2bforum.company.BadgeKeys;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Delegates;
import org.b2bforum.company.ForumAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Badges (PDF, see {@link BadgeRenderer}) and personal schedules. A delegate gets only their own,
 * a company's representative those of the company's delegates, organizers anyone's; everyone else
 * is refused. The badge's QR code is the delegate's check-in link
 * ({@code b2bforum.public-url}/check-in/token), its token made on the first print and kept.
 */
@Service
public class BadgeService {

    private static final Logger log = LoggerFactory.getLogger(BadgeService.class);

    private final BadgeReader reader;
    private final BadgeRenderer renderer;
    private final Delegates delegates;
    private final ForumAccess access;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;
    private final I18NProvider i18n;
    private final Clock clock;

    BadgeService(BadgeReader reader, BadgeRenderer renderer, Delegates delegates, ForumAccess access,
            CurrentUser currentUser, PublicUrl publicUrl, I18NProvider i18n, Clock clock) {
        this.reader = reader;
        this.renderer = renderer;
        this.delegates = delegates;
        this.access = access;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** The check-in link printed as the QR code of a badge with this token. */
    public String checkInLink(String token) {
        return publicUrl.of("check-in/" + token);
    }

    // ---------------------------------------------------------------- one delegate

    /**
     * One delegate's badge, front and back, as a PDF in the given language.
     *
     * @throws BadgeHolderRemovedException when the delegate's company removed them meanwhile (a page still offered the
     *         badge; before, an {@code AccessDeniedException} in the download, with its trace in the log)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] badgePdf(long delegateId, Locale locale) {
        requireMayRead(delegateId);
        BadgeHolder holder = reader.holder(delegateId).orElseThrow(() -> new BadgeHolderRemovedException(delegateId));
        BadgeKeys keys = keysOf(delegateId);
        BadgeCard card = new BadgeCard(holder, checkInLink(keys.checkInToken()), BadgeCode.format(keys.code()),
                reader.schedule(delegateId));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            renderer.write(List.of(card), forum(locale), clock.instant(), locale, false, out, done -> {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The logged-in delegate's own badge. */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional
    public byte[] myBadgePdf(Locale locale) {
        return badgePdf(currentUser.requireDelegateId(), locale);
    }

    /**
     * The logged-in delegate's badge code as a PNG for the phone's screen: the same check-in link as on the
     * printed badge (the token is made here when the badge was never printed), so staff at the doors and
     * exhibitors at the fair scan the phone as they scan the badge.
     */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional
    public byte[] myBadgeCodePng() {
        long delegateId = currentUser.requireDelegateId();
        requireMayRead(delegateId);
        return BadgeQr.png(BadgeQr.encode(checkInLink(keysOf(delegateId).checkInToken())), 8);
    }

    /**
     * The logged-in delegate's badge code as printed under the QR code ({@code 7KQ-3PX}), for their page: read out or
     * typed in at a stand when the phone's QR code will not scan. Made here when the badge was never printed, under the
     * row's lock: the page asks only when {@link #mySchedule()} brought none.
     */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional
    public String myBadgeCode() {
        long delegateId = currentUser.requireDelegateId();
        requireMayRead(delegateId);
        return BadgeCode.format(keysOf(delegateId).code());
    }

    /**
     * The delegate's check-in token and badge code, under the row's lock: a removal committed since this step's read
     * finds none.
     */
    private BadgeKeys keysOf(long delegateId) {
        BadgeKeys keys = delegates.ensureBadgeKeys(List.of(delegateId)).get(delegateId);
        if (keys == null) {
            throw new BadgeHolderRemovedException(delegateId); // not "check-in/null" on the badge
        }
        return keys;
    }

    /**
     * One delegate's personal schedule: confirmed meetings and program items, in time order; with the badge's code when
     * it was made (read only: the delegate's page opens without a write or a wait for the row's lock).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PersonalSchedule schedule(long delegateId) {
        requireMayRead(delegateId);
        BadgeHolder holder = reader.holder(delegateId).orElseThrow(() -> new BadgeHolderRemovedException(delegateId));
        return new PersonalSchedule(holder, reader.schedule(delegateId), BadgeCode.format(reader.badgeCode(delegateId)));
    }

    /** The logged-in delegate's own schedule. */
    @PreAuthorize("hasRole('DELEGATE')")
    @Transactional(readOnly = true)
    public PersonalSchedule mySchedule() {
        return schedule(currentUser.requireDelegateId());
    }

    /**
     * Organizers: anyone; a delegate: themselves; a representative: the company's delegates. Only
     * while the company's registration is approved: a rejected or withdrawn company has no badges. A delegate who is
     * no longer there is {@link BadgeHolderRemovedException} (an id tells nothing: they are counted up).
     */
    private void requireMayRead(long delegateId) {
        ForumUser user = currentUser.require();
        if (user.isOrganizer()) {
            return;
        }
        Long company = delegates.companyOf(delegateId).orElseThrow(() -> new BadgeHolderRemovedException(delegateId));
        if (!access.isApproved(company)) {
            throw new AccessDeniedException("The company's registration is not approved");
        }
        if (user.delegateId() != null) {
            if (user.delegateId() == delegateId) {
                return;
            }
            throw new AccessDeniedException("Not your badge");
        }
        if (user.companyId() != null && user.companyId().equals(company)) {
            return;
        }
        throw new AccessDeniedException("Not a delegate of your company");
    }

    // ---------------------------------------------------------------- organizers

    /** The delegates of approved companies that match the filter, by company and name (a page of them). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<BadgeHolder> holders(BadgeFilter filter, int offset, int limit) {
        return reader.holders(filter, offset, limit);
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public int count(BadgeFilter filter) {
        return reader.count(filter);
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<String> cities() {
        return reader.cities();
    }

    /**
     * Approved companies with delegates whose name contains {@code filter}, by name: a page of them for the filter's
     * lazily loaded choice (a forum of 2,000 companies held them all in each open tab).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<CompanyOption> companies(String filter, int offset, int limit) {
        return reader.companies(filter, offset, limit);
    }

    /**
     * Sets the role printed on a delegate's badge (participant, organizer, speaker, press).
     *
     * @return false, nothing changed, when the delegate's company removed them meanwhile
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public boolean setRole(long delegateId, BadgeRole role) {
        return delegates.setBadgeRole(delegateId, role == null ? BadgeRole.PARTICIPANT : role);
    }

    // ---------------------------------------------------------------- the batch

    /**
     * Writes all badges of the filter, sorted by company and name, as one PDF. For
     * {@link BadgeBatchService}, which checks that an organizer asks; the pages are kept in a
     * temporary file while the document is made.
     *
     * @return the number of badges
     */
    int writeBatch(BadgeFilter filter, Locale locale, OutputStream out, IntConsumer onTotal, IntConsumer progress)
            throws IOException {
        long started = System.nanoTime();
        List<BadgeHolder> holders = reader.holders(filter, 0, Integer.MAX_VALUE);
        List<Long> ids = holders.stream().map(BadgeHolder::delegateId).toList();
        long read = System.nanoTime();
        // the badges to come, told before their keys are made: the first print of a night's batch makes thousands, and
        // meanwhile the page said "0 of 0"
        onTotal.accept(holders.size());
        Map<Long, BadgeKeys> keys = delegates.ensureBadgeKeys(ids);
        long tokensMade = System.nanoTime();
        Map<Long, List<ScheduleEntry>> schedules = reader.schedules(ids);
        log.info("Badge batch of {}: delegates read in {} ms, check-in tokens in {} ms, schedules in {} ms",
                holders.size(), (read - started) / 1_000_000, (tokensMade - read) / 1_000_000,
                (System.nanoTime() - tokensMade) / 1_000_000);
        List<BadgeCard> cards = new ArrayList<>(holders.size());
        for (BadgeHolder holder : holders) {
            BadgeKeys badge = keys.get(holder.delegateId());
            if (badge == null) {
                continue; // removed by their company since the read above: no badge of "check-in/null"
            }
            cards.add(new BadgeCard(holder, checkInLink(badge.checkInToken()), BadgeCode.format(badge.code()),
                    schedules.getOrDefault(holder.delegateId(), List.of())));
        }
        // and again after the keys: one removed meanwhile is none (counted only before, the progress never reached the
        // total)
        if (cards.size() != holders.size()) {
            onTotal.accept(cards.size());
        }
        renderer.write(cards, forum(locale), clock.instant(), locale, true, out, progress);
        return cards.size();
    }

    private ForumEdition forum(Locale locale) {
        LocalDate[] days = reader.forumDays();
        return new ForumEdition(i18n.getTranslation("app.title", locale == null ? Languages.RUSSIAN : locale),
                days[0], days[1]);
    }
}
