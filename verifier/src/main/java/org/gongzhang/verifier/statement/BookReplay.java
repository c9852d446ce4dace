package org.gongzhang.verifier.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * Replays a book's entries for their money: the chart's account names, the opening balances and
 * every posted voucher with its lines. It trusts entries to follow the ledger's rules (the service
 * refuses the rest); an entry it cannot read as money is reported, not guessed.
 *
 * <p>凭证号 are given as the ledger gives them: the next number of the voucher's 凭证字 and month, in
 * the order the {@code voucher.posted} entries come. The ledger's 序时控制 (no voucher dated before the
 * one its 凭证字 numbered last in the month) decides which postings it accepts, not which number a
 * posting gets, so it is not re-checked here and books signed before that rule verify unchanged.
 */
public final class BookReplay {

    private final Map<String, String> accountNames = new TreeMap<>();
    private final Map<String, Long> opening = new TreeMap<>();
    private final List<PostedVoucher> posted = new ArrayList<>();
    private final Map<Long, PostedVoucher> postedByEntry = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** 凭证号 by voucher id, and the last number given per 凭证字 and period, as the ledger numbers them. */
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();

    private BookReplay() {
    }

    /** Replays {@code entries} in order (index 0 first). */
    public static BookReplay of(List<SignedEntry> entries) {
        BookReplay replay = new BookReplay();
        Map<String, Draft> recorded = new HashMap<>();
        for (SignedEntry entry : entries) {
            try {
                replay.apply(entry.header(), recorded);
            } catch (RuntimeException e) {
                replay.problems.add("entry " + entry.header().index() + " (" + entry.header().kind()
                        + ") cannot be read as money: " + e.getMessage());
            }
        }
        return replay;
    }

    private record Draft(String voucherId, LocalDate date, String word, String summary,
            List<PostedVoucher.Line> lines, boolean red) {
    }

    private void apply(EntryHeader header, Map<String, Draft> recorded) {
        JsonNode payload = header.payload();
        switch (header.kind()) {
            case "book.opened" -> payload.path("accounts").forEach(this::name);
            case "account.added" -> name(payload);
            case "opening-balances.set" -> {
                opening.clear();
                payload.path("balances").forEach(b -> opening.merge(b.get("account").asText(), netDebit(b), Long::sum));
            }
            case "voucher.recorded" -> {
                List<PostedVoucher.Line> lines = new ArrayList<>();
                payload.path("lines").forEach(l -> lines.add(new PostedVoucher.Line(l.get("account").asText(), netDebit(l))));
                String summary = payload.path("lines").path(0).path("summary").asText("");
                recorded.put(payload.get("voucherId").asText(), new Draft(payload.get("voucherId").asText(),
                        LocalDate.parse(payload.get("date").asText()), payload.get("word").asText(), summary, lines, false));
            }
            case "voucher.reversed" -> {
                Draft original = recorded.get(payload.get("reverses").asText());
                if (original == null) {
                    throw new IllegalStateException("reverses unknown voucher " + payload.get("reverses").asText());
                }
                Integer number = numbers.get(original.voucherId());
                if (number == null) {
                    throw new IllegalStateException("reverses voucher " + original.voucherId() + ", which is not posted");
                }
                List<PostedVoucher.Line> negated = original.lines().stream()
                        .map(l -> new PostedVoucher.Line(l.account(), -l.netDebit())).toList();
                // the ledger's 摘要 of a red voucher, e.g. 注销 3月15日 记-12号凭证
                String summary = "注销 " + original.date().getMonthValue() + "月" + original.date().getDayOfMonth() + "日 "
                        + original.word() + "-" + number + "号凭证";
                recorded.put(payload.get("voucherId").asText(), new Draft(payload.get("voucherId").asText(),
                        LocalDate.parse(payload.get("date").asText()), original.word(), summary, negated, true));
            }
            case "voucher.posted" -> {
                Draft draft = recorded.get(payload.get("voucherId").asText());
                if (draft == null) {
                    throw new IllegalStateException("posts unknown voucher " + payload.get("voucherId").asText());
                }
                int number = lastNumber.merge(draft.word() + "|" + java.time.YearMonth.from(draft.date()), 1, Integer::sum);
                numbers.put(draft.voucherId(), number);
                PostedVoucher voucher = new PostedVoucher(draft.voucherId(), header.index(), draft.date(), draft.word(),
                        draft.summary(), draft.lines(), draft.red());
                posted.add(voucher);
                postedByEntry.put(header.index(), voucher);
            }
            default -> {
                // other entries move no money
            }
        }
    }

    private void name(JsonNode account) {
        accountNames.put(account.get("code").asText(), account.path("name").asText(""));
    }

    private static long netDebit(JsonNode line) {
        if (line.hasNonNull("debit")) {
            return Fen.parse(line.get("debit").asText());
        }
        return -Fen.parse(line.get("credit").asText());
    }

    public String accountName(String code) {
        return accountNames.getOrDefault(code, "");
    }

    public Map<String, Long> openingBalances() {
        return Map.copyOf(opening);
    }

    public List<PostedVoucher> posted() {
        return List.copyOf(posted);
    }

    /** The voucher whose {@code voucher.posted} entry has this index, if any. */
    public java.util.Optional<PostedVoucher> postedAt(long index) {
        return java.util.Optional.ofNullable(postedByEntry.get(index));
    }

    /** Entries that could not be read as money; a statement over them cannot be checked. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
