package org.gongzhang.reporting.pdf;

import java.util.Arrays;
import java.util.Locale;
import org.gongzhang.reporting.api.StatementSheet;

/**
 * Warm render time of one statement PDF (fill + export, one page, QR code, font subset): the
 * first render, then the median and p95 of {@code rounds} renders after {@code warmup} unmeasured
 * ones, on one thread. Arguments: rounds (default 50), warmup (default 30). Run from the
 * repository root: {@code ./mvnw -q -B -ntp -pl reporting -am test-compile exec:java -Dexec.skip=true
 * -Dexec.classpathScope=test -Dexec.mainClass=org.gongzhang.reporting.pdf.StatementPdfBenchmark}.
 */
public final class StatementPdfBenchmark {

    private StatementPdfBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        StatementSheet sheet = Fixtures.statement();
        ReportPdfs pdfs = new ReportPdfs();

        long started = System.nanoTime();
        int size = pdfs.statement(sheet, Locale.SIMPLIFIED_CHINESE).length;
        double first = (System.nanoTime() - started) / 1e6;
        for (int i = 0; i < warmup; i++) {
            pdfs.statement(sheet, Locale.SIMPLIFIED_CHINESE);
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            pdfs.statement(sheet, Locale.SIMPLIFIED_CHINESE);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "statement PDF, %d bytes, %d cores, Java %s%n", size,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf(Locale.ROOT, "first render (templates, font): %.0f ms%n", first);
        System.out.printf(Locale.ROOT, "warm, %d renders after %d: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms%n",
                rounds, warmup, millis[rounds / 2], millis[(int) Math.ceil(rounds * 0.95) - 1], millis[0],
                millis[rounds - 1]);
    }
}
