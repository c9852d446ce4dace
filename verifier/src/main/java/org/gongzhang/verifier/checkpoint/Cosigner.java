package org.gongzhang.verifier.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * An independent witness's (见证人) Ed25519 cosigner key, signing C2SP tlog-cosignature v1
 * cosignatures (见证签名): "as of this time, the largest consistent tree I saw for this log has
 * this root". The signed message is {@code cosignature/v1\ntime <seconds>\n} followed by the
 * checkpoint's note text; the signature line carries the 8-byte timestamp before the signature.
 * Its verifier key has type {@code 0x04} ({@link NoteVerifierKey#cosigner}).
 */
public final class Cosigner {

    /** Timestamp (8 bytes) and Ed25519 signature (64 bytes): a cosignature line's bytes after the key hash. */
    static final int TIMESTAMPED_LENGTH = 8 + 64;

    private final PrivateKey privateKey;
    private final NoteVerifierKey verifierKey;

    private Cosigner(PrivateKey privateKey, NoteVerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /** The cosigner named {@code name} (a schema-less URL, e.g. {@code witness.xinhe.example/w1}) with this key pair. */
    public static Cosigner of(String name, KeyPair ed25519) {
        return new Cosigner(ed25519.getPrivate(), NoteVerifierKey.cosigner(name, ed25519.getPublic()));
    }

    /** What logs and auditors pin to check this witness's cosignatures. */
    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** The cosignature line over a checkpoint's note text, timestamped {@code time} (whole seconds, after 1970). */
    public NoteSignature cosign(String checkpointText, Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds <= 0) {
            throw new IllegalArgumentException("a cosignature's time is after 1970: " + time);
        }
        byte[] signature = SignatureSuite.ED25519.sign(privateKey, signedMessage(checkpointText, seconds));
        byte[] timestamped = ByteBuffer.allocate(TIMESTAMPED_LENGTH).putLong(seconds).put(signature).array();
        return new NoteSignature(verifierKey.name(), verifierKey.keyHash(), timestamped);
    }

    /** {@code cosignature/v1\ntime <seconds>\n<note text>}, the bytes a v1 cosignature signs. */
    static byte[] signedMessage(String checkpointText, long seconds) {
        return ("cosignature/v1\ntime " + seconds + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }
}
