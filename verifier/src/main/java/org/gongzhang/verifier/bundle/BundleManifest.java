package org.gongzhang.verifier.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;

/**
 * {@code bundle.json}: what a bundle claims to hold. Nothing in it is trusted: the verifier
 * recomputes size and root from the entries and checks them against the signed checkpoint.
 *
 * @param format    bundle format version, {@value #FORMAT}
 * @param book      the book (账套) id
 * @param size      number of entries
 * @param root      Merkle tree hash of the entries, lowercase hex
 * @param createdAt when the bundle was written
 * @param logKey    the log's note verifier key ({@code name+hash+key}), for trust on first use
 */
public record BundleManifest(int format, String book, long size, String root, Instant createdAt, String logKey) {

    public static final int FORMAT = 1;
    private static final Set<String> FIELDS = Set.of("format", "book", "size", "root", "createdAt", "logKey");

    /** Canonical JSON text. */
    public String toJson() {
        ObjectNode node = CanonicalJson.mapper().createObjectNode()
                .put("format", format).put("book", book).put("size", size).put("root", root)
                .put("createdAt", createdAt.toString()).put("logKey", logKey);
        return CanonicalJson.canonicalize(node);
    }

    /** Reads {@code bundle.json}; refuses unknown versions, missing or extra fields. */
    public static BundleManifest parse(String json) {
        JsonNode node;
        try {
            node = CanonicalJson.parse(json);
        } catch (NotCanonicalizable e) {
            throw new BundleUnreadable("bundle.json is not JSON: " + e.getMessage());
        }
        if (!node.isObject() || !fieldNames(node).equals(FIELDS)) {
            throw new BundleUnreadable("bundle.json must hold exactly the fields " + new TreeSet<>(FIELDS));
        }
        JsonNode format = node.get("format");
        if (!format.isIntegralNumber() || !format.bigIntegerValue().equals(BigInteger.valueOf(FORMAT))) {
            throw new BundleUnreadable("unsupported bundle format " + node.get("format") + "; this verifier reads " + FORMAT);
        }
        JsonNode size = node.get("size");
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
            throw new BundleUnreadable("bundle.json size must be an integer ≥ 0");
        }
        return new BundleManifest(FORMAT, text(node, "book"), size.longValue(), text(node, "root"),
                instant(node), text(node, "logKey"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new BundleUnreadable("bundle.json " + field + " must be a non-empty string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(text(node, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new BundleUnreadable("bundle.json createdAt must be an ISO-8601 UTC instant");
        }
    }
}
