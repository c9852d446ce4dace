package org.gongzhang.service.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.entry.BookLeases;
import org.gongzhang.service.log.BookKeys;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.LeaseStatement;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.springframework.stereotype.Component;

/**
 * A lease request, checked and granted ({@link BookLeases}, docs/signing.md): a writer who signs with
 * their own key asks for the book's next index and {@code prev}, signs the entry there and posts it
 * with the lease. The request is authenticated by a signature, like {@code POST …/entries}: by a key
 * the book's log registered and has not revoked, over
 * {@code {"book":…,"key":…,"purpose":"lease","requested":…}} in canonical JSON, made within
 * {@link #SKEW} of the service's clock. Asked over HTTP through {@link LeaseController}, or ahead of
 * Spring MVC through {@link LeasePosts}.
 */
@Component
class LeaseGrants {

    /** How far a lease request's {@code requested} time may be from the service's clock. */
    static final Duration SKEW = Duration.ofMinutes(2);

    /** How long a request waits for the lease unless it says otherwise ({@code ?wait=} seconds). */
    static final int DEFAULT_WAIT_SECONDS = 10;

    private final BookLeases leases;
    private final BookKeys keys;
    private final Clock clock;

    LeaseGrants(BookLeases leases, BookKeys keys, Clock clock) {
        this.leases = leases;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The lease, as its answer's JSON object, once it is this writer's turn: refused when the request
     * does not prove its key; {@link BookLeases.LeaseBusy} (503) if the turn did not come within
     * {@code wait} seconds.
     */
    Map<String, Object> take(String book, String body, int wait) {
        if (wait < 0 || wait > BookLeases.MAX_WAIT.toSeconds()) {
            throw LedgerRefusal.invalid("request.parameter.invalid", "wait", "wait");
        }
        JsonNode request = parse(body);
        String keyId = text(request, "key");
        String requested = text(request, "requested");
        String signature = text(request, "signature");
        // 404 book.not-found first: a book that does not exist has no keys to look up
        List<RegisteredKey> valid = keys.valid(book);
        requireRecent(requested);
        RegisteredKey key = valid.stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new LedgerRefusal(Kind.FORBIDDEN, "lease.key.not-registered", "key", keyId, book));
        if (!key.suite().verify(KeyRegistry.publicKey(key), LeaseStatement.bytes(book, keyId, requested),
                decode(signature))) {
            throw new LedgerRefusal(Kind.FORBIDDEN, "lease.signature.invalid", "signature");
        }
        return leases.take(book, keyId, Duration.ofSeconds(wait)).view();
    }

    /** Ends the lease now, so that the next writer's turn begins; false if it is not the book's lease. */
    boolean release(String book, String lease) {
        return leases.release(book, lease);
    }

    private void requireRecent(String requested) {
        Instant at;
        try {
            at = Instant.parse(requested);
        } catch (DateTimeParseException e) {
            throw LedgerRefusal.invalid("lease.request.invalid", "requested", "requested");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(SKEW) > 0) {
            throw LedgerRefusal.invalid("lease.requested.skewed", "requested", requested, SKEW.toSeconds());
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode request = CanonicalJson.parse(body);
            if (!request.isObject()) {
                throw LedgerRefusal.invalid("lease.request.invalid", null, "body");
            }
            return request;
        } catch (NotCanonicalizable e) {
            throw LedgerRefusal.invalid("lease.request.invalid", null, "body");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw LedgerRefusal.invalid("lease.request.invalid", field, field);
        }
        return value.asText();
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new LedgerRefusal(Kind.FORBIDDEN, "lease.signature.invalid", "signature");
        }
    }
}
