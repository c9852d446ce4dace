package org.gongzhang.verifier.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;

/**
 * A statement (公共收益收支公示表) as published: which book and periods, the checkpoint it rests on,
 * the threshold for itemised spending, how many witness cosignatures it requires, and its figures.
 * Written as {@code statement.json} in a bundle (format {@value #FORMAT}, docs/statement-format.md).
 *
 * @param book                  the book (账套) id
 * @param from                  first period, e.g. 2026-01
 * @param to                    last period, e.g. 2026-03
 * @param checkpointSize        tree size of the checkpoint the statement rests on
 * @param checkpointRoot        that checkpoint's root, lowercase hex
 * @param itemThreshold         spending lines at or above this many 分 are itemised
 * @param requiredCosignatures  witness cosignatures the checkpoint must carry (k of n)
 * @param figures               the figures as printed
 */
public record Statement(String book, YearMonth from, YearMonth to, long checkpointSize, String checkpointRoot,
        long itemThreshold, int requiredCosignatures, StatementFigures figures) {

    public static final int FORMAT = 1;

    /** Canonical JSON text. Amounts are yuan strings with two decimals, as in entries. */
    public String toJson() {
        ObjectNode node = CanonicalJson.mapper().createObjectNode();
        node.put("format", FORMAT).put("book", book).put("from", from.toString()).put("to", to.toString());
        node.putObject("checkpoint").put("size", checkpointSize).put("root", checkpointRoot);
        node.put("itemThreshold", Fen.format(itemThreshold)).put("requiredCosignatures", requiredCosignatures);
        node.put("openingBalance", Fen.format(figures.openingBalance()));
        categories(node.putArray("income"), figures.income());
        node.put("totalIncome", Fen.format(figures.totalIncome()));
        categories(node.putArray("expenses"), figures.expenses());
        node.put("totalExpenses", Fen.format(figures.totalExpenses()));
        node.put("transferToMaintenanceFund", Fen.format(figures.transferToMaintenanceFund()));
        node.put("closingBalance", Fen.format(figures.closingBalance()));
        ArrayNode items = node.putArray("items");
        for (StatementFigures.Item item : figures.items()) {
            items.addObject().put("entry", item.entry()).put("voucherId", item.voucherId())
                    .put("date", item.date().toString()).put("account", item.account()).put("name", item.name())
                    .put("summary", item.summary()).put("amount", Fen.format(item.amount()));
        }
        return CanonicalJson.canonicalize(node);
    }

    private static void categories(ArrayNode array, List<StatementFigures.Category> categories) {
        categories.forEach(c -> array.addObject().put("account", c.account()).put("name", c.name())
                .put("amount", Fen.format(c.amount())));
    }

    /**
     * The content hash a {@code statement.drafted} entry cites: SHA-256 (lowercase hex) of the RFC 8785
     * canonical UTF-8 bytes of {@code statement.json}.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static String contentHash(String json) {
        try {
            return Digests.sha256Hex(CanonicalJson.canonicalBytes(json));
        } catch (NotCanonicalizable e) {
            throw new IllegalArgumentException("statement.json is not JSON: " + e.getMessage());
        }
    }

    /**
     * Reads {@code statement.json}. The printed totals ({@code totalIncome}, {@code totalExpenses})
     * are returned separately by {@link #claimedTotals} so that a total that does not add up shows.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static Statement parse(String json) {
        JsonNode node = tree(json);
        if (node.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("unsupported statement format " + node.get("format") + "; this verifier reads " + FORMAT);
        }
        JsonNode checkpoint = object(node, "checkpoint");
        StatementFigures figures = new StatementFigures(amount(node, "openingBalance"),
                categories(node, "income"), categories(node, "expenses"),
                amount(node, "transferToMaintenanceFund"), amount(node, "closingBalance"), items(node));
        return new Statement(text(node, "book"), month(node, "from"), month(node, "to"),
                integer(checkpoint, "size"), text(checkpoint, "root"), amount(node, "itemThreshold"),
                (int) integer(node, "requiredCosignatures"), figures);
    }

    /** The totals as printed on the statement: {@code [totalIncome, totalExpenses]} in 分. */
    public static long[] claimedTotals(String json) {
        JsonNode node = tree(json);
        return new long[] {amount(node, "totalIncome"), amount(node, "totalExpenses")};
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode node = CanonicalJson.parse(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("statement.json is not a JSON object");
            }
            return node;
        } catch (NotCanonicalizable e) {
            throw new IllegalArgumentException("statement.json is not JSON: " + e.getMessage());
        }
    }

    private static List<StatementFigures.Category> categories(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("statement.json " + field + " must be a list");
        }
        List<StatementFigures.Category> list = new ArrayList<>();
        array.forEach(c -> list.add(new StatementFigures.Category(text(c, "account"), c.path("name").asText(""),
                amount(c, "amount"))));
        return list;
    }

    private static List<StatementFigures.Item> items(JsonNode node) {
        JsonNode array = node.get("items");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("statement.json items must be a list");
        }
        List<StatementFigures.Item> list = new ArrayList<>();
        for (JsonNode item : array) {
            LocalDate date;
            try {
                date = LocalDate.parse(text(item, "date"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("statement.json item date must be yyyy-MM-dd");
            }
            list.add(new StatementFigures.Item(integer(item, "entry"), text(item, "voucherId"), date,
                    text(item, "account"), item.path("name").asText(""), item.path("summary").asText(""),
                    amount(item, "amount")));
        }
        return list;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("statement.json " + field + " must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException("statement.json " + field + " must be a non-empty string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException("statement.json " + field + " must be a whole number ≥ 0");
        }
        return value.longValue();
    }

    private static long amount(JsonNode node, String field) {
        try {
            return Fen.parse(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("statement.json " + field + ": " + e.getMessage());
        }
    }

    private static YearMonth month(JsonNode node, String field) {
        try {
            return YearMonth.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("statement.json " + field + " must be a period yyyy-MM");
        }
    }
}
