package org.b2bforum.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.b2bforum.base.text.Sheets;
import org.b2bforum.reporting.ReportTables.Table;
import org.b2bforum.venue.Outcome;

/**
 * The report's figures as XLSX: one sheet per table, numbers as numbers (shares as percentages, times as dates),
 * each header frozen, filtered and printed on every page,
 * all rows (the PDF shortens the pair tables), and every meeting that led somewhere, follow-ups
 * included. Rows are streamed to disk as they are written.
 */
final class ResultsWorkbook {

    private final ForumResults results;
    private final ReportText text;
    private final ReportTables tables;

    ResultsWorkbook(ForumResults results, ReportText text) {
        this.results = results;
        this.text = text;
        this.tables = new ReportTables(results, text);
    }

    void write(LocalDate today, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setTitle(text.t("report.title") + " · " + text.forumTitle());
            Styles styles = new Styles(workbook, text.sheetDateTime());
            Set<String> names = new HashSet<>();
            Table summary = tables.keyFigures();
            Sheet first = sheet(workbook, names, summary.sheet());
            cell(first.createRow(0), 0, text.t("report.title") + " · " + text.forumTitle(), styles.title);
            cell(first.createRow(1), 0, text.forumDates(results.firstDay(), results.lastDay()) + " · "
                    + text.t("report.drawn-up", text.date(today)), null);
            fill(first, 3, summary, styles);
            for (Table table : List.of(tables.cities(), tables.countries(), tables.meetings(), tables.sectorPairs(),
                    tables.cityPairs(), tables.outcomes(),
                    tables.outcomeMeetings(List.of(Outcome.AGREEMENT_SIGNED, Outcome.AGREEMENT_IN_PREPARATION,
                            Outcome.FOLLOW_UP), "report.table.outcome-meetings"),
                    tables.roundTables())) {
                fill(sheet(workbook, names, table.sheet()), 0, table, styles);
            }
            if (!results.fair().empty()) {
                for (Table table : List.of(tables.fairZones(), tables.fairSectors(), tables.fairExhibitors(),
                        tables.fairVisitorCities())) {
                    fill(sheet(workbook, names, table.sheet()), 0, table, styles);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static Sheet sheet(SXSSFWorkbook workbook, Set<String> names, String wanted) {
        String name = WorkbookUtil.createSafeSheetName(wanted);
        for (int i = 2; !names.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = WorkbookUtil.createSafeSheetName(wanted.substring(0, Math.min(wanted.length(), 31 - suffix.length()))
                    + suffix);
        }
        return workbook.createSheet(name);
    }

    /** The table's caption, its header and its rows from the given row on. */
    private static void fill(Sheet sheet, int from, Table table, Styles styles) {
        cell(sheet.createRow(from), 0, table.caption(), styles.bold);
        // sorted and filtered by the analyst (a total row stays out, last), printed on A4 across with the header on
        // every page: the sheets had none of it (ux87)
        Sheets.header(sheet, from + 1, table.columns().stream().map(ReportPdf.Column::title).toList(), styles.header,
                from + 1 + table.rows().size() - (table.total() ? 1 : 0));
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.setColumnWidth(c, Math.min(255, Math.round(table.columns().get(c).share() * 12)) * 256);
        }
        int r = from + 2;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (c == 0 && value instanceof String s && s.matches("\\d+")) {
                    value = Long.parseLong(s); // the row numbers
                }
                switch (value) {
                    case LocalDateTime at -> {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(at);
                        cell.setCellStyle(styles.dateTime);
                    }
                    case Double share -> cell(row, c, share, styles.percent);
                    case Number n -> cell(row, c, n.doubleValue(), styles.integer);
                    case null -> { }
                    default -> cell(row, c, value.toString(), null);
                }
            }
        }
        sheet.setRepeatingRows(new CellRangeAddress(from + 1, from + 1, 0, table.columns().size() - 1));
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(table.columns().size() > 4);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void cell(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook, String dateTimeFormat) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 13);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat(dateTimeFormat));
            dateTime.setAlignment(HorizontalAlignment.LEFT);
        }
    }
}
