package org.gongzhang.reporting.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A printed PDF as a reader sees it: its text, its fonts, its pages as images, the QR code on them. */
record Pdf(byte[] bytes) {

    int pages() {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text in reading order, lines as PDFBox finds them. */
    String text() {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's lines. */
    List<String> lines() {
        return List.of(text().split("\\R"));
    }

    /** True when one line holds every part, in this order. */
    boolean hasLine(String... parts) {
        return lines().stream().anyMatch(line -> {
            int at = 0;
            for (String part : parts) {
                at = line.indexOf(part, at);
                if (at < 0) {
                    return false;
                }
                at += part.length();
            }
            return true;
        });
    }

    /** The text without any whitespace, for figures printed across digit columns or wrapped lines. */
    String compactText() {
        return text().replaceAll("\\s+", "");
    }

    /** Every font the pages use: embedded or not, and its base font name. */
    List<FontUse> fonts() {
        List<FontUse> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(new FontUse(font.getName(), font.isEmbedded()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    BufferedImage image(int page, float dpi) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the QR code on the first page. */
    String qrCode() {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image(0, 150)))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the first page", e);
        }
    }

    /** A font as a page uses it. */
    record FontUse(String baseName, boolean embedded) {
        /** A subset carries a six-letter tag, e.g. {@code ABCDEF+LXGWWenKai}. */
        boolean subset() {
            return baseName.matches("[A-Z]{6}\\+.+");
        }
    }
}
