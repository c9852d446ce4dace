package org.gongzhang.service.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.gongzhang.core.period.Period;
import org.springframework.stereotype.Component;

/**
 * The public addresses where a resident verifies what a printed statement says: the one place
 * they are built, from {@code ledger.public.base-url}.
 */
@Component
public class VerifyLinks {

    private final String base;

    VerifyLinks(PublicSiteProperties properties) {
        this.base = properties.baseUrl().replaceAll("/+$", "");
    }

    /** {@code <base>/public/books/{book}/verify?from=yyyy-MM&to=yyyy-MM}. */
    public String statement(String book, Period from, Period to) {
        return base + "/public/books/" + URLEncoder.encode(book, StandardCharsets.UTF_8) + "/verify?from=" + from
                + "&to=" + to;
    }

    /** {@code <base>/public/books/{book}/statements/{id}}: the page of a statement version, which verifies it. */
    public String publishedStatement(String book, String statementId) {
        return base + "/public/books/" + URLEncoder.encode(book, StandardCharsets.UTF_8) + "/statements/"
                + URLEncoder.encode(statementId, StandardCharsets.UTF_8);
    }
}
