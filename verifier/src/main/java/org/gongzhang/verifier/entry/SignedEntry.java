package org.gongzhang.verifier.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.crypto.SigningKey;

/**
 * One signed entry of a book's log, exactly as it was signed: the entry's RFC 8785 canonical JSON
 * text ({@link #entry()}, whose UTF-8 bytes the signature covers) and the signer's signature over
 * those bytes ({@link #signature()}, base64, standard alphabet, padded).
 *
 * <p>A value: equal when both texts are equal. It is immutable, so what is derived from the text
 * (the parsed envelope, the leaf hash) is computed once, on first use, and shared by every reader
 * of the same instance: an append reads the envelope in the book, in each index and in the read
 * model, and parsing it each time was a large share of an append's work.
 */
public final class SignedEntry {

    /** Hash of the entry before the first one ({@code prev} of entry 0). */
    public static final String GENESIS_PREV = "0".repeat(64);

    private final String entry;
    private final String signature;
    /** Parsed on first use; benign race: two threads may both parse, each result is equal. */
    private volatile EntryHeader header;
    private volatile byte[] leafHash;
    /**
     * The suite and public key under which this entry's signature was last found to hold
     * ({@link KeyRegistry#signatureHolds}), so that a check done once (on the request's thread, say)
     * is not done again under the book's lock. Set only by a verification that succeeded; the
     * bytes it covers never change.
     */
    private transient volatile Verified verified;

    /** A signature check that held: under which suite and key. */
    private record Verified(SignatureSuite suite, PublicKey key) {
    }

    @JsonCreator
    public SignedEntry(@JsonProperty("entry") String entry, @JsonProperty("signature") String signature) {
        if (entry == null || signature == null) {
            throw new NotCanonicalizable(NotCanonicalizable.Reason.INCOMPLETE_ENTRY, "entry and signature are both required");
        }
        this.entry = entry;
        this.signature = signature;
    }

    /** The entry's canonical JSON text. */
    @JsonProperty("entry")
    public String entry() {
        return entry;
    }

    /** The signature over {@link #entry()}'s UTF-8 bytes, base64. */
    @JsonProperty("signature")
    public String signature() {
        return signature;
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

    /** {@link #hash()} as bytes (a copy: the caller may change it). */
    public byte[] leafHash() {
        byte[] hash = leafHash;
        if (hash == null) {
            hash = Digests.sha256(new byte[] {0}, leaf().getBytes(StandardCharsets.UTF_8));
            leafHash = hash;
        }
        return hash.clone();
    }

    /** True when this entry's signature was found to hold under {@code suite} and {@code key} before. */
    boolean verifiedUnder(SignatureSuite suite, PublicKey key) {
        Verified last = verified;
        return last != null && last.suite() == suite && (last.key() == key || last.key().equals(key));
    }

    /** Remembers that the signature held under {@code suite} and {@code key} (only a check that succeeded says so). */
    void verified(SignatureSuite suite, PublicKey key) {
        verified = new Verified(suite, key);
    }

    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    /**
     * The envelope fields, parsed once; throws {@link MalformedEntry} naming the first bad field
     * (every time: a malformed entry is not remembered). Its {@code payload} is shared by every
     * caller and must only be read; {@link #json()} gives a tree of one's own.
     */
    public EntryHeader header() {
        EntryHeader parsed = header;
        if (parsed == null) {
            parsed = EntryHeader.parse(CanonicalJson.parse(entry));
            header = parsed;
        }
        return parsed;
    }

    /** The entry parsed into a new tree, the caller's own. */
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

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEntry that && entry.equals(that.entry) && signature.equals(that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * entry.hashCode() + signature.hashCode();
    }

    @Override
    public String toString() {
        return "SignedEntry[entry=" + entry + ", signature=" + signature + "]";
    }
}
