package org.gongzhang.reporting.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * The report templates, compiled from {@code src/main/jasperreports/*.jrxml} at build time
 * ({@link ReportCompiler}) so that no Java compiler is needed where reports are printed. Each is
 * loaded once, on first use; a compiled report is immutable and filled by many threads at once.
 */
enum Template {
    STATEMENT("statement"),
    TRIAL_BALANCE("trial-balance"),
    ACCOUNT_LEDGER("account-ledger"),
    VOUCHER("voucher");

    private final String name;
    private volatile JasperReport compiled;

    Template(String name) {
        this.name = name;
    }

    JasperReport report() {
        JasperReport report = compiled;
        if (report == null) {
            synchronized (this) {
                report = compiled;
                if (report == null) {
                    report = load();
                    compiled = report;
                }
            }
        }
        return report;
    }

    private JasperReport load() {
        String resource = name + ".jasper";
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("compiled report " + resource + " is missing: build the reporting module");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot load compiled report " + resource, e);
        }
    }
}
