package org.gongzhang.service.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event table's time stamps, which Axon writes as text in one fixed form
 * ({@code 2026-12-05T08:25:36.123Z}: UTC, milliseconds). Axon reads them back with a general ISO
 * formatter, a few microseconds per event, once for every event that every streaming processor
 * handles: a tenth of a read-model rebuild's work. Text in that form is read digit by digit here;
 * anything else (another form, an impossible date) goes to Axon's own parser, which reads it, or
 * refuses it, exactly as before.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-12-05T08:25:36.123Z".length();

    private StoredTimestamps() {
    }

    static Instant parse(String stored) {
        if (stored != null && stored.length() == LENGTH && stored.charAt(4) == '-' && stored.charAt(7) == '-'
                && stored.charAt(10) == 'T' && stored.charAt(13) == ':' && stored.charAt(16) == ':'
                && stored.charAt(19) == '.' && stored.charAt(23) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 2);
            int day = digits(stored, 8, 2);
            int hour = digits(stored, 11, 2);
            int minute = digits(stored, 14, 2);
            int second = digits(stored, 17, 2);
            int millis = digits(stored, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException impossible) {
                    // Axon's parser says what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(stored);
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
