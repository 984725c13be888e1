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

    private static String decode(BufferedImage image) throws ReaderException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
