package org.gongzhang.service.entry;

import java.time.Instant;

/**
 * Where a client appends next: {@code size} is the next index, {@code head} the hash the next
 * entry must cite as {@code prev}.
 */
public record BookHead(String book, long size, String head, Instant lastRecordedAt) {
}
