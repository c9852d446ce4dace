package org.gongzhang.service.report;

import java.util.Locale;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a printed report is answered: in which language, and as an inline PDF with a plain file name. */
public final class PdfAnswers {

    private PdfAnswers() {
    }

    /**
     * The language to print in: {@code lang} when given, else the request's (Accept-Language). A
     * refusal of this request then speaks the same language.
     */
    public static Locale language(String lang) {
        if (lang != null && !lang.isBlank()) {
            LocaleContextHolder.setLocale(ReportPdfs.language(Locale.forLanguageTag(lang)));
        }
        return ReportPdfs.language(LocaleContextHolder.getLocale());
    }

    /** The PDF, shown inline, named {@code name}.pdf with anything but letters, digits, dot, dash and underscore as _. */
    public static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf").build().toString())
                .body(pdf);
    }
}
