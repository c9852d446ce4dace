package org.gongzhang.verifier.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.gongzhang.verifier.crypto.SignatureSuite;

/** The private half of a note key: the log key (日志签名密钥) that signs a book's checkpoints. */
public final class NoteSigner {

    private final PrivateKey privateKey;
    private final NoteVerifierKey verifierKey;

    private NoteSigner(PrivateKey privateKey, NoteVerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /** A signer for an Ed25519 key pair under {@code name}. */
    public static NoteSigner of(String name, KeyPair ed25519) {
        return new NoteSigner(ed25519.getPrivate(), NoteVerifierKey.of(name, ed25519.getPublic()));
    }

    /** A signer with a fresh Ed25519 key. */
    public static NoteSigner generate(String name) {
        return of(name, SignatureSuite.ED25519.generateKeyPair());
    }

    /** What auditors pin to check this signer's notes. */
    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** Signs the note text (which ends with a newline, and is signed including it). */
    public NoteSignature sign(String text) {
        byte[] signature = SignatureSuite.ED25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(verifierKey.name(), verifierKey.keyHash(), signature);
    }
}
