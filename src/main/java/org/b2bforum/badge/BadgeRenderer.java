package org.b2bforum.badge;

import static org.b2bforum.badge.BadgeText.capitalised;
import static org.b2bforum.badge.BadgeText.forumDates;
import static org.b2bforum.badge.BadgeText.sanitize;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.b2bforum.badge.BadgeText.Block;
import org.b2bforum.badge.BadgeText.MeasuredFont;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.text.DateRanges;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Cities;
import org.springframework.stereotype.Component;

import com.google.zxing.common.BitMatrix;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * Lays out badges as PDF: A6 portrait pages for a badge holder, two per delegate. The front has
 * the role's colour band, the forum, the delegate's name, position, company, city and country, and
 * a QR code of the check-in link with the badge's short code under it ({@link org.b2bforum.company.BadgeCode}); the back has the personal schedule as of printing, in the forum's
 * time zone. DejaVu Sans is embedded (as a subset), so Cyrillic prints everywhere. Text that is too
 * long is made smaller (the name), wrapped and cut with an ellipsis ({@link BadgeText}); it never
 * leaves its box. The QR code is drawn by {@link BadgeQr}. This class is the page layout:
 * coordinates, colours and which text goes in which box.
 */
@Component
class BadgeRenderer {

    static final PDRectangle PAGE = PDRectangle.A6;
    private static final float W = PAGE.getWidth();
    private static final float H = PAGE.getHeight();
    private static final float MARGIN = 16;
    private static final float BAND = 46;
    static final float QR_SIZE = 112;
    /**
     * Above the badge's code and the line that says what to do with both (it was 36 before the code, ux79). The QR code
     * of a check-in link has 37 modules (a public address of up to 32 characters), 41 (up to 54), 33 only for one of up
     * to 10: 3.4 pt a module at most, and the white the QR standard asks around it, four modules, 13.6 pt at most. The code's capitals
     * (8.75 pt high) end 14.3 pt below the QR code, the text above it ends 16.7 pt above at the longest (two lines of
     * name, position and company).
     */
    static final float QR_BOTTOM = 45;
    /** The badge's code, 12 pt bold, 2.3 pt above the top of the line under it (at 14 pt, as before the code). */
    static final float CODE_BASELINE = 22;
    static final float CHECK_IN_BASELINE = 14;

    private static final Color INK = new Color(0x1a, 0x1c, 0x20);
    private static final Color GREY = new Color(0x55, 0x5b, 0x66);
    private static final Color LIGHT = new Color(0xc8, 0xcd, 0xd4);
    private static final Map<BadgeRole, Color> ROLE_COLOURS = new EnumMap<>(Map.of(
            BadgeRole.PARTICIPANT, new Color(0x1e, 0x5a, 0xa8),
            BadgeRole.ORGANIZER, new Color(0xb3, 0x26, 0x1e),
            BadgeRole.SPEAKER, new Color(0x2e, 0x7d, 0x32),
            BadgeRole.PRESS, new Color(0xd9, 0x6c, 0x00)));

    private final I18NProvider i18n;
    private final ZoneId zone;

    BadgeRenderer(I18NProvider i18n, ForumTime forumTime) {
        this.i18n = i18n;
        this.zone = forumTime.zone();
    }

