package org.gongzhang.verifier.crypto;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Key identifiers and PEM text for public keys. */
public final class PublicKeys {
    /** DER of SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }, the head of every Ed25519 SPKI. */
    private static final byte[] ED25519_SPKI_PREFIX = Digests.unhex("302a300506032b6570032100");

    private PublicKeys() {
    }

    /** A key's id: the first 16 bytes of SHA-256 over its SubjectPublicKeyInfo DER, as 32 hex digits. */
    public static String keyId(byte[] spkiDer) {
        return Digests.sha256Hex(spkiDer).substring(0, 32);
    }

    public static String toPem(byte[] spkiDer) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spkiDer)
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String privateToPem(byte[] pkcs8Der) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8Der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The 32-byte raw RFC 8032 public key inside an Ed25519 public key (the end of its SPKI DER). */
    public static byte[] ed25519Raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(ED25519_SPKI_PREFIX, Arrays.copyOf(der, ED25519_SPKI_PREFIX.length))) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, ED25519_SPKI_PREFIX.length, der.length);
    }

    /** The SubjectPublicKeyInfo DER of a 32-byte raw Ed25519 public key. */
    public static byte[] ed25519Spki(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, 32);
        return der;
    }

    /** Decodes the DER inside a PEM block (any label), or plain base64. */
    public static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
