package org.gongzhang.verifier.witness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.Set;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.crypto.SigningKey;

/**
 * A witness's own Ed25519 private key in a file of its own: PKCS#8 PEM, not encrypted, readable by
 * its owner only (mode 0600, set when the file is created). The key never leaves the witness's
 * machine; only its cosigner verifier key is published. A key file that others can read is refused.
 */
public final class WitnessKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private WitnessKeyFile() {
    }

    /** The key in {@code file}, made (mode 0600) when the file does not exist yet. */
    public static KeyPair loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        refuseReadableByOthers(file);
        try {
            SigningKey key = SigningKey.fromPem(SignatureSuite.ED25519, Files.readString(file));
            return new KeyPair(key.publicKey(), key.privateKey());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key (PKCS#8 PEM): " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String pem = SigningKey.generate(SignatureSuite.ED25519).privatePem();
        if (posix(parent)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, pem);
    }

    private static void refuseReadableByOthers(Path file) throws IOException {
        if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException("the witness key " + file + " is readable by others; chmod 600 it");
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
