package org.gongzhang.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.CanonicalReader;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleHash;

/**
 * One line of {@code entries.jsonl} read on its own, without the entries before it: its Merkle leaf
 * hash, whether it is a signed entry and in canonical form, the envelope, and what its signature
 * covers. Reading is the part of checking an entry that any thread may do; it parses the line once.
 *
 * <p>A line is read from its UTF-8 bytes by {@link CanonicalReader}, which parses it and proves it
 * canonical in one pass; then the entry's signed bytes are that stretch of the line. Any other line
 * (the reader answers null for whatever is not canonical) is read exactly as before, from its text,
 * by {@link SignedEntry#fromLeaf(JsonNode)} and {@link SignedEntry#leaf()}, so an odd line is judged
 * by the same code whatever the way in.
 *
 * @param leafHash  RFC 6962 leaf hash of the line's UTF-8 bytes
 * @param hash      {@code leafHash} as hex: what the next entry must cite as {@code prev}
 * @param readable  whether the line is a signed entry ({@link SignedEntry#fromLeaf(String)} reads it)
 * @param canonical whether the line is exactly {@link SignedEntry#leaf()} of that entry
 * @param header    the envelope, or null when it is malformed (or the line is not readable)
 * @param failure   why the line is not readable or {@code header} is null; null when both were read
 * @param message   the bytes the signature covers ({@link SignedEntry#signedBytes()}); null when not readable
 * @param signature the signature, base64, as the line gives it; null when not readable
 * @param verdict   the signature checked ahead of the walk under the key its entry names, or null
 */
record LeafReading(byte[] leafHash, String hash, boolean readable, boolean canonical, EntryHeader header,
        String failure, byte[] message, String signature, Verdict verdict) {

    private static final byte[] ENTRY_PREFIX = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEAF_PREFIX = {0x00};
    private static final ThreadLocal<CanonicalReader> READER = ThreadLocal.withInitial(CanonicalReader::new);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Digests::newSha256);

    /**
     * A signature verified before the walk reached its entry, under the key material the key cache
     * held for the entry's key id; the walk uses it only when that is the material of the key it
     * decides must verify the entry.
     */
    record Verdict(SignatureKeys.Material key, boolean holds) {
    }

    /** A line given as text, as a bundle in memory holds it. */
    static LeafReading read(String leaf) {
        byte[] utf8 = leaf.getBytes(StandardCharsets.UTF_8);
        byte[] leafHash = leafHash(utf8);
        String hash = Digests.hex(leafHash);
        LeafReading fast = hasSurrogate(leaf) ? null : fast(utf8, leafHash, hash);
        return fast != null ? fast : fromText(leaf, leafHash, hash);
    }

    /** A line given as bytes, as a bundle file holds it; they must be valid UTF-8. */
    static LeafReading read(byte[] utf8) {
        byte[] leafHash = leafHash(utf8);
        String hash = Digests.hex(leafHash);
        LeafReading fast = fast(utf8, leafHash, hash);
        return fast != null ? fast : fromText(new String(utf8, StandardCharsets.UTF_8), leafHash, hash);
    }

    /** This reading with its signature checked ahead of the walk. */
    LeafReading with(Verdict checked) {
        return new LeafReading(leafHash, hash, readable, canonical, header, failure, message, signature, checked);
    }

    /** True when the signature verifies under {@code key}; false, never an exception, on bad base64. */
    boolean holdsUnder(SignatureSuite suite, PublicKey key) {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return suite.verify(key, message, signatureBytes);
    }

    /** The common line, in canonical form; null for any other (read it from its text). */
    private static LeafReading fast(byte[] utf8, byte[] leafHash, String hash) {
        CanonicalReader reader = READER.get();
        JsonNode node = reader.read(utf8);
        if (node == null || node.size() != 2) {
            return null;
        }
        JsonNode entry = node.get("entry");
        JsonNode signature = node.get("signature");
        if (entry == null || !entry.isObject() || signature == null || !signature.isTextual()) {
            return null;
        }
        // the line is {"entry":<canonical entry>,"signature":"…"}: the entry's bytes are what was signed
        byte[] message = Arrays.copyOfRange(utf8, ENTRY_PREFIX.length, reader.firstValueEnd());
        try {
            return new LeafReading(leafHash, hash, true, true, EntryHeader.parse(entry), null, message,
                    signature.textValue(), null);
        } catch (MalformedEntry | NotCanonicalizable e) {
            return new LeafReading(leafHash, hash, true, true, null, e.getMessage(), message, signature.textValue(),
                    null);
        }
    }

    /** Any line, read from its text as the verifier always read it. */
    private static LeafReading fromText(String leaf, byte[] leafHash, String hash) {
        JsonNode node;
        SignedEntry signed;
        try {
            node = CanonicalJson.parse(leaf);
            signed = SignedEntry.fromLeaf(node);
        } catch (MalformedEntry | NotCanonicalizable e) {
            return new LeafReading(leafHash, hash, false, false, null, e.getMessage(), null, null, null);
        }
        boolean canonical = signed.leaf().equals(leaf);
        try {
            return new LeafReading(leafHash, hash, true, canonical, EntryHeader.parse(node.get("entry")), null,
                    signed.signedBytes(), signed.signature(), null);
        } catch (MalformedEntry | NotCanonicalizable e) {
            return new LeafReading(leafHash, hash, true, canonical, null, e.getMessage(), signed.signedBytes(),
                    signed.signature(), null);
        }
    }

    /** {@link MerkleHash#leaf}, with this thread's digest. */
    private static byte[] leafHash(byte[] utf8) {
        MessageDigest sha256 = SHA256.get();
        sha256.update(LEAF_PREFIX);
        sha256.update(utf8);
        return sha256.digest();
    }

    /** A text with a surrogate is read from the text itself: a lone one has no UTF-8 form to compare. */
    private static boolean hasSurrogate(String leaf) {
        for (int i = 0; i < leaf.length(); i++) {
            if (Character.isSurrogate(leaf.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
