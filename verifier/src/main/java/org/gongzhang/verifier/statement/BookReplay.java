package org.gongzhang.verifier.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
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
 *
 * <p>It keeps no JSON: of each voucher recorded only what a later posting or red reversal needs
 * (date, 凭证字, 摘要, lines, its number once posted), with account codes, 凭证字 and dates shared.
 * A replay fed entry by entry ({@link #streaming}) hands each posting on instead of keeping it, so
 * that a statement over a large book is checked without holding its postings.
 */
public final class BookReplay {

    private final Map<String, String> accountNames = new TreeMap<>();
    private final Map<String, Long> opening = new TreeMap<>();
    private final List<PostedVoucher> posted = new ArrayList<>();
    private final Map<Long, PostedVoucher> postedByEntry = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Every voucher recorded or reversed, by id, with its 凭证号 once posted. */
    private final Map<String, Draft> recorded = new HashMap<>();
    /** The last 凭证号 given per 凭证字 and period, as the ledger numbers them. */
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<Object, Object> shared = new HashMap<>();
    /** Where postings go; null to keep them all in {@link #posted}. */
    private final Consumer<PostedVoucher> postings;
    /** The indices of the {@code voucher.posted} entries {@link #postedAt} must answer for. */
    private final LongPredicate kept;

    private BookReplay(Consumer<PostedVoucher> postings, LongPredicate kept) {
        this.postings = postings;
        this.kept = kept;
    }

    /** Replays {@code entries} in order (index 0 first). */
    public static BookReplay of(List<SignedEntry> entries) {
        BookReplay replay = new BookReplay(null, index -> true);
        for (SignedEntry entry : entries) {
            replay.apply(entry.header());
        }
        return replay;
    }

    /**
     * A replay to be fed entry by entry ({@link #apply}) that hands each posting to {@code postings}
     * instead of keeping it ({@link #posted()} stays empty) and keeps for {@link #postedAt} only the
     * postings at indices {@code kept} accepts.
     */
    static BookReplay streaming(Consumer<PostedVoucher> postings, LongPredicate kept) {
        return new BookReplay(postings, kept);
    }

    /** Replays the next entry; one it cannot read as money is a {@linkplain #problems() problem}. */
    void apply(EntryHeader header) {
        try {
            apply(header, recorded);
        } catch (RuntimeException e) {
            problem("entry " + header.index() + " (" + header.kind() + ") cannot be read as money: " + e.getMessage());
        }
    }

    /** Records a problem with an entry that could not be replayed at all. */
    void problem(String problem) {
        problems.add(problem);
    }

    /** A voucher as recorded: what its posting and any red reversal of it need. Its number is set once posted. */
    private static final class Draft {
        final String voucherId;
        final LocalDate date;
        final String word;
        final String summary;
        final List<PostedVoucher.Line> lines;
        final boolean red;
        Integer number;

        Draft(String voucherId, LocalDate date, String word, String summary, List<PostedVoucher.Line> lines, boolean red) {
            this.voucherId = voucherId;
            this.date = date;
            this.word = word;
            this.summary = summary;
            this.lines = lines;
            this.red = red;
        }

        String voucherId() {
            return voucherId;
        }

        LocalDate date() {
            return date;
        }

        String word() {
            return word;
        }

        String summary() {
            return summary;
        }

        List<PostedVoucher.Line> lines() {
            return lines;
        }

        boolean red() {
            return red;
        }
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
                record(payload.get("voucherId").asText(), new Draft(payload.get("voucherId").asText(),
                        LocalDate.parse(payload.get("date").asText()), payload.get("word").asText(), summary, lines, false));
            }
            case "voucher.reversed" -> {
                Draft original = recorded.get(payload.get("reverses").asText());
                if (original == null) {
                    throw new IllegalStateException("reverses unknown voucher " + payload.get("reverses").asText());
                }
                Integer number = original.number;
                if (number == null) {
                    throw new IllegalStateException("reverses voucher " + original.voucherId() + ", which is not posted");
                }
                List<PostedVoucher.Line> negated = original.lines().stream()
                        .map(l -> new PostedVoucher.Line(l.account(), -l.netDebit())).toList();
                // the ledger's 摘要 of a red voucher, e.g. 注销 3月15日 记-12号凭证
                String summary = "注销 " + original.date().getMonthValue() + "月" + original.date().getDayOfMonth() + "日 "
                        + original.word() + "-" + number + "号凭证";
                record(payload.get("voucherId").asText(), new Draft(payload.get("voucherId").asText(),
                        LocalDate.parse(payload.get("date").asText()), original.word(), summary, negated, true));
            }
            case "voucher.posted" -> {
                Draft draft = recorded.get(payload.get("voucherId").asText());
                if (draft == null) {
                    throw new IllegalStateException("posts unknown voucher " + payload.get("voucherId").asText());
                }
                int number = lastNumber.merge(draft.word() + "|" + java.time.YearMonth.from(draft.date()), 1, Integer::sum);
                draft.number = number;
                PostedVoucher voucher = new PostedVoucher(draft.voucherId(), header.index(), draft.date(), draft.word(),
                        draft.summary(), draft.lines(), draft.red());
                if (postings == null) {
                    posted.add(voucher);
                } else {
                    postings.accept(voucher);
                }
                if (kept.test(header.index())) {
                    postedByEntry.put(header.index(), voucher);
                }
            }
            default -> {
                // other entries move no money
            }
        }
    }

    /**
     * Keeps {@code draft} as the voucher {@code voucherId}, compacted. A 凭证号 given to that id
     * earlier stays with it, as the ledger's numbering by voucher id has it.
     */
    private void record(String voucherId, Draft draft) {
        Draft compact = new Draft(draft.voucherId(), share(draft.date()), share(draft.word()), draft.summary(),
                List.copyOf(draft.lines().stream().map(l -> new PostedVoucher.Line(share(l.account()), l.netDebit()))
                        .toList()), draft.red());
        Draft before = recorded.put(voucherId, compact);
        if (before != null) {
            compact.number = before.number;
        }
    }

    /** One instance of each equal account code, 凭证字 and date, however many vouchers carry it. */
    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
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

    /** Every voucher posted, in posting order; empty for a replay that {@linkplain #streaming hands postings on}. */
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
