package org.b2bforum.base.text;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook sheet's header as an analyst reads it, the same in the results report and the leads: its titles in their
 * (bold) style, kept in view while the rows scroll, and a filter over the rows under it.
 */
public final class Sheets {

    private Sheets() {
    }

    /**
     * Writes {@code titles} into row {@code at} in {@code style}, freezes the rows down to it and filters the rows
     * from it to {@code lastRow} (a total row left out stays last, out of the sorting).
     */
    public static Row header(Sheet sheet, int at, List<String> titles, CellStyle style, int lastRow) {
        Row header = sheet.createRow(at);
        for (int c = 0; c < titles.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(titles.get(c));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, at + 1);
        sheet.setAutoFilter(new CellRangeAddress(at, Math.max(at, lastRow), 0, titles.size() - 1));
        return header;
    }
}
