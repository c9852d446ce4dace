package org.gongzhang.service.workspace;

import java.time.Duration;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
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
    private final BookDirectory directory;

    ReadModelWait(JdbcTemplate jdbc, ReadModelNudge readModel, BookDirectory directory) {
        this.books = new ReportBooks(jdbc);
        this.readModel = readModel;
        this.directory = directory;
    }

    /**
     * True once the book's read model has applied entry {@code index} (or at once when none is
     * asked); false at once for an entry the book's log does not hold (a link's made-up index):
     * waiting would not bring it, and would hold the request for the whole patience.
     */
    boolean until(String book, Long index) {
        if (index == null) {
            return true;
        }
        if (index >= directory.find(book).map(BookSummary::size).orElse(0L)) {
            return false;
        }
        try {
            return readModel.await(() -> books.find(book).filter(b -> b.appliedIndex() >= index), PATIENCE).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
