package org.gongzhang.verifier.entry;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * What a request for a book's lease signs (docs/signing.md): the UTF-8 of the canonical JSON (RFC
 * 8785) of {@code {"book":…,"key":…,"purpose":"lease","requested":…}}. The writer signs it with a key
 * the book registered; the service checks that signature before it queues the writer.
 */
public final class LeaseStatement {

    private LeaseStatement() {
    }

    /** The bytes signed by a request of key {@code keyId} for {@code book}'s lease, made at {@code requested} (ISO-8601). */
    public static byte[] bytes(String book, String keyId, String requested) {
        Map<String, String> statement = new LinkedHashMap<>();
        statement.put("book", book);
        statement.put("key", keyId);
        statement.put("purpose", "lease");
        statement.put("requested", requested);
        return CanonicalJson.canonicalize(statement).getBytes(StandardCharsets.UTF_8);
    }
}
