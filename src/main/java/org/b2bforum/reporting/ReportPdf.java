package org.b2bforum.reporting;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

/**
 * Lays the report out as an A4 document: text flows down the page and onto the next, tables are
 * numbered and repeat their header (and say "continued") on a new page, charts are drawn as
 * vectors with their text in the embedded DejaVu Sans, every page carries its number.
 */
final class ReportPdf implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = 70;
    static final float RIGHT = 42;
    static final float TOP = 50;
    static final float BOTTOM = 56;
    static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    private static final float CELL_PAD = 3;
    static final Color INK = new Color(0x1a, 0x1c, 0x20);
    static final Color GREY = new Color(0x55, 0x5b, 0x66);
    private static final Color RULE = new Color(0x9a, 0xa0, 0xa8);
    private static final Color HEADER_FILL = new Color(0xe8, 0xec, 0xf2);

    /** A table column: its share of the width and whether it holds numbers (set to the right). */
    record Column(String title, float share, boolean numeric) {
    }

    private final PDDocument document;
    private final TrueTypeFont regularFont;
    private final TrueTypeFont boldFont;
    final PDFont regular;
    final PDFont bold;
    private final PdfBoxGraphics2DFontTextDrawer chartFonts = new PdfBoxGraphics2DFontTextDrawer();
    private PDPageContentStream cs;
    private float y;
    private int tables;
    private int figures;

    ReportPdf() throws IOException {
        document = new PDDocument(IOUtils.createMemoryOnlyStreamCache());
        regularFont = ReportFonts.parse(ReportFonts.REGULAR);
        boldFont = ReportFonts.parse(ReportFonts.BOLD);
        regular = PDType0Font.load(document, regularFont, true);
        bold = PDType0Font.load(document, boldFont, true);
        chartFonts.registerFont(ReportFonts.AWT_REGULAR.getFontName(), regular);
        chartFonts.registerFont(ReportFonts.AWT_BOLD.getFontName(), bold);
    }

    void info(String title, String subject) {
        document.getDocumentInformation().setTitle(ReportFonts.printable(title));
        document.getDocumentInformation().setSubject(ReportFonts.printable(subject));
        document.getDocumentInformation().setCreator("B2B Forum");
    }

    // ---- pages and text --------------------------------------------------------------------

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        cs = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - TOP;
    }

    float y() {
        return y;
    }

    void space(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Wrapped text at the left margin (or centred), starting on a new page if its first lines do not fit. */
    void text(String text, PDFont font, float size, Color colour, boolean centred) throws IOException {
        List<String> lines = wrap(ReportFonts.printable(text), font, size, WIDTH);
        float leading = size * 1.35f;
        ensure(Math.min(lines.size(), 3) * leading);
        for (String line : lines) {
            ensure(leading);
            float x = centred ? LEFT + (WIDTH - width(line, font, size)) / 2 : LEFT;
            show(line, font, size, colour, x, y - size);
            y -= leading;
        }
    }

    void paragraph(String text) throws IOException {
        text(text, regular, 10, INK, false);
        y -= 6;
    }

    /** A numbered section heading ("2. Деловые переговоры"), on a new page unless {@code keep} points follow it. */
    void heading(String text, float keep) throws IOException {
        ensure(keep + 30);
        y -= 8;
        text(text, bold, 13, INK, false);
        y -= 4;
    }

    /** A line at a given position, not moving the flow. */
    void show(String text, PDFont font, float size, Color colour, float x, float baseline) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    void rule(float x1, float x2, float at) throws IOException {
        cs.setStrokingColor(INK);
        cs.setLineWidth(0.6f);
        cs.moveTo(x1, at);
        cs.lineTo(x2, at);
        cs.stroke();
    }

    static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Lines of at most {@code width} points, broken at spaces. Text that does not fit on one line breaks after a " · "
     * first where the part after it then fits a line whole (one longer than a line goes on after the " · "): "B-7, Hall
     * B · Machinery / and technology" broke the zone's name (ux87, the English report; the Russian one too at a short
     * stand number). A word longer than a line breaks after its last hyphen that fits and fills about half the line
     * ("Стройиндустрия-" over "Подмосковье"), else where it must ("Стройиндустрия-Подмо" over "сковье", ux87).
     */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            if (width(paragraph, font, size) <= width) {
                lines.add(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String phrase : paragraph.split("(?<= ·) +")) {
                if (width(phrase, font, size) <= width) {
                    // after " · " a new line only where the part then fits it whole; a longer one goes on word by word
                    if (!joined(line, phrase, lines, font, size, width)) {
                        line.append(phrase);
                    }
                    continue;
                }
                for (String word : phrase.split(" +")) {
                    if (joined(line, word, lines, font, size, width)) {
                        continue;
                    }
                    String rest = word;
                    while (width(rest, font, size) > width && rest.length() > 1) {
                        int cut = cut(rest, font, size, width);
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Adds {@code part} to the line where the two fit; else ends the line (into {@code lines}) and says no. */
    private static boolean joined(StringBuilder line, String part, List<String> lines, PDFont font, float size,
            float width) throws IOException {
        if (width(line.isEmpty() ? part : line + " " + part, font, size) <= width) {
            line.append(line.isEmpty() ? "" : " ").append(part);
            return true;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
        return false;
    }

    /**
     * Where a word longer than a line breaks: after its last hyphen that fits, if what comes before fills about half
     * the line ("А-" alone on a line over the rest read worse than a cut word), else after its last letter that fits.
     */
    private static int cut(String word, PDFont font, float size, float width) throws IOException {
        for (int hyphen = word.lastIndexOf('-', word.length() - 2); hyphen > 0;
                hyphen = word.lastIndexOf('-', hyphen - 1)) {
            float head = width(word.substring(0, hyphen + 1), font, size);
            if (head < width / 2) {
                break;
            }
            if (head <= width) {
                return hyphen + 1;
            }
        }
        int cut = word.length() - 1;
        while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
            cut--;
        }
        return cut;
    }

    // ---- figures ---------------------------------------------------------------------------

    /** A chart as vectors across the text width, with "Рисунок N — caption" under it. */
    void figure(JFreeChart chart, float height, String label, String caption) throws IOException {
        ensure(height + 30);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, WIDTH, height);
        g.setFontTextDrawer(chartFonts);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(LEFT, y - height));
        cs.drawForm(form);
        cs.restoreGraphicsState();
        y -= height + 4;
        figures++;
        text(label + " " + figures + " — " + caption, regular, 9, GREY, true);
        y -= 10;
    }

    // ---- tables ----------------------------------------------------------------------------

    /**
     * A numbered table: "Таблица N — caption" above it, a shaded header row repeated on every page
     * it runs onto (under "Продолжение таблицы N"), rows with wrapped cells.
     */
    void table(String label, String continued, String caption, List<Column> columns, List<List<String>> rows)
            throws IOException {
        tables++;
        int number = tables;
        float size = 9;
        float leading = size * 1.25f;
        float[] widths = new float[columns.size()];
        float total = 0;
        for (Column column : columns) {
            total += column.share();
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * columns.get(i).share() / total;
        }
        float headerSize = headerSize(columns, widths);
        List<List<String>> header = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            header.add(wrap(ReportFonts.printable(columns.get(i).title()), bold, headerSize, widths[i] - 2 * CELL_PAD));
        }
        float headerHeight = height(header, headerSize * 1.25f);
        List<List<List<String>>> wrapped = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>(row.size());
            for (int i = 0; i < widths.length; i++) {
                cells.add(wrap(ReportFonts.printable(row.get(i)), regular, size, widths[i] - 2 * CELL_PAD));
            }
            wrapped.add(cells);
        }
        // the caption and header go where the first two rows fit as they are wrapped, not as two one-line rows:
        // a first row of long round-table titles left "Table 12 — …" and its header alone at a page's foot
        float firstRows = 0;
        for (List<List<String>> cells : wrapped.subList(0, Math.min(2, wrapped.size()))) {
            firstRows += height(cells, leading);
        }
        ensure(28 + headerHeight + Math.max(firstRows, 2 * leading + 2 * CELL_PAD));
        text(label + " " + number + " — " + caption, regular, 10, INK, false);
        y -= 2;
        headerRow(header, widths, headerHeight, headerSize, columns);
        for (List<List<String>> cells : wrapped) {
            float rowHeight = height(cells, leading);
            if (y - rowHeight < BOTTOM) {
                newPage();
                text(continued + " " + number, regular, 9, GREY, false);
                y -= 2;
                headerRow(header, widths, headerHeight, headerSize, columns);
            }
            cells(cells, widths, rowHeight, regular, size, leading, columns);
        }
        y -= 14;
    }

    private void headerRow(List<List<String>> header, float[] widths, float height, float size, List<Column> columns)
            throws IOException {
        cs.setNonStrokingColor(HEADER_FILL);
        cs.addRect(LEFT, y - height, WIDTH, height);
        cs.fill();
        cells(header, widths, height, bold, size, size * 1.25f, columns);
    }

    /** The largest size (9, 8 or 7 points) at which every word of every column title fits its column. */
    private float headerSize(List<Column> columns, float[] widths) throws IOException {
        for (float size : new float[] {9, 8}) {
            boolean fits = true;
            for (int i = 0; i < widths.length && fits; i++) {
                for (String word : ReportFonts.printable(columns.get(i).title()).split(" +")) {
                    fits &= width(word, bold, size) <= widths[i] - 2 * CELL_PAD;
                }
            }
            if (fits) {
                return size;
            }
        }
        return 7;
    }

    private void cells(List<List<String>> cells, float[] widths, float height, PDFont font, float size,
            float leading, List<Column> columns) throws IOException {
        float x = LEFT;
        for (int i = 0; i < cells.size(); i++) {
            float baseline = y - CELL_PAD - size * 0.95f;
            for (String line : cells.get(i)) {
                float lineX = columns.get(i).numeric() ? x + widths[i] - CELL_PAD - width(line, font, size)
                        : x + CELL_PAD;
                show(line, font, size, INK, lineX, baseline);
                baseline -= leading;
            }
            x += widths[i];
        }
        cs.setStrokingColor(RULE);
        cs.setLineWidth(0.4f);
        cs.addRect(LEFT, y - height, WIDTH, height);
        x = LEFT;
        for (int i = 0; i < widths.length - 1; i++) {
            x += widths[i];
            cs.moveTo(x, y);
            cs.lineTo(x, y - height);
        }
        cs.stroke();
        y -= height;
    }

    private static float height(List<List<String>> cells, float leading) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * leading + 2 * CELL_PAD;
    }

    // ---- the end ---------------------------------------------------------------------------

    /** Numbers every page ("Страница 2 из 9") under a thin rule with the document's short name, and saves. */
    void save(String footer, String pageOf, OutputStream out) throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        int pages = document.getNumberOfPages();
        String name = ReportFonts.printable(footer);
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footerStream = new PDPageContentStream(document, page, AppendMode.APPEND, true,
                    true)) {
                cs = footerStream;
                float base = BOTTOM - 30;
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.4f);
                cs.moveTo(LEFT, base + 12);
                cs.lineTo(LEFT + WIDTH, base + 12);
                cs.stroke();
                show(name, regular, 8, GREY, LEFT, base);
                String number = ReportFonts.printable(pageOf.replace("{0}", String.valueOf(i + 1))
                        .replace("{1}", String.valueOf(pages)));
                show(number, regular, 8, GREY, LEFT + WIDTH - width(number, regular, 8), base);
            }
        }
        cs = null;
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        document.close();
        regularFont.close();
        boldFont.close();
    }
}
