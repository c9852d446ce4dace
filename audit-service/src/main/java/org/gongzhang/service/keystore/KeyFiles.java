package org.gongzhang.service.keystore;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.gongzhang.verifier.crypto.Bc;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * The key store (密钥库): every private key the service signs with — the log key and the custodial
 * keys it keeps for people — each in its own file {@code <name>.pem} in one directory outside
 * PostgreSQL, so that a database dump or write access to the database gives no key. A file is a
 * PKCS#8 {@code ENCRYPTED PRIVATE KEY} (PBES2: PBKDF2-HMAC-SHA256 with a random salt, AES-256-CBC)
 * under the key store's passphrase; {@code openssl pkey -in NAME.pem} opens it with the passphrase.
 * Keys are decrypted once and then held in memory; files are written atomically, readable by the
 * service's user only, and never overwritten.
 */
public class KeyFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String PEM_TYPE = "ENCRYPTED PRIVATE KEY";
    private static final String SUFFIX = ".pem";

    private final Provider bc = Bc.provider();
    private final Path directory;
    private final char[] passphrase;
    private final int iterations;
    private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

    KeyFiles(Path directory, char[] passphrase, int iterations) {
        this.directory = directory;
        this.passphrase = passphrase.clone();
        this.iterations = iterations;
    }

    /** The name under which the custodial key {@code keyId} is stored. */
    public static String custodialKey(String keyId) {
        return "custodial-" + keyId;
    }

    /** The name under which the log key called {@code name} is stored. */
    public static String logKey(String name) {
        return "log-" + name;
    }

    /** The key store's directory; the last signed checkpoints live beside the keys, in {@code checkpoints/}. */
    public Path directory() {
        return directory;
    }

    public boolean contains(String name) {
        return Files.isRegularFile(file(name));
    }

    /** The key stored under {@code name}, decrypted (once) and decoded for {@code suite}. */
    public PrivateKey read(String name, SignatureSuite suite) {
        return opened.computeIfAbsent(name, n -> suite.privateKey(decrypt(file(n))));
    }

    /**
     * Stores {@code key} under {@code name}. Storing the same key again is harmless; a different key
     * under a name already taken is refused, so no key is ever replaced.
     */
    public void write(String name, PrivateKey key) {
        Path file = file(name);
        if (Files.exists(file)) {
            if (!Arrays.equals(decrypt(file), key.getEncoded())) {
                throw new KeyStoreUnusable("the key store already holds a different key " + file);
            }
            return;
        }
        writeAtomically(file, encrypt(key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        opened.put(name, key);
    }

    /** The PKCS#8 bytes of the key file {@code name} as it is on disk now, decrypted (never from memory). */
    byte[] readFile(String name) {
        return decrypt(file(name));
    }

    /**
     * Opens one key file, if there is any, so that a wrong passphrase stops the service at start
     * rather than at its first signature.
     */
    void checkPassphrase() {
        firstKeyFile(directory).ifPresent(this::decrypt);
    }

    /** Whether {@code directory} holds any key file. */
    static boolean holdsKeys(Path directory) {
        return firstKeyFile(directory).isPresent();
    }

    /**
     * Replaces {@code file} with {@code content} in one step (a temporary file beside it, moved
     * over it), readable and writable by the owner only where the file system knows permissions.
     */
    public static void writeAtomically(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                ownerOnly(temporary);
                Files.write(temporary, content);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new KeyStoreUnusable("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                    Files.isDirectory(file) ? "rwx------" : "rw-------"));
        }
    }

    private static Optional<Path> firstKeyFile(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            Path first = null;
            for (Path file : files) {
                if (first == null || file.compareTo(first) < 0) {
                    first = file;
                }
            }
            return Optional.ofNullable(first);
        } catch (IOException e) {
            throw new KeyStoreUnusable("cannot list the key store " + directory + ": " + e.getMessage(), e);
        }
    }

    private Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a key file name: " + name);
        }
        return directory.resolve(name + SUFFIX);
    }

    private String encrypt(byte[] pkcs8) {
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(
                    PrivateKeyInfo.getInstance(pkcs8))
                    .build(new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                            .setIterationCount(iterations)
                            .setProvider(bc)
                            .build(passphrase));
            StringWriter pem = new StringWriter();
            try (PemWriter writer = new PemWriter(pem)) {
                writer.writeObject(new PemObject(PEM_TYPE, encrypted.getEncoded()));
            }
            return pem.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new KeyStoreUnusable("cannot encrypt a key: " + e.getMessage(), e);
        }
    }

    private byte[] decrypt(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyStoreUnusable("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (!(parser.readObject() instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
                throw new KeyStoreUnusable("the key file " + file + " is not an encrypted PKCS#8 private key");
            }
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bc)
                    .build(passphrase)).getEncoded();
        } catch (PKCSException e) {
            throw new KeyStoreUnusable("the key store passphrase does not open " + file
                    + " (set LEDGER_KEYSTORE_PASSPHRASE or ledger.keystore.passphrase-file to the passphrase"
                    + " this key store was made with)", e);
        } catch (IOException | OperatorCreationException e) {
            throw new KeyStoreUnusable("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }
}
