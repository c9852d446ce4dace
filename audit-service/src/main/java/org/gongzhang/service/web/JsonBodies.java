package org.gongzhang.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * Request bodies read as JSON objects with the ledger's own mapper (the one that builds entries), so
 * what a client sent reaches a payload unchanged; and which JSON posts a filter may answer ahead of
 * Spring MVC without changing what the caller gets ({@link #isUtf8Json}, {@link #takesJson}).
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

    /** {@code application/json}, with no parameter but a UTF-8 charset (a controller decodes by the charset given). */
    public static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json") || parts.length > 2) {
            return false;
        }
        return parts.length == 1 || parts[1].strip().replace(" ", "").replace("\"", "").equals("charset=utf-8");
    }

    /** No Accept header, or one naming JSON or any type without weights or parameters (else a controller negotiates). */
    public static boolean takesJson(String accept) {
        if (accept == null) {
            return true;
        }
        for (String type : accept.toLowerCase(Locale.ROOT).split(",")) {
            String t = type.strip();
            if (!(t.equals("*/*") || t.equals("application/*") || t.equals("application/json"))) {
                return false;
            }
        }
        return true;
    }
}
