package org.gongzhang.verifier.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.jce.spec.ECNamedCurveGenParameterSpec;

/**
 * A signature suite a deployment signs entries with. Both verify with stock OpenSSL 3.
 *
 * <ul>
 *   <li>{@code ed25519}: RFC 8032 Ed25519, raw 64-byte signature;</li>
 *   <li>{@code sm2-sm3}: 国密 SM2 over SM3 (GM/T 0003), DER signature, distinguishing id
 *       {@value #SM2_DEFAULT_DIST_ID} (pass {@code -pkeyopt distid:…} to OpenSSL).</li>
 * </ul>
 */
public enum SignatureSuite {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    SM2_SM3("sm2-sm3", "SM3withSM2", "EC");

    /** GM/T 0009 default user id; recorded with every SM2 signature. */
    public static final String SM2_DEFAULT_DIST_ID = "1234567812345678";

    private final String id;
    private final String jcaSignature;
    private final String jcaKeyAlgorithm;

    SignatureSuite(String id, String jcaSignature, String jcaKeyAlgorithm) {
        this.id = id;
        this.jcaSignature = jcaSignature;
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
    }

    /** The suite's name as written in entries ({@code suite} field). */
    public String id() {
        return id;
    }

    public static Optional<SignatureSuite> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaKeyAlgorithm, Bc.PROVIDER);
            if (this == SM2_SM3) {
                generator.initialize(new ECNamedCurveGenParameterSpec("sm2p256v1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + id + " key", e);
        }
    }

    public byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(jcaSignature, Bc.PROVIDER);
            parameters().ifPresent(p -> setParameter(signature, p));
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + id, e);
        }
    }

    /** True only when {@code signatureBytes} is a valid signature of {@code message}; never throws on bad input. */
    public boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(jcaSignature, Bc.PROVIDER);
            parameters().ifPresent(p -> setParameter(signature, p));
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Decodes a public key from its X.509 SubjectPublicKeyInfo DER (the body of a PEM public key). */
    public PublicKey publicKey(byte[] spkiDer) {
        try {
            PublicKey key = KeyFactory.getInstance(jcaKeyAlgorithm, Bc.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(spkiDer));
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + id + " public key", e);
        }
    }

    /** Decodes a private key from PKCS#8 DER. */
    public PrivateKey privateKey(byte[] pkcs8Der) {
        try {
            return KeyFactory.getInstance(jcaKeyAlgorithm, Bc.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + id + " private key", e);
        }
    }

    /** The public key that belongs to {@code key}, derived from it (a key file needs no companion). */
    public PublicKey publicKeyOf(PrivateKey key) {
        if (this == ED25519 && key instanceof EdDSAPrivateKey ed) {
            return ed.getPublicKey();
        }
        if (this == SM2_SM3 && key instanceof ECPrivateKey ec) {
            ECParameterSpec params = ec.getParameters();
            try {
                return KeyFactory.getInstance(jcaKeyAlgorithm, Bc.PROVIDER)
                        .generatePublic(new ECPublicKeySpec(params.getG().multiply(ec.getD()).normalize(), params));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot derive the public key", e);
            }
        }
        throw new IllegalArgumentException("not a " + id + " private key");
    }

    private Optional<AlgorithmParameterSpec> parameters() {
        return this == SM2_SM3
                ? Optional.of(new SM2ParameterSpec(SM2_DEFAULT_DIST_ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                : Optional.empty();
    }

    private static void setParameter(Signature signature, AlgorithmParameterSpec spec) {
        try {
            signature.setParameter(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
