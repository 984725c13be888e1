package org.b2bforum.badge;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.company.BadgeRole;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * Lays out badges as PDF: A6 portrait pages for a badge holder, two per delegate. The front has
 * the role's colour band, the forum, the delegate's name, position, company, city and country, and
 * a QR code of the check-in link; the back has the personal schedule as of printing, in the forum's
 * time zone. DejaVu Sans is embedded (as a subset), so Cyrillic prints everywhere. Text that is too
 * long is made smaller (the name), wrapped and cut with an ellipsis; it never leaves its box.
 * <p>
 * Longer than our usual classes on purpose: it is one page layout (coordinates, fonts, boxes
 * measured against each other), which reads best in one place; it has no state and no rules.
 */
@Component
class BadgeRenderer {

    static final PDRectangle PAGE = PDRectangle.A6;
    private static final float W = PAGE.getWidth();
    private static final float H = PAGE.getHeight();
    private static final float MARGIN = 16;
    private static final float BAND = 46;
    private static final float QR_SIZE = 112;
    private static final float QR_BOTTOM = 36;

    private static final Color INK = new Color(0x1a, 0x1c, 0x20);
    private static final Color GREY = new Color(0x55, 0x5b, 0x66);
    private static final Color LIGHT = new Color(0xc8, 0xcd, 0xd4);
    private static final Map<BadgeRole, Color> ROLE_COLOURS = new EnumMap<>(Map.of(
            BadgeRole.PARTICIPANT, new Color(0x1e, 0x5a, 0xa8),
            BadgeRole.ORGANIZER, new Color(0xb3, 0x26, 0x1e),
            BadgeRole.SPEAKER, new Color(0x2e, 0x7d, 0x32),
            BadgeRole.PRESS, new Color(0xd9, 0x6c, 0x00)));

    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    /** Characters (of the Basic Multilingual Plane) both faces can draw; others print as "?". */
    private static final BitSet PRINTABLE = printable(REGULAR);
    static {
        PRINTABLE.and(printable(BOLD));
    }

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
            qrCodes.add(CompletableFuture.supplyAsync(() -> qrMatrix(card.checkInLink())));
        }
        try (PDDocument document = new PDDocument(onDisk ? IOUtils.createTempFileOnlyStreamCache()
                : IOUtils.createMemoryOnlyStreamCache());
                TrueTypeFont regular = parse(REGULAR);
                TrueTypeFont bold = parse(BOLD)) {
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

    /**
     * A font for one document. Glyph substitution (ligatures and the like, which PDFBox would work
     * out for every line shown) is off: the badges need none, and it costs a third of the time.
     */
    private static TrueTypeFont parse(byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        return ttf;
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
            this.asOf = t("badge.back.as-of", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
                    .format(printedAt.atZone(zone)));
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
                roleLine.drawCentred(cs, Color.WHITE, H - BAND / 2 - roleLine.size * 0.36f);

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
                String place = holder.city() + ", " + t(holder.country().translationKey());
                Block.fit(sanitize(place), regular, new float[] {10, 9}, W - 2 * MARGIN, 1).drawFrom(cs, GREY, y);

                qr(cs, qrCode, (W - QR_SIZE) / 2, QR_BOTTOM, QR_SIZE);
                Block.fit(sanitize(t("badge.front.check-in")), regular, new float[] {6.5f}, W - 2 * MARGIN, 1)
                        .drawCentred(cs, GREY, 14);
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

                List<ScheduleEntry> entries = card.schedule();
                if (entries.isEmpty()) {
                    Block.fit(sanitize(t("badge.back.empty")), regular, new float[] {8.5f}, width, 2)
                            .drawLeft(cs, GREY, MARGIN, y);
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
                    Block title = Block.fit(sanitize(entry.title()), entry.kind() == ScheduleEntry.Kind.MEETING
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
            String place = entry.place() == null ? "" : entry.place();
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

    /** Some lines of text in one font and size that fit a width. */
    private record Block(List<String> lines, MeasuredFont font, float size, float[] widths) {

        float leading() {
            return size * 1.22f;
        }

        float height() {
            return lines.size() * leading();
        }

        /**
         * The text at the largest of {@code sizes} at which it fits {@code maxLines} lines of
         * {@code maxWidth}; at the smallest size, cut to {@code maxLines} lines with an ellipsis.
         */
        static Block fit(String text, MeasuredFont font, float[] sizes, float maxWidth, int maxLines) throws IOException {
            List<String> lines = List.of();
            float size = sizes[sizes.length - 1];
            for (float candidate : sizes) {
                lines = wrap(text, font, candidate, maxWidth);
                size = candidate;
                if (lines.size() <= maxLines) {
                    break;
                }
            }
            if (lines.size() > maxLines) {
                List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
                String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
                kept.set(maxLines - 1, ellipsis(rest, font, size, maxWidth));
                lines = kept;
            }
            float[] widths = new float[lines.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = width(font, size, lines.get(i));
            }
            return new Block(lines, font, size, widths);
        }

        /** Draws the lines left-aligned below {@code top}; returns the top of what follows. */
        float drawLeft(PDPageContentStream cs, Color colour, float x, float top) throws IOException {
            float y = top;
            for (String line : lines) {
                draw(cs, colour, x, y - size * 0.93f, line);
                y -= leading();
            }
            return y;
        }

        /** Draws the lines centred on the page below {@code top}; returns the top of what follows. */
        float drawFrom(PDPageContentStream cs, Color colour, float top) throws IOException {
            float y = top;
            for (int i = 0; i < lines.size(); i++) {
                draw(cs, colour, (W - widths[i]) / 2, y - size * 0.93f, lines.get(i));
                y -= leading();
            }
            return y;
        }

        /** Draws the first line centred on the page with its baseline at {@code baseline}. */
        void drawCentred(PDPageContentStream cs, Color colour, float baseline) throws IOException {
            if (!lines.isEmpty()) {
                draw(cs, colour, (W - widths[0]) / 2, baseline, lines.getFirst());
            }
        }

        private void draw(PDPageContentStream cs, Color colour, float x, float baseline, String line)
                throws IOException {
            if (line.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font.pdf, size);
            cs.setNonStrokingColor(colour);
            cs.newLineAtOffset(x, baseline);
            cs.showText(line);
            cs.endText();
        }
    }

    /** Word-wraps to lines no wider than {@code maxWidth}; a word longer than a line is broken. */
    static List<String> wrap(String text, MeasuredFont font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth) {
                int fits = longestFittingPrefix(rest, font, size, maxWidth);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut so that it and "…" fit {@code maxWidth}, or the text itself when it fits. */
    static String ellipsis(String text, MeasuredFont font, float size, float maxWidth) throws IOException {
        if (width(font, size, text) <= maxWidth) {
            return text;
        }
        int fits = longestFittingPrefix(text, font, size, maxWidth - width(font, size, "…"));
        return text.substring(0, fits).stripTrailing() + "…";
    }

    /** The length of the longest prefix (at least one character, whole code points) that fits. */
    private static int longestFittingPrefix(String text, MeasuredFont font, float size, float maxWidth) throws IOException {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (width(font, size, text.substring(0, middle)) <= maxWidth) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        if (low < text.length() && Character.isHighSurrogate(text.charAt(low - 1))) {
            low = Math.max(1, low - 1);
        }
        return low;
    }

    static float width(MeasuredFont font, float size, String text) throws IOException {
        return font.width(text) / 1000f * size;
    }

    /**
     * A font that remembers the widths of the characters it has measured: fitting text to its box
     * measures the same few letters thousands of times a batch.
     */
    static final class MeasuredFont {

        final PDFont pdf;
        private final float[] widths = new float[0x10000];

        MeasuredFont(PDFont pdf) {
            this.pdf = pdf;
            Arrays.fill(widths, Float.NaN);
        }

        /** The width of a (sanitized, one-line) text in thousandths of the font size. */
        float width(String text) throws IOException {
            float total = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                float width = widths[c];
                if (Float.isNaN(width)) {
                    width = pdf.getStringWidth(String.valueOf(c));
                    widths[c] = width;
                }
                total += width;
            }
            return total;
        }
    }

    /** The QR code of {@code text}: error correction M, no quiet zone (the page around it is white). */
    static BitMatrix qrMatrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new UncheckedIOException(new IOException("Cannot make a QR code of " + text.length()
                    + " characters", e));
        }
    }

    /** Draws a QR code as vector squares: sharp at any print resolution. */
    private static void qr(PDPageContentStream cs, BitMatrix matrix, float x, float y, float size) throws IOException {
        int modules = matrix.getWidth();
        float module = size / modules;
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && matrix.get(column, row)) {
                    column++;
                }
                cs.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
            }
        }
        cs.fill();
    }

    /**
     * Text the fonts can print on one line: line breaks and other control characters become spaces,
     * runs of spaces one, characters without a glyph "?".
     */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(cp <= 0xFFFF && PRINTABLE.get(cp) ? Character.toString(cp) : "?");
        }
        return out.toString();
    }

    static String forumDates(LocalDate first, LocalDate last, Locale locale) {
        if (first == null || last == null) {
            return "";
        }
        DateTimeFormatter dayMonthYear = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        if (first.equals(last)) {
            return dayMonthYear.format(first);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            return first.getDayOfMonth() + "–" + dayMonthYear.format(last);
        }
        if (first.getYear() == last.getYear()) {
            return DateTimeFormatter.ofPattern("d MMMM", locale).format(first) + " – " + dayMonthYear.format(last);
        }
        return dayMonthYear.format(first) + " – " + dayMonthYear.format(last);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The badge font " + path + " is missing", e);
        }
    }

    private static BitSet printable(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet printable = new BitSet(0x10000);
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    printable.set(cp);
                }
            }
            return printable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
