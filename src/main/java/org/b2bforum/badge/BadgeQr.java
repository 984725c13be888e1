package org.b2bforum.badge;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The QR code of a badge's check-in link: encoded with ZXing, drawn as vector squares. */
final class BadgeQr {

    private BadgeQr() {
    }

    /** The QR code of {@code text}: error correction M, no quiet zone (the page around it is white). */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new UncheckedIOException(new IOException("Cannot make a QR code of " + text.length()
                    + " characters", e));
        }
    }

    /** Draws a QR code as vector squares: sharp at any print resolution. */
    static void draw(PDPageContentStream cs, BitMatrix matrix, float x, float y, float size) throws IOException {
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

}
