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
 * A C2SP note verifier key (日志公钥): a named Ed25519 public key, written
 * {@code <name>+<hex key hash>+<base64(0x01 ‖ 32-byte key)>}. Auditors pin this string to check
 * that a checkpoint comes from the book's log.
 */
public final class NoteVerifierKey {

    private static final byte ED25519_ALGORITHM = 0x01;
    private static final Pattern FORM = Pattern.compile("([^+\\s]+)\\+([0-9a-f]{8})\\+([A-Za-z0-9+/=]+)");

    private final String name;
    private final byte[] rawKey;
    private final int keyHash;

    private NoteVerifierKey(String name, byte[] rawKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new MalformedNote("a key name is non-empty, without spaces or '+': " + name);
        }
        this.name = name;
        this.rawKey = rawKey.clone();
        this.keyHash = keyHash(name, rawKey);
    }

    /** The verifier key of an Ed25519 public key under {@code name}. */
    public static NoteVerifierKey of(String name, PublicKey ed25519Key) {
        return new NoteVerifierKey(name, PublicKeys.ed25519Raw(ed25519Key));
    }

    /** Reads the {@code name+hash+key} form; refuses a hash that does not match the name and key. */
    public static NoteVerifierKey parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new MalformedNote("not a note verifier key <name>+<hash>+<key>: " + text);
        }
        byte[] encoded = decode(m.group(3));
        if (encoded.length != 33 || encoded[0] != ED25519_ALGORITHM) {
            throw new MalformedNote("only Ed25519 note keys (algorithm 0x01, 32 bytes) are supported");
        }
        NoteVerifierKey key = new NoteVerifierKey(m.group(1), Arrays.copyOfRange(encoded, 1, 33));
        if (key.keyHash != Integer.parseUnsignedInt(m.group(2), 16)) {
            throw new MalformedNote("key hash does not match the key's name and bytes");
        }
        return key;
    }

    public String name() {
        return name;
    }

    /** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key), big-endian: identifies the key in signature lines. */
    public int keyHash() {
        return keyHash;
    }

    /** The key as a JCA Ed25519 public key. */
    public PublicKey publicKey() {
        return SignatureSuite.ED25519.publicKey(PublicKeys.ed25519Spki(rawKey));
    }

    /** True when {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return SignatureSuite.ED25519.verify(publicKey(), message, signature);
    }

    /** The {@code name+hash+key} form. */
    @Override
    public String toString() {
        byte[] encoded = new byte[33];
        encoded[0] = ED25519_ALGORITHM;
        System.arraycopy(rawKey, 0, encoded, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyHash) + "+" + Base64.getEncoder().encodeToString(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey key && key.name.equals(name) && Arrays.equals(key.rawKey, rawKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyHash;
    }

    static int keyHash(String name, byte[] rawKey) {
        byte[] digest = Digests.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519_ALGORITHM}, rawKey);
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
