package org.gongzhang.verifier.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How many entries were signed by their actors' own keys and how many by the service for them
 * (代签, {@code "custodial": true}), which prove less: a signature the service can make shows only
 * that the service said so.
 *
 * @param entries   the entries counted
 * @param custodial of them, those the service signed for their actor
 */
public record Custody(long entries, long custodial) {

    /** Those signed by their actor's own key. */
    public long own() {
        return entries - custodial;
    }

    /** Every readable leaf counted; an unreadable one is left out (the verifier reports it). */
    public static Custody of(List<String> leaves) {
        return of(leaves, LocalDate.MIN, LocalDate.MAX);
    }

    /** The readable leaves whose business date lies in {@code from … to}, both included. */
    public static Custody of(List<String> leaves, LocalDate from, LocalDate to) {
        List<EntryHeader> headers = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            try {
                headers.add(SignedEntry.fromLeaf(leaf).header());
            } catch (RuntimeException unreadable) {
                // an unreadable entry is a finding of the verifier already
            }
        }
        return ofHeaders(headers, from, to);
    }

    /** The entries of {@code headers} whose business date lies in {@code from … to}, both included. */
    public static Custody ofHeaders(List<EntryHeader> headers, LocalDate from, LocalDate to) {
        long entries = 0;
        long custodial = 0;
        for (EntryHeader header : headers) {
            if (!header.businessDate().isBefore(from) && !header.businessDate().isAfter(to)) {
                entries++;
                if (header.custodial()) {
                    custodial++;
                }
            }
        }
        return new Custody(entries, custodial);
    }
}
