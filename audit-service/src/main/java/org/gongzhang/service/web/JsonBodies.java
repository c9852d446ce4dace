package org.gongzhang.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * Request bodies read as JSON objects with the ledger's own mapper (the one that builds entries), so
 * what a client sent reaches a payload unchanged.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** A JSON object body; none at all is an empty one; anything else is refused with {@code code}. */
    public static ObjectNode object(String body, String code) {
        if (body == null || body.isBlank()) {
            return CanonicalJson.mapper().createObjectNode();
        }
        try {
            if (CanonicalJson.mapper().readTree(body) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw LedgerRefusal.invalid(code, null);
    }
}
