package org.gongzhang.verifier.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * An entry before its signature: everything the signer commits to (see docs/entry-format.md).
 * Whoever signs — a client with its own key, or the service with a custodial one — builds the
 * same envelope from this one place.
 */
public record EntryDraft(String book, long index, String prev, String kind, String actor, Role role, String keyId,
        SignatureSuite suite, boolean custodial, String submission, Instant recordedAt, LocalDate businessDate,
        JsonNode payload) {

    /** The envelope as JSON, {@code recordedAt} truncated to milliseconds. */
    public ObjectNode toJson() {
        ObjectNode entry = CanonicalJson.mapper().createObjectNode()
                .put("format", EntryHeader.FORMAT).put("book", book).put("index", index).put("prev", prev)
                .put("kind", kind).put("actor", actor).put("role", role.name()).put("keyId", keyId)
                .put("suite", suite.id()).put("custodial", custodial).put("submission", submission)
                .put("recordedAt", recordedAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .put("businessDate", businessDate.toString());
        entry.set("payload", payload);
        return entry;
    }

    /** Signs the canonical bytes of {@link #toJson()} with the private key of {@code keyId}. */
    public SignedEntry sign(PrivateKey privateKey) {
        return sign(toJson(), privateKey);
    }

    /** Signs an envelope the caller altered after {@link #toJson()} (tests of refusals do). */
    public SignedEntry sign(ObjectNode envelope, PrivateKey privateKey) {
        byte[] canonical = CanonicalJson.canonicalize(envelope).getBytes(StandardCharsets.UTF_8);
        return SignedEntry.of(envelope, suite.sign(privateKey, canonical));
    }
}
