package org.b2bforum.reporting;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;

/**
 * DejaVu Sans, the badges' font, for the report: the same faces measure the charts (as AWT fonts)
 * and are embedded in the PDF, so Cyrillic prints everywhere and labels fit as measured.
 */
final class ReportFonts {

    static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    static final Font AWT_REGULAR = awt(REGULAR);
    static final Font AWT_BOLD = awt(BOLD);
    /** Characters (of the Basic Multilingual Plane) both faces can draw; others print as "?". */
    private static final BitSet PRINTABLE = printable(REGULAR);
    static {
        PRINTABLE.and(printable(BOLD));
    }

    private ReportFonts() {
    }

    /** The text with every character the fonts cannot draw replaced by "?" (and control characters by spaces). */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (c < PRINTABLE.size() && PRINTABLE.get(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    static TrueTypeFont parse(byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false); // no ligatures needed; PDFBox would work them out for every line
        return ttf;
    }

    private static BitSet printable(byte[] font) {
        try (TrueTypeFont ttf = parse(font)) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet set = new BitSet(0x10000);
            for (int c = 0x20; c < 0x10000; c++) {
                if (cmap.getGlyphId(c) != 0) {
                    set.set(c);
                }
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt(byte[] font) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("DejaVu Sans cannot be read", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
