package org.gongzhang.service.custody;

import org.gongzhang.verifier.crypto.SignatureSuite;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this deployment signs: {@code ledger.signing.suite} is {@code ed25519} (default) or
 * {@code sm2-sm3} (国密).
 */
@ConfigurationProperties("ledger.signing")
public record SigningProperties(String suite) {

    public SigningProperties {
        if (suite == null || suite.isBlank()) {
            suite = SignatureSuite.ED25519.id();
        }
        if (SignatureSuite.byId(suite).isEmpty()) {
            throw new IllegalArgumentException("ledger.signing.suite must be ed25519 or sm2-sm3, not " + suite);
        }
    }

    public SignatureSuite signatureSuite() {
        return SignatureSuite.byId(suite).orElseThrow();
    }
}