    /**
     * Writes the badges as one PDF, front and back of each in the given order.
     *
     * @param onDisk   keep the document's pages in a temporary file while it is made (large batches)
     *                 instead of in memory
     * @param progress told the number of badges laid out so far
     */
    void write(List<BadgeCard> cards, ForumEdition forum, Instant printedAt, Locale locale, boolean onDisk,
            OutputStream out, IntConsumer progress) throws IOException {
        List<CompletableFuture<BitMatrix>> qrCodes = new ArrayList<>(cards.size());
        for (BadgeCard card : cards) {
            // encoding a QR code (choosing its best mask) is a good part of the work: done meanwhile on another core
            qrCodes.add(CompletableFuture.supplyAsync(() -> BadgeQr.encode(card.checkInLink())));
        }
        try (PDDocument document = new PDDocument(onDisk ? IOUtils.createTempFileOnlyStreamCache()
                : IOUtils.createMemoryOnlyStreamCache());
                TrueTypeFont regular = BadgeText.parse(BadgeText.REGULAR);
                TrueTypeFont bold = BadgeText.parse(BadgeText.BOLD)) {
            document.getDocumentInformation().setTitle(sanitize(forum.title()));
            document.getDocumentInformation().setCreator("B2B Forum");
            Writer writer = new Writer(document, regular, bold, forum, printedAt, locale);
            for (int i = 0; i < cards.size(); i++) {
                writer.front(cards.get(i), qrCodes.get(i).join());
                writer.back(cards.get(i));
                progress.accept(i + 1);
            }
            document.save(out);
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** One document's fonts, labels and drawing. */
    private final class Writer {

        private final PDDocument document;
        private final MeasuredFont regular;
        private final MeasuredFont bold;
        private final Locale locale;
        private final String forumTitle;
        private final String forumDates;
        private final String asOf;
        private final DateTimeFormatter time;
        private final DateTimeFormatter day;
        private final DateTimeFormatter dayOfMonth;
        /** The moment of the print: the back lists what ends after it. */
        private final Instant printedAt;

        Writer(PDDocument document, TrueTypeFont regularFont, TrueTypeFont boldFont, ForumEdition forum,
                Instant printedAt, Locale locale) throws IOException {
            this.document = document;
            this.regular = new MeasuredFont(PDType0Font.load(document, regularFont, true));
            this.bold = new MeasuredFont(PDType0Font.load(document, boldFont, true));
            this.locale = locale;
            this.forumTitle = sanitize(forum.title());
            this.forumDates = forumDates(forum.firstDay(), forum.lastDay(), locale);
            this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
            this.day = DateTimeFormatter.ofPattern("EEEE, d MMMM", locale);
            this.dayOfMonth = DateTimeFormatter.ofPattern("d MMMM", locale);
            // the date and the time apart: a Russian date with its year reads "20 сентября 2027 г., 10:07"
            this.printedAt = printedAt;
            this.asOf = t("badge.back.as-of", DateRanges.date(printedAt.atZone(zone).toLocalDate(), locale),
                    time.format(printedAt.atZone(zone)));
        }

        void front(BadgeCard card, BitMatrix qrCode) throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            BadgeHolder holder = card.holder();
            Color colour = ROLE_COLOURS.get(holder.role());
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                cs.setNonStrokingColor(colour);
                cs.addRect(0, H - BAND, W, BAND);
                cs.fill();
                String role = t("badge.role." + holder.role().name()).toUpperCase(locale);
                Block roleLine = Block.fit(sanitize(role), bold, new float[] {15, 13, 11}, W - 2 * MARGIN, 1);
                roleLine.drawCentred(cs, Color.WHITE, H - BAND / 2 - roleLine.size() * 0.36f);

                float y = H - BAND - 14;
                y = Block.fit(forumTitle, regular, new float[] {8.5f}, W - 2 * MARGIN, 2).drawFrom(cs, GREY, y);
                if (!forumDates.isEmpty()) {
                    y = Block.fit(forumDates, bold, new float[] {8.5f}, W - 2 * MARGIN, 1).drawFrom(cs, GREY, y);
                }
                y -= 16;
                y = Block.fit(sanitize(holder.fullName()), bold, new float[] {22, 21, 20, 19, 18, 17, 16, 15, 14},
                        W - 2 * MARGIN, 2).drawFrom(cs, INK, y);
                y -= 4;
                y = Block.fit(sanitize(holder.position()), regular, new float[] {10.5f, 9.5f}, W - 2 * MARGIN, 2)
                        .drawFrom(cs, GREY, y);
                y -= 10;
                y = Block.fit(sanitize(holder.companyName()), bold, new float[] {13, 12, 11}, W - 2 * MARGIN, 2)
                        .drawFrom(cs, INK, y);
                y -= 2;
                String place = Cities.inLanguage(holder.city(), this::t) + ", " + t(holder.country().translationKey());
                Block.fit(sanitize(place), regular, new float[] {10, 9}, W - 2 * MARGIN, 1).drawFrom(cs, GREY, y);

                BadgeQr.draw(cs, qrCode, (W - QR_SIZE) / 2, QR_BOTTOM, QR_SIZE);
                // the code a stand types in when its phone will not read the QR code: large, outside its quiet zone
                Block.fit(sanitize(card.code()), bold, new float[] {12}, W - 2 * MARGIN, 1).drawCentred(cs, INK,
                        CODE_BASELINE);
                Block.fit(sanitize(t("badge.front.check-in")), regular, new float[] {6.5f}, W - 2 * MARGIN, 1)
                        .drawCentred(cs, GREY, CHECK_IN_BASELINE);
            }
        }

        void back(BadgeCard card) throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            BadgeHolder holder = card.holder();
            float width = W - 2 * MARGIN;
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                cs.setNonStrokingColor(ROLE_COLOURS.get(holder.role()));
                cs.addRect(0, H - 8, W, 8);
                cs.fill();

                float y = H - 8 - 14;
                y = Block.fit(sanitize(t("badge.back.title")), bold, new float[] {12}, width, 1).drawLeft(cs, INK,
                        MARGIN, y);
                y = Block.fit(sanitize(holder.fullName() + " · " + holder.companyName()), regular,
                        new float[] {8.5f}, width, 1).drawLeft(cs, INK, MARGIN, y);
                y = Block.fit(sanitize(asOf), regular, new float[] {7}, width, 1).drawLeft(cs, GREY, MARGIN, y);
                y -= 4;
                cs.setStrokingColor(LIGHT);
                cs.setLineWidth(0.6f);
                cs.moveTo(MARGIN, y);
                cs.lineTo(W - MARGIN, y);
                cs.stroke();
                y -= 6;

                // paper is for what is still to come: a badge printed again during the forum (lost, a new role) listed
                // the days gone by first; then whole days, so a night batch listed the day that was over and a
                // reprint in the afternoon that morning's meetings
                List<ScheduleEntry> entries = card.schedule().stream()
                        .filter(entry -> entry.endsAt().isAfter(printedAt)).toList();
                boolean pastLeftOut = entries.size() < card.schedule().size();
                if (entries.isEmpty()) {
                    String none = pastLeftOut ? t("badge.back.none-ahead", dayOfMonth.format(printedAt.atZone(zone)),
                            time.format(printedAt.atZone(zone))) : t("badge.back.empty");
                    y = Block.fit(sanitize(none), regular, new float[] {8.5f}, width, 2).drawLeft(cs, GREY, MARGIN, y);
                }
                if (pastLeftOut) {
                    y = Block.fit(sanitize(t("badge.back.past")), regular, new float[] {7.5f}, width, 1)
                            .drawLeft(cs, GREY, MARGIN, y);
                }
                if (entries.isEmpty()) {
                    return;
                }
                float timeWidth = 66;
                float textX = MARGIN + timeWidth;
                float textWidth = width - timeWidth;
                float bottom = MARGIN + 12; // room for the "and N more" line
                LocalDate currentDay = null;
                for (int i = 0; i < entries.size(); i++) {
                    ScheduleEntry entry = entries.get(i);
                    LocalDate entryDay = entry.startsAt().atZone(zone).toLocalDate();
                    Block dayHeader = entryDay.equals(currentDay) ? null
                            : Block.fit(sanitize(capitalised(day.format(entryDay))), bold, new float[] {8.5f}, width, 1);
                    Block title = Block.fit(sanitize(entry.title(locale)), entry.kind() == ScheduleEntry.Kind.MEETING
                            ? bold : regular, new float[] {8}, textWidth, 2);
                    Block where = Block.fit(sanitize(place(entry)), regular, new float[] {7.5f}, textWidth, 1);
                    float needed = (dayHeader == null ? 0 : 5 + dayHeader.height()) + title.height() + where.height()
                            + 3;
                    if (y - needed < bottom) {
                        Block.fit(sanitize(t("badge.back.more", String.valueOf(entries.size() - i))), regular, new float[] {7.5f},
                                width, 1).drawLeft(cs, GREY, MARGIN, MARGIN + 10);
                        break;
                    }
                    if (dayHeader != null) {
                        y -= 5;
                        y = dayHeader.drawLeft(cs, INK, MARGIN, y);
                        currentDay = entryDay;
                    }
                    Block times = Block.fit(time.format(entry.startsAt().atZone(zone)) + "–"
                            + time.format(entry.endsAt().atZone(zone)), bold, new float[] {8}, timeWidth - 4, 1);
                    times.drawLeft(cs, INK, MARGIN, y);
                    y = title.drawLeft(cs, INK, textX, y);
                    y = where.drawLeft(cs, GREY, textX, y);
                    y -= 3;
                }
            }
        }

        private String place(ScheduleEntry entry) {
            String place = entry.place() == null ? "" : entry.place(locale);
            if (entry.meetingPlace() != null && entry.meetingPlace().atStand()) {
                return entry.meetingPlace().brief(locale, this::t);
            }
            if (entry.kind() == ScheduleEntry.Kind.MEETING && entry.tableNumber() != null) {
                return t("badge.back.table", String.valueOf(entry.tableNumber())) + " · " + place;
            }
            return place;
        }

        private String t(String key, Object... params) {
            return i18n.getTranslation(key, locale, params);
        }
    }

}
