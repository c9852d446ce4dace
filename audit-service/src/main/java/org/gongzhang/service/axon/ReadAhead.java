package org.gongzhang.service.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.gongzhang.core.book.api.LedgerEvent;

/**
 * The reporting processor's sequencing: Axon's default, one sequence per aggregate (a book), so
 * its segments split the books exactly as before; asking for it also reads what every handler of
 * the read model reads of the event: its stored payload, the entry's envelope, and the time stamp
 * that Axon parses when it hands the event to a work package.
 *
 * <p>Axon's pooled processor asks on its coordinator's thread, which reads the log and hands each
 * event to the segment that owns its book, up to a thousand events ahead of that segment's work
 * package. One book's events are one segment, so a replay of a big book ran on the work package's
 * thread alone, while the coordinator mostly waited; reading each entry twice (the payload's JSON,
 * then the entry's canonical text) and its time stamp were about 40 % of that thread's profile. Read
 * here, the coordinator does that while the work package writes the previous batch, and the work
 * package finds them already parsed (the message keeps its payload and time stamp, the entry its
 * envelope): a 100k-event rebuild went from 11–14k to 17–19k events/s (docs/benchmarks.md).
 *
 * <p>An event that cannot be read is left as it is: the work package meets the same error where it
 * handles it, as it did before (a tampered event holds its book's reports at the entry before it).
 */
final class ReadAhead implements SequencingPolicy<EventMessage<?>> {

    private final SequencingPolicy<? super EventMessage<?>> sequence = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        read(event);
        return sequence.getSequenceIdentifierFor(event);
    }

    static void read(EventMessage<?> event) {
        try {
            event.getTimestamp();
            if (event.getPayload() instanceof LedgerEvent ledger) {
                ledger.header();
            }
        } catch (RuntimeException unreadable) {
            // left to the handler, which reports it where it always did
        }
    }
}
