package org.gongzhang.reporting.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

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
        for (Path source : sources) {
            Path compiled = target.resolve(source.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper"));
            if (!Files.exists(compiled)
                    || Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) < 0) {
                JasperCompileManager.compileReportToFile(source.toString(), compiled.toString());
            }
        }
    }
}
