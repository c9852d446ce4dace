package org.gongzhang.verifier.witness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;

/**
 * A witness's memory, in its own state directory: per log origin the last checkpoint it cosigned
 * ({@code <sha256 hex of origin>.checkpoint}: the log's note with this witness's cosignature), each
 * replaced atomically (written aside, then renamed over the old one), and under {@code evidence/}
 * every signed checkpoint that did not extend it; in {@code log-key-rotations.txt} the log key
 * rotations it accepted. One process at a time holds the directory.
 */
public final class WitnessState implements AutoCloseable {

    private static final String ROTATIONS = "log-key-rotations.txt";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final FileChannel lockFile;
    private final FileLock lock;

    private WitnessState(Path directory, FileChannel lockFile, FileLock lock) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Opens (creating) {@code directory}; refuses one another process holds. */
    public static WitnessState open(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("evidence"));
        FileChannel channel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another witness process uses the state directory " + directory);
        }
        return new WitnessState(directory, channel, lock);
    }

    /** The checkpoint last cosigned for {@code origin}, as stored. */
    public Optional<SignedNote> latest(String origin) throws IOException {
        return latestByOriginHash(originHash(origin));
    }

    /** The checkpoint last cosigned for the origin whose SHA-256 is {@code originHash} (lowercase hex). */
    Optional<SignedNote> latestByOriginHash(String originHash) throws IOException {
        Path file = directory.resolve(originHash + ".checkpoint");
        return Files.exists(file) ? Optional.of(SignedNote.parse(Files.readString(file))) : Optional.empty();
    }

    /** Replaces the checkpoint last cosigned for {@code origin}, atomically. */
    void record(String origin, SignedNote cosigned) throws IOException {
        Path file = checkpointFile(origin);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, cosigned.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Keeps a signed checkpoint that does not extend the one cosigned last: both notes and the
     * request with its proof, in one new file under {@code evidence/}. Answers that file.
     */
    Path keepEvidence(String origin, Instant at, String reason, Optional<SignedNote> cosigned, String request)
            throws IOException {
        String text = "# evidence kept by a gongzhang witness: " + reason + "\n"
                + "# origin " + origin + "\n# received " + at + "\n"
                + "## the checkpoint this witness cosigned last\n" + cosigned.map(SignedNote::toString).orElse("(none)\n")
                + "## the add-checkpoint request received (old size, consistency proof, blank line, checkpoint)\n"
                + request;
        String prefix = STAMP.format(at) + "-" + originHash(origin).substring(0, 12);
        for (int n = 0; ; n++) {
            Path file = directory.resolve("evidence").resolve(prefix + "-" + n + ".txt");
            if (!Files.exists(file)) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return file;
            }
        }
    }

    /** The log key rotations this witness accepted, in order ({@code log-key-rotations.txt}). */
    public LogKeyChain rotations() throws IOException {
        Path file = directory.resolve(ROTATIONS);
        return Files.exists(file) ? LogKeyChain.parse(Files.readString(file, StandardCharsets.UTF_8)) : LogKeyChain.empty();
    }

    /** Replaces the rotations accepted, atomically. */
    void recordRotations(LogKeyChain chain) throws IOException {
        Path file = directory.resolve(ROTATIONS);
        Path next = file.resolveSibling(ROTATIONS + ".next");
        Files.writeString(next, chain.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Lowercase hex SHA-256 of the origin line: the name of its state file and of its monitoring path. */
    public static String originHash(String origin) {
        return Digests.sha256Hex(origin.getBytes(StandardCharsets.UTF_8));
    }

    private Path checkpointFile(String origin) {
        return directory.resolve(originHash(origin) + ".checkpoint");
    }

    /** The directory this state lives in. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockFile.close();
    }
}
