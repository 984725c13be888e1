package org.b2bforum.badge;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code of a badge's check-in link: encoded with ZXing, drawn as vector squares on the printed badge and
 * as a black-and-white PNG on the delegate's phone.
 */
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

    /**
     * A PNG of the code for a screen: {@code modulePixels} pixels a module and the quiet zone of four modules the
     * QR standard asks for (a phone's screen is not white around it), in two colours.
     */
    static byte[] png(BitMatrix matrix, int modulePixels) {
        int quiet = 4;
        int side = (matrix.getWidth() + 2 * quiet) * modulePixels;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int white = Color.WHITE.getRGB();
        int black = Color.BLACK.getRGB();
        for (int y = 0; y < side; y++) {
            int row = y / modulePixels - quiet;
            for (int x = 0; x < side; x++) {
                int column = x / modulePixels - quiet;
                boolean dark = row >= 0 && column >= 0 && row < matrix.getHeight() && column < matrix.getWidth()
                        && matrix.get(column, row);
                image.setRGB(x, y, dark ? black : white);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
