package org.gongzhang.verifier.crypto;

import java.util.Base64;

/** Key identifiers and PEM text for public keys. */
public final class PublicKeys {
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

    /** Decodes the DER inside a PEM block (any label), or plain base64. */
    public static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
