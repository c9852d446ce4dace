package org.gongzhang.service.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.service.keystore.KeyFiles;
import org.gongzhang.service.keystore.KeyStoreUnusable;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.springframework.stereotype.Component;

/**
 * The last checkpoint the service signed for each book, kept outside the database beside the key
 * store ({@code <keystore>/checkpoints/<book>.txt}: the signed note, replaced atomically after each
 * larger signature). Someone who can edit PostgreSQL can delete the {@code checkpoint} rows with
 * the entries they cover; this file still says how far the service has vouched for the book.
 */
@Component
public class LastSignedCheckpoints {

    private final Path directory;

    LastSignedCheckpoints(KeyFiles keyFiles) {
        this.directory = keyFiles.directory().resolve("checkpoints");
    }

    /** The last checkpoint signed for {@code book}, as signed. */
    public Optional<SignedNote> last(String book) {
        try {
            return Optional.of(SignedNote.parse(Files.readString(file(book), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new KeyStoreUnusable("cannot read the last signed checkpoint " + file(book) + ": " + e.getMessage(), e);
        }
    }

    /** Keeps {@code note} (a checkpoint just signed) unless a larger one is already kept. */
    public synchronized void record(String book, SignedNote note) {
        long size = Checkpoint.parse(note.text()).size();
        if (last(book).map(kept -> Checkpoint.parse(kept.text()).size() >= size).orElse(false)) {
            return;
        }
        KeyFiles.writeAtomically(file(book), note.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every book the service has signed a checkpoint for. */
    public List<String> books() {
        List<String> books = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return books;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.txt")) {
            files.forEach(f -> books.add(f.getFileName().toString().replaceFirst("\\.txt$", "")));
            books.removeIf(book -> !BookId.isValid(book));
        } catch (IOException e) {
            throw new KeyStoreUnusable("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return books;
    }

    private Path file(String book) {
        return directory.resolve(new BookId(book).value() + ".txt");
    }
}
