package org.b2bforum.badge;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads badge PDFs in tests: their text, and the QR code as a phone would see it on the printed page. */
public final class BadgePdfs {

    private BadgePdfs() {
    }

    public static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (1-based). */
    public static String text(PDDocument document, int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders a page (0-based) and decodes the QR code on it with ZXing: at 150 dpi, and at 300 dpi when the
     * coarser picture does not decode (rows of vector squares can leave hairline seams at low resolution).
     */
    public static String qrCode(PDDocument document, int pageIndex) {
        ReaderException unreadable = null;
        for (int dpi : new int[] {150, 300}) {
            try {
                return decode(new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.RGB));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ReaderException e) {
                unreadable = e;
            }
        }
        throw new AssertionError("No readable QR code on page " + (pageIndex + 1), unreadable);
    }

    /** Decodes the QR code of an image file (PNG) as a phone's camera would read it from a screen. */
    public static String qrCodeOfImage(byte[] image) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
            if (picture == null) {
                throw new AssertionError("Not an image");
            }
            return decode(picture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReaderException e) {
            throw new AssertionError("No readable QR code in the image", e);
        }
    }

    /**
     * ZXing's reader as a scanning app uses it, on the picture as it is and, where it finds no code, turned by a
     * quarter, a half and three quarters, as a person turns the phone. Upright alone it misses about one valid code in
     * 160 (19 of 3,000 random check-in links drawn as {@code BadgeQr.png} draws them, 2026-12-05; turned, it read all
     * 19): a row of data modules that looks like a finder pattern misleads its search. The check-in token is random,
     * so such a miss made the badge tests fail now and then though the code was right. A misled search can also end
     * in a format or checksum error rather than "not found" (2 of 1,500 links drawn on the badge's PDF page, read at
     * 150 and 300 dpi, 2026-12-06): turned, those are read too.
     */
    private static String decode(BufferedImage image) throws ReaderException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        ReaderException misled = null;
        for (int turn = 0; turn < 4; turn++) {
            try {
                BinaryBitmap bitmap = new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (ReaderException e) {
                // not found, or found and misread (a format or checksum error): the same search misled
                misled = misled == null ? e : misled;
            }
            if (turn == 3) {
                break;
            }
            pixels = quarterTurn(pixels, width, height);
            int turned = width;
            width = height;
            height = turned;
        }
        throw misled;
    }

    /** The pixels turned a quarter clockwise: the picture becomes {@code height} wide and {@code width} high. */
    private static int[] quarterTurn(int[] pixels, int width, int height) {
        int[] turned = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                turned[x * height + (height - 1 - y)] = pixels[y * width + x];
            }
        }
        return turned;
    }
}
