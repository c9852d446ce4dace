package org.gongzhang.reporting.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.design.JRCompiler;

/**
 * Compiles the JRXML templates into {@code .jasper} files at build time (the reporting module's
 * {@code process-classes} phase): {@code ReportCompiler <jrxml dir> <output dir>}. Templates whose
 * compiled file is newer than their source are left alone.
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReportCompiler <jrxml dir> <output dir>");
        }
        Path target = Files.createDirectories(Path.of(args[1]));
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            sources = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
        // JasperReports writes each template's expressions class to <temp dir>/<template>_<hash of its
        // content>.java and deletes it after: two builds on one machine (a CI run beside a developer's)
        // wrote and deleted the same file under /tmp and one of them failed. A directory of this run's own.
        Path scratch = Files.createTempDirectory("gongzhang-report-compiler");
        DefaultJasperReportsContext.getInstance().setProperty(JRCompiler.COMPILER_TEMP_DIR, scratch.toString());
        try {
            for (Path source : sources) {
                Path compiled = target.resolve(source.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper"));
                if (!Files.exists(compiled)
                        || Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) < 0) {
                    JasperCompileManager.compileReportToFile(source.toString(), compiled.toString());
                }
            }
        } finally {
            try (Stream<Path> left = Files.walk(scratch)) {
                for (Path file : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
