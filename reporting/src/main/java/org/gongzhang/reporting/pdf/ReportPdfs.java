package org.gongzhang.reporting.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.api.VoucherSigners;
import org.gongzhang.reporting.api.VoucherView;

/**
 * Prints reports as PDF: the 公共收益收支公示表, the 科目余额表, a 三栏明细账 and a 记账凭证, in
 * Simplified Chinese or English (labels from {@code i18n/reports}; figures, names and 大写 stay as
 * the views give them). The font, Gongzhang Sans, is embedded as a subset of the glyphs used.
 * Thread-safe: the compiled templates are shared, each call fills its own print.
 */
public final class ReportPdfs {

    /** The languages reports print in, the first being the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private static final TimeZone ZONE = TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai"));

    /** The language to print in for {@code requested}: English for any English locale, else Simplified Chinese. */
    public static Locale language(Locale requested) {
        return requested != null && requested.getLanguage().equals(Locale.ENGLISH.getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** 公共收益收支公示表. */
    public byte[] statement(StatementSheet sheet, Locale locale) {
        ReportText text = new ReportText(language(locale));
        return print(Template.STATEMENT, StatementPrint.of(sheet, text), text,
                text.label("statement.title"));
    }

    /** 科目余额表. */
    public byte[] trialBalance(TrialBalanceView view, Locale locale) {
        ReportText text = new ReportText(language(locale));
        return print(Template.TRIAL_BALANCE, TrialBalancePrint.of(view, text), text, text.label("trialBalance.title"));
    }

    /** 三栏明细账 of one account, headed with the book's name (账套), or "—" when null. */
    public byte[] accountLedger(AccountLedgerView view, String bookName, Locale locale) {
        ReportText text = new ReportText(language(locale));
        return print(Template.ACCOUNT_LEDGER, AccountLedgerPrint.of(view, bookName, text), text,
                text.label("ledger.title"));
    }

    /** 记账凭证, headed with the book's name (账套), or "—" when null. */
    public byte[] voucher(VoucherView view, String bookName, Locale locale) {
        return voucher(view, bookName, VoucherSigners.UNKNOWN, locale);
    }

    /** 记账凭证 whose 制单 / 审核 / 记账 names say whether each signed with their own key or the service for them (代签). */
    public byte[] voucher(VoucherView view, String bookName, VoucherSigners signers, Locale locale) {
        ReportText text = new ReportText(language(locale));
        return print(Template.VOUCHER, VoucherPrint.of(view, bookName, signers, text), text, text.label("voucher.title"));
    }

    private static byte[] print(Template template, Filling filling, ReportText text, String title) {
        Map<String, Object> parameters = new HashMap<>(filling.parameters());
        parameters.put(JRParameter.REPORT_LOCALE, text.locale());
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
        parameters.put(JRParameter.REPORT_TIME_ZONE, ZONE);
        try {
            JasperPrint print = JasperFillManager.fillReport(template.report(), parameters,
                    new JRMapCollectionDataSource(filling.rows()));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setCompressed(true);
            configuration.setMetadataTitle(title);
            configuration.setDisplayMetadataTitle(true);
            configuration.setMetadataCreator("Gongzhang");
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return pdf.toByteArray();
        } catch (JRException e) {
            throw new IllegalStateException("cannot print " + template, e);
        }
    }
}
