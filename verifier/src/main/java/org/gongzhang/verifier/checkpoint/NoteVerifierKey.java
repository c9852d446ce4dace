package org.gongzhang.verifier.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * A C2SP note verifier key (日志公钥, 见证人公钥): a named Ed25519 public key, written
 * {@code <name>+<hex key hash>+<base64(type ‖ 32-byte key)>}. Auditors pin this string to check
 * that a checkpoint comes from the book's log, or that a witness cosigned it.
 *
 * <p>Two types: {@code 0x01}, an ordinary signed-note Ed25519 key (the log key signs the note text
 * itself), and {@code 0x04}, a C2SP tlog-cosignature Ed25519 cosigner key (an independent witness
 * signs {@code cosignature/v1}, the time, then the note text; see {@link Cosigner}).
 */
public final class NoteVerifierKey {

    private static final byte ED25519_ALGORITHM = 0x01;
    private static final byte COSIGNATURE_V1_ALGORITHM = 0x04;
    private static final Pattern FORM = Pattern.compile("([^+\\s]+)\\+([0-9a-f]{8})\\+([A-Za-z0-9+/=]+)");

    private final String name;
    private final byte algorithm;
    private final byte[] rawKey;
    private final int keyHash;

    private NoteVerifierKey(String name, byte algorithm, byte[] rawKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new MalformedNote("a key name is non-empty, without spaces or '+': " + name);
        }
        this.name = name;
        this.algorithm = algorithm;
        this.rawKey = rawKey.clone();
        this.keyHash = keyHash(name, algorithm, rawKey);
    }

    /** The verifier key of an Ed25519 public key under {@code name}. */
    public static NoteVerifierKey of(String name, PublicKey ed25519Key) {
        return new NoteVerifierKey(name, ED25519_ALGORITHM, PublicKeys.ed25519Raw(ed25519Key));
    }

    /** The cosigner key (type {@code 0x04}, tlog-cosignature v1) of a witness's Ed25519 public key. */
    public static NoteVerifierKey cosigner(String name, PublicKey ed25519Key) {
        return new NoteVerifierKey(name, COSIGNATURE_V1_ALGORITHM, PublicKeys.ed25519Raw(ed25519Key));
    }

    /** Reads the {@code name+hash+key} form; refuses a hash that does not match the name and key. */
    public static NoteVerifierKey parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new MalformedNote("not a note verifier key <name>+<hash>+<key>: " + text);
        }
        byte[] encoded = decode(m.group(3));
        if (encoded.length != 33 || (encoded[0] != ED25519_ALGORITHM && encoded[0] != COSIGNATURE_V1_ALGORITHM)) {
            throw new MalformedNote("only Ed25519 note keys (type 0x01 or cosigner 0x04, 32 bytes) are supported");
        }
        NoteVerifierKey key = new NoteVerifierKey(m.group(1), encoded[0], Arrays.copyOfRange(encoded, 1, 33));
        if (key.keyHash != Integer.parseUnsignedInt(m.group(2), 16)) {
            throw new MalformedNote("key hash does not match the key's name and bytes");
        }
        return key;
    }

    public String name() {
        return name;
    }

    /** First 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key), big-endian: identifies the key in signature lines. */
    public int keyHash() {
        return keyHash;
    }

    /** True for a tlog-cosignature v1 cosigner key (type 0x04), false for an ordinary note key. */
    public boolean isCosigner() {
        return algorithm == COSIGNATURE_V1_ALGORITHM;
    }

    /** The key as a JCA Ed25519 public key. */
    public PublicKey publicKey() {
        return SignatureSuite.ED25519.publicKey(PublicKeys.ed25519Spki(rawKey));
    }

    /**
     * True when {@code signature} (the bytes of a signature line after the key hash) is this key's
     * signature of the note {@code text}: the Ed25519 signature of the text for a note key; for a
     * cosigner key an 8-byte big-endian timestamp, not zero, then the Ed25519 signature of
     * {@link Cosigner#signedMessage}.
     */
    public boolean verifiesNote(String text, byte[] signature) {
        if (!isCosigner()) {
            return SignatureSuite.ED25519.verify(publicKey(), text.getBytes(StandardCharsets.UTF_8), signature);
        }
        if (signature.length != Cosigner.TIMESTAMPED_LENGTH) {
            return false;
        }
        long time = ByteBuffer.wrap(signature, 0, 8).getLong();
        return time > 0 && SignatureSuite.ED25519.verify(publicKey(), Cosigner.signedMessage(text, time),
                Arrays.copyOfRange(signature, 8, signature.length));
    }

    /** The {@code name+hash+key} form. */
    @Override
    public String toString() {
        byte[] encoded = new byte[33];
        encoded[0] = algorithm;
        System.arraycopy(rawKey, 0, encoded, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyHash) + "+" + Base64.getEncoder().encodeToString(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey key && key.name.equals(name) && key.algorithm == algorithm
                && Arrays.equals(key.rawKey, rawKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyHash;
    }

    private static int keyHash(String name, byte algorithm, byte[] rawKey) {
        byte[] digest = Digests.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', algorithm}, rawKey);
        return ByteBuffer.wrap(digest, 0, 4).getInt();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("key is not base64");
        }
    }
}
