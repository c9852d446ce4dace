package org.gongzhang.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleHash;

/**
 * One line of {@code entries.jsonl} read on its own, without the entries before it: its Merkle leaf
 * hash, the signed entry, whether the line is in canonical form, and the envelope. Reading is the
 * part of checking an entry that any thread may do; it parses the line once.
 *
 * @param leafHash  RFC 6962 leaf hash of the line's UTF-8 bytes
 * @param hash      {@code leafHash} as hex: what the next entry must cite as {@code prev}
 * @param signed    the signed entry, or null when the line is not one
 * @param canonical whether the line is exactly {@link SignedEntry#leaf()} of {@code signed}
 * @param header    the envelope, or null when it is malformed (or {@code signed} is null)
 * @param failure   why {@code signed} or {@code header} is null; null when both were read
 */
record LeafReading(byte[] leafHash, String hash, SignedEntry signed, boolean canonical, EntryHeader header,
        String failure) {

    static LeafReading read(String leaf) {
        byte[] leafHash = MerkleHash.leaf(leaf.getBytes(StandardCharsets.UTF_8));
        String hash = Digests.hex(leafHash);
        JsonNode node;
        SignedEntry signed;
        try {
            node = CanonicalJson.parse(leaf);
            signed = SignedEntry.fromLeaf(node);
        } catch (MalformedEntry | NotCanonicalizable e) {
            return new LeafReading(leafHash, hash, null, false, null, e.getMessage());
        }
        boolean canonical = signed.leaf().equals(leaf);
        try {
            return new LeafReading(leafHash, hash, signed, canonical, EntryHeader.parse(node.get("entry")), null);
        } catch (MalformedEntry | NotCanonicalizable e) {
            return new LeafReading(leafHash, hash, signed, canonical, null, e.getMessage());
        }
    }
}
