package org.gongzhang.service.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.public.*}: where residents reach the public site, for the addresses printed on
 * statements and in their QR codes.
 *
 * @param baseUrl scheme, host and port, e.g. {@code https://gongzhang.example.org}, without a trailing slash
 */
@ConfigurationProperties("ledger.public")
record PublicSiteProperties(@DefaultValue("http://localhost:8080") String baseUrl) {
}
