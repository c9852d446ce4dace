package org.gongzhang.service.custody;

import org.gongzhang.verifier.crypto.SignatureSuite;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this deployment signs: {@code ledger.signing.suite} is {@code ed25519} (default) or
 * {@code sm2-sm3} (国密); {@code ledger.signing.custodial} allows the service to sign for people
 * with keys it keeps (代签). Off unless set: people sign with their own keys.
 */
@ConfigurationProperties("ledger.signing")
public record SigningProperties(String suite, Boolean custodial) {

    public SigningProperties {
        if (suite == null || suite.isBlank()) {
            suite = SignatureSuite.ED25519.id();
        }
        if (SignatureSuite.byId(suite).isEmpty()) {
            throw new IllegalArgumentException("ledger.signing.suite must be ed25519 or sm2-sm3, not " + suite);
        }
    }

    public boolean custodialAllowed() {
        return Boolean.TRUE.equals(custodial);
    }

    public SignatureSuite signatureSuite() {
        return SignatureSuite.byId(suite).orElseThrow();
    }
}
