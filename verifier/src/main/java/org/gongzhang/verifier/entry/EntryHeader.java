package org.gongzhang.verifier.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The envelope of an entry: everything but the kind-specific {@code payload}.
 *
 * @param format       entry format version (currently {@value #FORMAT})
 * @param book         the book (账套) id
 * @param index        position in the book's log, dense from 0
 * @param prev         hash of entry {@code index - 1}, hex; {@link SignedEntry#GENESIS_PREV} for entry 0
 * @param kind         what happened, e.g. {@code voucher.recorded}
 * @param actor        the person who acts, e.g. {@code agent:li-na}
 * @param role         the role the actor acts in
 * @param keyId        id of the key that signed
 * @param suite        signature suite id
 * @param custodial    true when the service signed with a key it keeps for the actor
 * @param submission   client-chosen id that makes a submission idempotent
 * @param recordedAt   when the entry was recorded (记录时间)
 * @param businessDate the business date (业务日期) the entry speaks for
 * @param payload      kind-specific content
 */
public record EntryHeader(
        int format,
        String book,
        long index,
        String prev,
        String kind,
        String actor,
        Role role,
        String keyId,
        String suite,
        boolean custodial,
        String submission,
        Instant recordedAt,
        LocalDate businessDate,
        JsonNode payload) {

    public static final int FORMAT = 1;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /** Reads the envelope of an entry's JSON; throws {@link MalformedEntry} naming the first bad field. */
    public static EntryHeader parse(JsonNode e) {
        if (e == null || !e.isObject()) {
            throw new MalformedEntry("entry", "must be a JSON object");
        }
        int format = (int) integer(e, "format");
        if (format != FORMAT) {
            throw new MalformedEntry("entry.format", "unsupported format " + format);
        }
        long index = integer(e, "index");
        if (index < 0) {
            throw new MalformedEntry("entry.index", "must be ≥ 0");
        }
        Role role = Role.parse(text(e, "role")).orElseThrow(() -> new MalformedEntry("entry.role", "unknown role"));
        JsonNode custodial = e.get("custodial");
        if (custodial == null || !custodial.isBoolean()) {
            throw new MalformedEntry("entry.custodial", "must be true or false");
        }
        JsonNode payload = e.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedEntry("entry.payload", "must be a JSON object");
        }
        return new EntryHeader(format, id(e, "book"), index, matching(e, "prev", HASH), text(e, "kind"),
                id(e, "actor"), role, id(e, "keyId"), text(e, "suite"), custodial.booleanValue(),
                id(e, "submission"), instant(e, "recordedAt"), date(e, "businessDate"), payload);
    }

    private static String text(JsonNode e, String field) {
        JsonNode value = e.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new MalformedEntry("entry." + field, "must be a non-empty string");
        }
        return value.textValue();
    }

    private static String id(JsonNode e, String field) {
        return matching(e, field, ID);
    }

    private static String matching(JsonNode e, String field, Pattern pattern) {
        String value = text(e, field);
        if (!(pattern == ID ? isId(value) : pattern == HASH ? isHash(value) : pattern.matcher(value).matches())) {
            throw new MalformedEntry("entry." + field, "not of the form " + pattern.pattern());
        }
        return value;
    }

    /** {@link #ID} matches, without the regex engine: every entry has five of them. */
    private static boolean isId(String value) {
        int n = value.length();
        if (n < 1 || n > 128 || !isAlnum(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** {@link #HASH} matches, without the regex engine. */
    private static boolean isHash(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long integer(JsonNode e, String field) {
        JsonNode value = e.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new MalformedEntry("entry." + field, "must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode e, String field) {
        String text = text(e, field);
        Instant common = commonInstant(text);
        if (common != null) {
            return common;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ex) {
            throw new MalformedEntry("entry." + field, "must be an ISO-8601 UTC instant");
        }
    }

    private static LocalDate date(JsonNode e, String field) {
        String text = text(e, field);
        if (text.length() == 10) {
            LocalDate common = commonDate(text);
            if (common != null) {
                return common;
            }
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            throw new MalformedEntry("entry." + field, "must be a date yyyy-MM-dd");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} as {@link Instant#parse} reads it, without its formatter
     * (an entry's every read pays for it); null for any other text, and for a time of day or date
     * that does not exist, which {@link Instant#parse} then judges.
     */
    private static Instant commonInstant(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(n - 1) != 'Z' || n > 20 && text.charAt(19) != '.') {
            return null;
        }
        LocalDate day = commonDate(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = digits(text, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd} as {@link LocalDate#parse} reads it; null for any other text or a day that does not exist. */
    private static LocalDate commonDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The ASCII digits {@code text[from, to)} as a number, or -1 when any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
