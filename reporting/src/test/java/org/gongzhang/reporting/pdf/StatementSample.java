package org.gongzhang.reporting.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes {@code docs/statement-sample.png}: the first page of a printed 公示表 at 110 dpi, from
 * demo-like figures with rare characters in the names. Run from the repository root:
 * {@code ./mvnw -q -B -ntp -pl reporting -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.gongzhang.reporting.pdf.StatementSample}; an argument names another file.
 */
public final class StatementSample {

    private StatementSample() {
    }

    public static void main(String[] args) throws IOException {
        Path png = Path.of(args.length > 0 ? args[0] : "docs/statement-sample.png");
        Pdf pdf = new Pdf(new ReportPdfs().statement(Fixtures.statement(), Locale.SIMPLIFIED_CHINESE));
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(pdf.image(0, 110), "png", png.toFile());
        System.out.println(png + ": " + pdf.pages() + " page(s), PDF " + pdf.bytes().length / 1024 + " KB");
    }
}
