package org.gongzhang.service.book;

import java.time.Instant;

/** A book as listed: its fund, compound (小区), community (社区), street (街道) and log size. */
public record BookSummary(String book, String name, String fund, Party compound, Party community, Party street,
        String startPeriod, Instant openedAt, long size) {

    /** An organisation named in the hierarchy street → community → compound. */
    public record Party(String id, String name) {
    }
}
