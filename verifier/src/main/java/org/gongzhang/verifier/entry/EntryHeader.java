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
        if (!pattern.matcher(value).matches()) {
            throw new MalformedEntry("entry." + field, "not of the form " + pattern.pattern());
        }
        return value;
    }

    private static long integer(JsonNode e, String field) {
        JsonNode value = e.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new MalformedEntry("entry." + field, "must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode e, String field) {
        try {
            return Instant.parse(text(e, field));
        } catch (DateTimeParseException ex) {
            throw new MalformedEntry("entry." + field, "must be an ISO-8601 UTC instant");
        }
    }

    private static LocalDate date(JsonNode e, String field) {
        try {
            return LocalDate.parse(text(e, field));
        } catch (DateTimeParseException ex) {
            throw new MalformedEntry("entry." + field, "must be a date yyyy-MM-dd");
        }
    }
}
