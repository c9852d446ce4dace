package org.gongzhang.service.signing;

import java.time.Instant;

/**
 * A key a person holds themselves (自持密钥), as they declared it: only its public half, and the
 * device or file it lives on ({@code label}). Books trust it once their log registers it.
 */
public record PersonalKey(String keyId, String username, String actor, String suite, String publicKey, String label,
        Instant createdAt) {
}
