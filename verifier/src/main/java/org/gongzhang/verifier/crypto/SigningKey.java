package org.gongzhang.verifier.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A person's signing key (签名密钥) in one suite, with the public half derived from it.
 *
 * @param suite      the signature suite
 * @param privateKey the private key
 * @param publicKey  its public key
 */
public record SigningKey(SignatureSuite suite, PrivateKey privateKey, PublicKey publicKey) {

    /** A fresh key in {@code suite}. */
    public static SigningKey generate(SignatureSuite suite) {
        KeyPair pair = suite.generateKeyPair();
        return new SigningKey(suite, pair.getPrivate(), pair.getPublic());
    }

    /** Reads a PKCS#8 private key PEM of {@code suite}; the public key is derived from it. */
    public static SigningKey fromPem(SignatureSuite suite, String pkcs8Pem) {
        PrivateKey privateKey = suite.privateKey(PublicKeys.fromPem(pkcs8Pem));
        return new SigningKey(suite, privateKey, suite.publicKeyOf(privateKey));
    }

    /** {@link PublicKeys#keyId} of the public key: what entries cite as {@code keyId}. */
    public String keyId() {
        return PublicKeys.keyId(publicKey.getEncoded());
    }

    public byte[] sign(byte[] message) {
        return suite.sign(privateKey, message);
    }

    public String privatePem() {
        return PublicKeys.privateToPem(privateKey.getEncoded());
    }

    public String publicPem() {
        return PublicKeys.toPem(publicKey.getEncoded());
    }
}
