package org.gongzhang.verifier.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> <base64(4-byte key hash ‖ signature)>}.
 *
 * @param name      the signing key's name
 * @param keyHash   the signing key's {@link NoteVerifierKey#keyHash()}
 * @param signature the signature bytes (64 for Ed25519)
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {

    static final String DASH = "\u2014 ";

    public NoteSignature {
        signature = signature.clone();
    }

    /** Reads one line (without its newline). */
    static NoteSignature parse(String line) {
        if (!line.startsWith(DASH)) {
            throw new MalformedNote("a signature line starts with an em dash and a space");
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new MalformedNote("a signature line is '— <name> <base64>'");
        }
        byte[] bytes = decode(parts[1]);
        if (bytes.length < 5) {
            throw new MalformedNote("a signature holds a 4-byte key hash and the signature");
        }
        return new NoteSignature(parts[0], ByteBuffer.wrap(bytes, 0, 4).getInt(), Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    /** True when this line claims to come from {@code key}: same name and key hash. */
    public boolean claims(NoteVerifierKey key) {
        return name.equals(key.name()) && keyHash == key.keyHash();
    }

    /** The line as written in the note, without its newline. */
    String line() {
        byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
        return DASH + name + " " + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("a signature is base64");
        }
    }
}
