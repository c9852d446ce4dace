package org.gongzhang.core.book.api.payload;

import static org.gongzhang.core.book.api.RefusalCode.ENTRY_MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.InvalidAmount;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;

/** Reads one JSON object of a payload, refusing with the dotted path of whatever is missing or malformed. */
final class PayloadReader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final JsonNode node;
    private final String path;

    private PayloadReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static PayloadReader of(SignedEntry entry) {
        try {
            return new PayloadReader(entry.header().payload(), "entry.payload");
        } catch (MalformedEntry e) {
            throw ENTRY_MALFORMED.at(e.field(), e.field());
        }
    }

    /** A payload not (yet) in an entry, read under the same paths as in one. */
    static PayloadReader of(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw ENTRY_MALFORMED.at("entry.payload", "entry.payload");
        }
        return new PayloadReader(payload, "entry.payload");
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    PayloadReader object(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw malformed(field);
        }
        return new PayloadReader(value, path(field));
    }

    List<PayloadReader> array(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw malformed(field);
        }
        List<PayloadReader> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw ENTRY_MALFORMED.at(path(field) + "[" + i + "]", path(field) + "[" + i + "]");
            }
            items.add(new PayloadReader(value.get(i), path(field) + "[" + i + "]"));
        }
        return items;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A required string; may be blank, so that rules can refuse blank text with their own code. */
    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(field);
        }
        return value.textValue();
    }

    /** A string that may be absent or null. */
    String optionalString(String field) {
        return has(field) ? string(field) : null;
    }

    /** An id of the envelope's form {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}. */
    String id(String field, RefusalCode invalid) {
        String value = string(field);
        if (!ID.matcher(value).matches()) {
            throw invalid.at(path(field), value);
        }
        return value;
    }

    int integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw malformed(field);
        }
        return value.intValue();
    }

    /** A whole number ≥ 0 that may exceed an int, such as the size of a log. */
    long size(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw malformed(field);
        }
        return value.longValue();
    }

    Money amount(String field) {
        String text = string(field);
        try {
            return Money.parse(text);
        } catch (InvalidAmount e) {
            throw switch (e.problem()) {
                case MALFORMED -> RefusalCode.AMOUNT_MALFORMED.at(path(field), text);
                case TOO_MANY_DECIMALS -> RefusalCode.AMOUNT_TOO_MANY_DECIMALS.at(path(field), text);
                case NOT_POSITIVE -> RefusalCode.AMOUNT_NOT_POSITIVE.at(path(field), text);
                case TOO_LARGE -> RefusalCode.AMOUNT_TOO_LARGE.at(path(field), text, Money.MAX_ENTRY_AMOUNT.format());
            };
        }
    }

    /** One side of a line: exactly one of {@code debit} / {@code credit}. */
    SidedAmount sided(RefusalCode bothSides, RefusalCode noSide) {
        boolean debit = has("debit");
        boolean credit = has("credit");
        if (debit && credit) {
            throw bothSides.at(path);
        }
        if (!debit && !credit) {
            throw noSide.at(path);
        }
        return debit ? new SidedAmount(Side.DEBIT, amount("debit")) : new SidedAmount(Side.CREDIT, amount("credit"));
    }

    Period period(String field) {
        String text = string(field);
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw RefusalCode.PERIOD_INVALID.at(path(field), text);
        }
    }

    LocalDate date(String field) {
        String text = string(field);
        try {
            if (text.length() != 10) {
                throw malformed(field);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(field);
        }
    }

    AccountCode accountCode(String field) {
        String text = string(field);
        if (!AccountCode.isValid(text)) {
            throw RefusalCode.ACCOUNT_CODE_INVALID.at(path(field), text);
        }
        return AccountCode.of(text);
    }

    AccountCode optionalAccountCode(String field) {
        return has(field) ? accountCode(field) : null;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, RefusalCode unknown) {
        String text = string(field);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw unknown.at(path(field), text);
    }

    private RuntimeException malformed(String field) {
        return ENTRY_MALFORMED.at(path(field), path(field));
    }

    /** An amount with its side, as read from a line. */
    record SidedAmount(Side side, Money amount) {
    }
}
