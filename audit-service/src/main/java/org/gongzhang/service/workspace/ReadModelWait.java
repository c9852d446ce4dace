package org.gongzhang.service.workspace;

import java.time.Duration;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.axon.ReadModelNudge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reports read the log a moment behind (a tracking processor). A page shown right after an
 * action ({@code ?after=<entry index>}) waits, briefly, until the read model has that entry, so the
 * person sees what they just did.
 */
@Component
class ReadModelWait {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ReportBooks books;
    private final ReadModelNudge readModel;

    ReadModelWait(JdbcTemplate jdbc, ReadModelNudge readModel) {
        this.books = new ReportBooks(jdbc);
        this.readModel = readModel;
    }

    /** True once the book's read model has applied entry {@code index} (or at once when none is asked). */
    boolean until(String book, Long index) {
        if (index == null) {
            return true;
        }
        try {
            return readModel.await(() -> books.find(book).filter(b -> b.appliedIndex() >= index), PATIENCE).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
