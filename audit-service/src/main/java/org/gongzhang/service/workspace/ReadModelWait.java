package org.gongzhang.service.workspace;

import java.time.Duration;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.axon.ReadModelNudge;
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

    ReadModelWait(JdbcTemplate jdbc, ReadModelNudge readModel) {
        this.books = new ReportBooks(jdbc);
        this.readModel = readModel;
    }

    /**
     * True once the book's read model has applied entry {@code index} (or at once when none is
     * asked); false at once for an entry the book's log does not hold (a link's made-up index):
     * waiting would not bring it, and would hold the request for the whole patience. {@code book} is
     * as the page read it for this request (its size counts every entry appended before it).
     */
    boolean until(BookSummary book, Long index) {
        if (index == null) {
            return true;
        }
        if (index >= book.size()) {
            return false;
        }
        try {
            return readModel.await(() -> books.find(book.book()).filter(b -> b.appliedIndex() >= index), PATIENCE)
                    .isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
