package org.gongzhang.service.report;

import org.gongzhang.reporting.api.StatementSheet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.public.*}: where residents reach the public site, for the addresses printed on
 * statements and in their QR codes; and who answers for what is posted — the 公示单位 that posts
 * the statements and the 监督电话 where residents report a problem with them — shown on the public
 * pages and printed on every statement.
 *
 * @param baseUrl   scheme, host and port, e.g. {@code https://gongzhang.example.org}, without a trailing slash
 * @param publisher 公示单位, e.g. the street's or community's office that posts the notices; may be empty
 * @param hotline   监督电话, the supervision hotline; may be empty
 */
@ConfigurationProperties("ledger.public")
public record PublicSiteProperties(@DefaultValue("http://localhost:8080") String baseUrl, String publisher,
        String hotline) {

    /** The publisher and hotline as a printed statement carries them (blank is unknown). */
    public StatementSheet.Issuer issuer() {
        return new StatementSheet.Issuer(blankIsNull(publisher), blankIsNull(hotline));
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
