package org.gongzhang.service.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongzhang.service.keystore.KeyFiles;
import org.gongzhang.service.keystore.KeyStoreUnusable;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.SignedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's log key (日志签名密钥), which signs every book's checkpoints, and the keys it was
 * rotated from. The private keys are in the key store: the first as {@code log-<name>.pem}, created
 * there on first start, and the key of rotation {@code n} as {@code log-<name>-<n+1>.pem}; the
 * rotations themselves ({@link LogKeyChain}, each signed by the old and the new key) in
 * {@code log-key-rotations.txt} beside them. The database's {@code log_key} rows hold only public
 * keys, for the record; the key store is the truth: a row someone changed is reported, never
 * believed. Auditors pin the verifier key (published at {@code /api/log-key}) and follow the
 * rotations (at {@code /api/log-key/rotations}, and in bundles) from it.
 */
@Component
public class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);
    static final String ROTATIONS = "log-key-rotations.txt";

    private final JdbcTemplate jdbc;
    private final KeyFiles keyFiles;
    private final Clock clock;
    private final String name;
    private final List<NoteSigner> signers = new ArrayList<>();
    private volatile LogKeyChain chain;

    LogKey(JdbcTemplate jdbc, KeyFiles keyFiles, Clock clock, @Value("${ledger.log.key-name:gongzhang-log}") String name) {
        this.jdbc = jdbc;
        this.keyFiles = keyFiles;
        this.clock = clock;
        this.name = name;
        signers.add(open(name, KeyFiles.logKey(name), true));
        this.chain = readChain();
        for (LogKeyRotation rotation : chain.rotations()) {
            String keyName = rotatedName(signers.size() + 1);
            NoteSigner next = open(keyName, KeyFiles.logKey(keyName), false);
            if (!next.verifierKey().equals(rotation.newKey())) {
                throw new KeyStoreUnusable("the key store's " + KeyFiles.logKey(keyName) + ".pem is not the key "
                        + rotation.newKey() + " that log key rotation " + signers.size() + " names");
            }
            signers.add(next);
        }
        chain.follow(first()).problem().ifPresent(p -> {
            throw new KeyStoreUnusable("the key store's " + ROTATIONS + " does not lead from the first log key: " + p.message());
        });
    }

    /** The key that signs checkpoints now. */
    public NoteSigner signer() {
        synchronized (signers) {
            return signers.get(signers.size() - 1);
        }
    }

    /** The first log key, before any rotation: what the service pins to check its own bundles. */
    public NoteVerifierKey first() {
        synchronized (signers) {
            return signers.get(0).verifierKey();
        }
    }

    /** The rotations from the first key to the current one. */
    public LogKeyChain rotations() {
        return chain;
    }

    /** True when a key of the chain, the current one or one it was rotated from, signed {@code note}. */
    public boolean signedByAnyKey(SignedNote note) {
        return chain.follow(first()).signedAny(note);
    }

    /**
     * Signs {@code checkpoint} with the current key. The first checkpoint of a book after a rotation
     * (the book's latest one, {@code previous}, was not signed by the current key) is signed by the
     * key before it too: witnesses that still trust the old key cosign it, and it shows in the
     * book's own history that the log handed over.
     */
    public SignedNote sign(Checkpoint checkpoint, Optional<SignedNote> previous) {
        synchronized (signers) {
            NoteSigner current = signers.get(signers.size() - 1);
            boolean handover = signers.size() > 1 && previous.isPresent()
                    && !previous.get().isSignedBy(current.verifierKey());
            return handover ? SignedNote.sign(checkpoint.body(), signers.get(signers.size() - 2), current)
                    : checkpoint.sign(current);
        }
    }

    /**
     * A bundle of {@code entries} with {@code checkpoint}, naming the newest log key that signed it
     * and carrying the rotations that lead to that key.
     */
    public Bundle bundle(String book, List<SignedEntry> entries, Optional<SignedNote> checkpoint, Instant createdAt) {
        BundleSigner signer = bundleSigner(checkpoint);
        return Bundle.of(book, entries, checkpoint, signer.key(), createdAt).withLogKeyRotations(signer.rotations());
    }

    /**
     * The log key a bundle with {@code checkpoint} names (the newest key that signed it; the
     * current key when there is none) and the rotations that lead to it.
     */
    public record BundleSigner(NoteVerifierKey key, LogKeyChain rotations) {

        /** The text of {@code log-key-rotations.txt}; none when the key was never rotated. */
        public Optional<String> rotationsText() {
            return rotations.isEmpty() ? Optional.empty() : Optional.of(rotations.toString());
        }
    }

    public BundleSigner bundleSigner(Optional<SignedNote> checkpoint) {
        NoteVerifierKey signedBy = checkpoint.flatMap(this::newestKeyThatSigned).orElseGet(() -> signer().verifierKey());
        return new BundleSigner(signedBy, chain.upTo(signedBy));
    }

    /**
     * Rotates the log key: makes a new key in the key store, signs the rotation with the current and
     * the new key, keeps it beside the keys (and the new public key in {@code log_key}), and signs
     * with the new key from then on. Answers the rotation.
     */
    public LogKeyRotation rotate() {
        synchronized (signers) {
            NoteSigner current = signers.get(signers.size() - 1);
            String keyName = rotatedName(signers.size() + 1);
            PrivateKey privateKey = SignatureSuite.ED25519.generateKeyPair().getPrivate();
            keyFiles.write(KeyFiles.logKey(keyName), privateKey);
            NoteSigner next = signer(keyFiles.read(KeyFiles.logKey(keyName), SignatureSuite.ED25519));
            LogKeyRotation rotation = LogKeyRotation.sign(current, next);
            LogKeyChain longer = chain.then(rotation);
            KeyFiles.writeAtomically(rotationsFile(), longer.toString().getBytes(StandardCharsets.UTF_8));
            record(keyName, next);
            signers.add(next);
            chain = longer;
            log.warn("The log key was rotated: checkpoints are signed by {} from now on instead of {}",
                    next.verifierKey(), current.verifierKey());
            return rotation;
        }
    }

    private Optional<NoteVerifierKey> newestKeyThatSigned(SignedNote note) {
        synchronized (signers) {
            for (int i = signers.size() - 1; i >= 0; i--) {
                if (note.isSignedBy(signers.get(i).verifierKey())) {
                    return Optional.of(signers.get(i).verifierKey());
                }
            }
            return Optional.empty();
        }
    }

    /** Opens (the first key: creating) the key stored as {@code file}, checked against its {@code log_key} row. */
    private NoteSigner open(String keyName, String file, boolean createIfMissing) {
        Optional<byte[]> registered = jdbc.query("select public_key from log_key where key_name = ?",
                (rs, n) -> rs.getBytes(1), keyName).stream().findFirst();
        if (!keyFiles.contains(file)) {
            if (registered.isPresent() || !createIfMissing) {
                throw new KeyStoreUnusable("the log key " + keyName + " is registered in the database or named by "
                        + ROTATIONS + " but the key store " + keyFiles.directory() + " has no " + file
                        + ".pem (restore the key store from its backup)");
            }
            keyFiles.write(file, SignatureSuite.ED25519.generateKeyPair().getPrivate());
        }
        NoteSigner signer = signer(keyFiles.read(file, SignatureSuite.ED25519));
        if (registered.isEmpty()) {
            record(keyName, signer);
        } else if (!Arrays.equals(registered.get(), signer.verifierKey().publicKey().getEncoded())) {
            log.error("The log_key row of {} is not the public key of the log key in the key store: the database was"
                    + " changed behind the service's back; the key store's key signs and is published", keyName);
        }
        return signer;
    }

    private NoteSigner signer(PrivateKey privateKey) {
        PublicKey publicKey = SignatureSuite.ED25519.publicKeyOf(privateKey);
        return NoteSigner.of(name, new KeyPair(publicKey, privateKey));
    }

    private void record(String keyName, NoteSigner signer) {
        jdbc.update("insert into log_key (key_name, public_key, created_at) values (?, ?, ?) on conflict do nothing",
                keyName, signer.verifierKey().publicKey().getEncoded(), Timestamp.from(clock.instant()));
    }

    /** The name under which the key of the {@code n}th log key (n ≥ 2) is kept. */
    private String rotatedName(int n) {
        return name + "-" + n;
    }

    private LogKeyChain readChain() {
        Path file = rotationsFile();
        try {
            return Files.exists(file) ? LogKeyChain.parse(Files.readString(file, StandardCharsets.UTF_8))
                    : LogKeyChain.empty();
        } catch (IOException | RuntimeException e) {
            throw new KeyStoreUnusable("cannot read the log key rotations " + file + ": " + e.getMessage(), e);
        }
    }

    private Path rotationsFile() {
        return keyFiles.directory().resolve(ROTATIONS);
    }
}
