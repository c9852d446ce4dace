package org.gongzhang.reporting.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * A QR code drawn as vector shapes, so it stays sharp on paper at any size: one filled path of
 * every dark module, inside a quiet zone of four modules, centred in the image element's box.
 */
final class QrCode extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    private static final int QUIET_ZONE = 4;

    private final boolean[][] dark;

    private QrCode(boolean[][] dark) {
        this.dark = dark;
    }

    /** The QR code of {@code text} (UTF-8, error correction level M). */
    static QrCode of(String text) {
        try {
            ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
            boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
            for (int y = 0; y < dark.length; y++) {
                for (int x = 0; x < dark[y].length; x++) {
                    dark[y][x] = matrix.get(x, y) == 1;
                }
            }
            return new QrCode(dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D box) {
        int modules = dark.length + 2 * QUIET_ZONE;
        double side = Math.min(box.getWidth(), box.getHeight());
        double module = side / modules;
        double left = box.getX() + (box.getWidth() - side) / 2 + QUIET_ZONE * module;
        double top = box.getY() + (box.getHeight() - side) / 2 + QUIET_ZONE * module;
        Path2D.Double path = new Path2D.Double();
        for (int y = 0; y < dark.length; y++) {
            int x = 0;
            while (x < dark[y].length) {
                if (!dark[y][x]) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < dark[y].length && dark[y][run]) {
                    run++;
                }
                path.append(new Rectangle2D.Double(left + x * module, top + y * module, (run - x) * module, module),
                        false);
                x = run;
            }
        }
        graphics.setColor(Color.WHITE);
        graphics.fill(new Rectangle2D.Double(box.getX() + (box.getWidth() - side) / 2,
                box.getY() + (box.getHeight() - side) / 2, side, side));
        graphics.setColor(Color.BLACK);
        graphics.fill(path);
    }
}
