package org.b2bforum.badge;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.b2bforum.base.text.DateRanges;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.core.io.ClassPathResource;

/**
 * Text on a badge: the embedded DejaVu Sans faces, what they can print ({@link #sanitize}), and
 * blocks of text fitted to a box (made smaller, wrapped, cut with an ellipsis) and drawn on a page.
 */
final class BadgeText {

    static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    /** Characters (of the Basic Multilingual Plane) both faces can draw; others print as "?". */
    private static final BitSet PRINTABLE = printable(REGULAR);
    static {
        PRINTABLE.and(printable(BOLD));
    }
    private static final float PAGE_WIDTH = BadgeRenderer.PAGE.getWidth();

    private BadgeText() {
    }

    /**
     * A font for one document. Glyph substitution (ligatures and the like, which PDFBox would work
     * out for every line shown) is off: the badges need none, and it costs a third of the time.
     */
    static TrueTypeFont parse(byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        return ttf;
    }

    /** Some lines of text in one font and size that fit a width. */
    record Block(List<String> lines, MeasuredFont font, float size, float[] widths) {

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
                draw(cs, colour, (PAGE_WIDTH - widths[i]) / 2, y - size * 0.93f, lines.get(i));
                y -= leading();
            }
            return y;
        }

        /** Draws the first line centred on the page with its baseline at {@code baseline}. */
        void drawCentred(PDPageContentStream cs, Color colour, float baseline) throws IOException {
            if (!lines.isEmpty()) {
                draw(cs, colour, (PAGE_WIDTH - widths[0]) / 2, baseline, lines.getFirst());
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
        return DateRanges.days(first, last, locale, true);
    }

    static String capitalised(String text) {
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
