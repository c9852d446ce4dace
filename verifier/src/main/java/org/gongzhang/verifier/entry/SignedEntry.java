package org.gongzhang.verifier.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SigningKey;

/**
 * One signed entry of a book's log, exactly as it was signed.
 *
 * @param entry     the entry's RFC 8785 canonical JSON text; the signature covers its UTF-8 bytes
 * @param signature the signer's signature over those bytes, base64 (standard alphabet, padded)
 */
public record SignedEntry(String entry, String signature) {

    /** Hash of the entry before the first one ({@code prev} of entry 0). */
    public static final String GENESIS_PREV = "0".repeat(64);

    public SignedEntry {
        if (entry == null || signature == null) {
            throw new NotCanonicalizable("entry and signature are both required");
        }
    }

    /** Canonicalizes {@code entryJson} (any formatting) and pairs it with a signature. */
    public static SignedEntry of(String entryJson, String signatureBase64) {
        return new SignedEntry(CanonicalJson.canonicalize(CanonicalJson.parse(entryJson)), signatureBase64);
    }

    public static SignedEntry of(JsonNode entry, byte[] signature) {
        return new SignedEntry(CanonicalJson.canonicalize(entry), Base64.getEncoder().encodeToString(signature));
    }

    /** Canonicalizes {@code entry} and signs its UTF-8 bytes with {@code key}. */
    public static SignedEntry sign(JsonNode entry, SigningKey key) {
        String canonical = CanonicalJson.canonicalize(entry);
        byte[] signature = key.sign(canonical.getBytes(StandardCharsets.UTF_8));
        return new SignedEntry(canonical, Base64.getEncoder().encodeToString(signature));
    }

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return entry.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The leaf bytes: canonical JSON of {@code {"entry": …, "signature": …}}. This is one line of a
     * bundle's {@code entries.jsonl} and the input of the entry hash.
     */
    public String leaf() {
        return "{\"entry\":" + entry + ",\"signature\":" + CanonicalJson.quote(signature) + "}";
    }

    /** RFC 6962 leaf hash SHA-256(0x00 ‖ leaf), hex: the entry's hash, cited as {@code prev} by the next entry. */
    public String hash() {
        return Digests.hex(leafHash());
    }

    public byte[] leafHash() {
        return Digests.sha256(new byte[] {0}, leaf().getBytes(StandardCharsets.UTF_8));
    }

    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    /** Parses the envelope fields; throws {@link MalformedEntry} naming the first bad field. */
    public EntryHeader header() {
        return EntryHeader.parse(CanonicalJson.parse(entry));
    }

    public JsonNode json() {
        return CanonicalJson.parse(entry);
    }

    /** Reads one line of {@code entries.jsonl} (or any JSON of the same shape). */
    public static SignedEntry fromLeaf(String leafJson) {
        return fromLeaf(CanonicalJson.parse(leafJson));
    }

    /** {@link #fromLeaf(String)} of a line already parsed, so that a reader can parse its envelope from {@code node.get("entry")}. */
    public static SignedEntry fromLeaf(JsonNode node) {
        JsonNode entry = node.get("entry");
        JsonNode signature = node.get("signature");
        if (entry == null || !entry.isObject()) {
            throw new MalformedEntry("entry", "missing");
        }
        if (signature == null || !signature.isTextual()) {
            throw new MalformedEntry("signature", "missing");
        }
        return new SignedEntry(CanonicalJson.canonicalize(entry), signature.textValue());
    }
}
