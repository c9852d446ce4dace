package org.gongzhang.service.entry;

import java.time.Duration;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.springframework.stereotype.Component;

/**
 * The book's lease for a writer's next entry, asked for with the entry before it
 * ({@value #HEADER}: seconds to wait, 0 to 30): once the entry is appended, its signer queues for
 * the lease like a lease request ({@link BookLeases#take}) and the answer carries it
 * ({@link EntryAnswer#nextLease()}). A writer with many entries for a busy book so makes one
 * request per entry instead of two (a lease request and a post), and its next turn needs no signed
 * lease request: the entry just appended proves the key. A replayed submission gets no lease (a
 * copy of an old post must not hold the book), nor does a refusal; a turn that does not come
 * within the wait leaves the answer without one (the entry is stored all the same).
 */
@Component
class NextLeases {

    /** The request header asking for the next lease, and how many seconds to wait for it. */
    static final String HEADER = "Ledger-Lease-Next";

    private final BookLeases leases;

    NextLeases(BookLeases leases) {
        this.leases = leases;
    }

    /**
     * The wait the header asks for, or null when there is none; anything but whole seconds from 0 to
     * {@link BookLeases#MAX_WAIT} is refused (422 {@code request.header.invalid}), before the entry is judged.
     */
    static Duration wait(String header) {
        if (header == null) {
            return null;
        }
        String seconds = header.strip();
        if (!seconds.matches("[0-9]{1,2}") || Integer.parseInt(seconds) > BookLeases.MAX_WAIT.toSeconds()) {
            throw LedgerRefusal.invalid("request.header.invalid", HEADER, HEADER);
        }
        return Duration.ofSeconds(Integer.parseInt(seconds));
    }

    /** The answer to the post: the receipt, and the signer's next lease when {@code wait} asked for one. */
    EntryAnswer answer(String book, EntrySubmissions.Outcome outcome, Duration wait) {
        if (wait == null || outcome.replayed() || outcome.signer() == null) {
            return EntryAnswer.of(outcome.receipt(), null);
        }
        try {
            return EntryAnswer.of(outcome.receipt(), leases.take(book, outcome.signer(), wait));
        } catch (BookLeases.LeaseBusy busy) {
            return EntryAnswer.of(outcome.receipt(), null);
        }
    }
}
