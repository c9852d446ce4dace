package org.gongzhang.service.governance;

import java.net.URI;
import org.gongzhang.reporting.ocds.OcdsSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ledger.ocds.*}: how this deployment publishes tenders as OCDS. The default ocid prefix
 * is a placeholder; a real deployment registers its own with the Open Contracting Partnership.
 */
@Configuration(proxyBeanMethods = false)
class OcdsConfiguration {

    @Bean
    OcdsSettings ocdsSettings(@Value("${ledger.ocds.ocid-prefix:gzdemo}") String prefix,
            @Value("${ledger.ocds.package-base:${ledger.public.base-url:http://localhost:8080}/api/}") String base,
            @Value("${ledger.ocds.publisher-name:Gongzhang 公账}") String publisher,
            @Value("${ledger.ocds.publisher-scheme:}") String scheme,
            @Value("${ledger.ocds.publisher-uid:}") String uid,
            @Value("${ledger.ocds.credit-code-scheme:CN-USCC}") String creditCodeScheme) {
        return new OcdsSettings(prefix, URI.create(base.endsWith("/") ? base : base + "/"), publisher,
                scheme.isBlank() ? null : scheme, uid.isBlank() ? null : uid, creditCodeScheme);
    }
}
