package org.gongzhang.service.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gongzhang.service.postgres.EmbeddedPostgresProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the key store: picks its directory as the embedded PostgreSQL picks its data directory
 * (a temporary one, deleted at shutdown, when that is ephemeral), and its passphrase from
 * {@code LEDGER_KEYSTORE_PASSPHRASE}, else {@code ledger.keystore.passphrase-file}, else — for a
 * demo — a random passphrase written beside the keys, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class KeyStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyStoreConfiguration.class);

    static final String GENERATED_PASSPHRASE = "passphrase";

    /**
     * PBKDF2 iterations under a passphrase the service generated: 256 random bits leave nothing to
     * guess, so stretching them only slows every start of the demo (about half a second per key).
     */
    static final int GENERATED_PASSPHRASE_ITERATIONS = 10_000;

    @Bean
    KeyStoreDirectory keyStoreDirectory(KeyStoreProperties properties, EmbeddedPostgresProperties embedded)
            throws IOException {
        if (properties.directory() != null) {
            return new KeyStoreDirectory(create(properties.directory()), false);
        }
        if (embedded.ephemeral()) {
            Path temporary = Files.createTempDirectory("gongzhang-keys");
            KeyFiles.ownerOnly(temporary);
            return new KeyStoreDirectory(temporary, true);
        }
        return new KeyStoreDirectory(create(Path.of(System.getProperty("user.home"), ".gongzhang", "keys")), false);
    }

    @Bean
    KeyFiles keyFiles(KeyStoreDirectory directory, KeyStoreProperties properties) throws IOException {
        Passphrase passphrase = passphrase(directory.path(), properties);
        KeyFiles keys = new KeyFiles(directory.path(), passphrase.value(),
                passphrase.generated() ? GENERATED_PASSPHRASE_ITERATIONS : properties.iterations());
        keys.checkPassphrase();
        log.info("Key store: {}", directory.path());
        return keys;
    }

    /** The key store's passphrase, and whether the service generated it. */
    private record Passphrase(char[] value, boolean generated) {
    }

    private static Passphrase passphrase(Path directory, KeyStoreProperties properties) throws IOException {
        if (properties.passphrase() != null && !properties.passphrase().isEmpty()) {
            return new Passphrase(properties.passphrase().toCharArray(), false);
        }
        if (properties.passphraseFile() != null) {
            return new Passphrase(firstLine(properties.passphraseFile()), false);
        }
        Path generated = directory.resolve(GENERATED_PASSPHRASE);
        if (Files.exists(generated)) {
            log.warn("The key store's passphrase is read from {}, beside the keys it protects: fine for a demo,"
                    + " not for real books (set LEDGER_KEYSTORE_PASSPHRASE or ledger.keystore.passphrase-file)", generated);
            return new Passphrase(firstLine(generated), true);
        }
        if (KeyFiles.holdsKeys(directory)) {
            throw new KeyStoreUnusable("the key store " + directory + " holds keys but no passphrase was given"
                    + " (set LEDGER_KEYSTORE_PASSPHRASE or ledger.keystore.passphrase-file)");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeyFiles.writeAtomically(generated, (passphrase + "\n").getBytes(StandardCharsets.US_ASCII));
        log.warn("No key store passphrase was given: generated a random one in {}, beside the keys it protects;"
                + " fine for a demo, not for real books (set LEDGER_KEYSTORE_PASSPHRASE or"
                + " ledger.keystore.passphrase-file)", generated);
        return new Passphrase(passphrase.toCharArray(), true);
    }

    private static char[] firstLine(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String line = lines.findFirst().orElse("");
            if (line.isEmpty()) {
                throw new KeyStoreUnusable("the passphrase file " + file + " is empty");
            }
            return line.toCharArray();
        }
    }

    private static Path create(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            KeyFiles.ownerOnly(directory);
        }
        return directory;
    }

    /** The key store's directory; a temporary one is deleted with everything in it at shutdown. */
    record KeyStoreDirectory(Path path, boolean temporary) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (!temporary) {
                return;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
