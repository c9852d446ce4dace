package org.gongzhang.verifier.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * The figures of a 公共收益收支公示表 for the periods {@code from}…{@code to}, in 分: the fund's
 * balance (assets less liabilities) before and after, income by account (4xxx, credit side),
 * expenses by account (5xxx, debit side) without the transfer to the maintenance fund (5501
 * 转入维修资金), which is its own line, and the itemised spending at or above a threshold. By
 * double entry, closing = opening + income − expenses − transfer whenever no voucher moves net
 * assets directly.
 */
public record StatementFigures(long openingBalance, List<Category> income, List<Category> expenses,
        long transferToMaintenanceFund, long closingBalance, List<Item> items) {

    /** The account prefix of the transfer into the maintenance fund (转入维修资金). */
    public static final String TRANSFER_ACCOUNT = "5501";

    public StatementFigures {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
        items = List.copyOf(items);
    }

    /** One line of income or expense: a leaf account and its amount in the periods. */
    public record Category(String account, String name, long amount) {
    }

    /** One itemised spending: an expense line of a posted voucher, cited by its posting entry. */
    public record Item(long entry, String voucherId, LocalDate date, String account, String name, String summary,
            long amount) {
    }

    public long totalIncome() {
        return income.stream().mapToLong(Category::amount).sum();
    }

    public long totalExpenses() {
        return expenses.stream().mapToLong(Category::amount).sum();
    }

    /**
     * A computation of the figures fed a book's entries one at a time, in log order from entry 0,
     * that keeps what a later posting or red reversal needs of each voucher and the items, not the
     * entries: the figures of a large book without holding its log. Gives the figures
     * {@link #compute} gives for the same entries.
     */
    public static final class Computation {

        private final Fold fold;
        private final BookReplay book;

        private Computation(YearMonth from, YearMonth to, long itemThreshold) {
            this.fold = new Fold(from, to, itemThreshold);
            this.book = BookReplay.streaming(fold::add, index -> false);
        }

        /** The next entry. */
        public void apply(EntryHeader header) {
            book.apply(header);
        }

        /** The figures over the entries applied so far. */
        public StatementFigures figures() {
            return fold.figures(book);
        }
    }

    /** A computation of the figures for {@code from}…{@code to}, fed entry by entry. */
    public static Computation computation(YearMonth from, YearMonth to, long itemThreshold) {
        return new Computation(from, to, itemThreshold);
    }

    /** Computes the figures from a replayed book. */
    public static StatementFigures compute(BookReplay book, YearMonth from, YearMonth to, long itemThreshold) {
        Fold fold = new Fold(from, to, itemThreshold);
        book.posted().forEach(fold::add);
        return fold.figures(book);
    }

    /**
     * The figures summed voucher by voucher in posting order, so that a replay need not keep its
     * postings: what moves the fund before the periods goes into the opening balance, what moves it
     * up to their end into the closing one, income, expenses, the transfer and the itemised spending
     * within them. Account names and the opening balances are the book's as it stands when
     * {@link #figures} is asked, as {@link #compute} has them.
     */
    static final class Fold {

        private final LocalDate start;
        private final LocalDate end;
        private final long itemThreshold;
        private long openingChange;
        private long closingChange;
        private final Map<String, Long> income = new TreeMap<>();
        private final Map<String, Long> expenses = new TreeMap<>();
        private long transfer;
        private final List<Item> items = new ArrayList<>();

        Fold(YearMonth from, YearMonth to, long itemThreshold) {
            this.start = from.atDay(1);
            this.end = to.atEndOfMonth();
            this.itemThreshold = itemThreshold;
        }

        /** The next voucher posted. */
        void add(PostedVoucher voucher) {
            if (voucher.date().isAfter(end)) {
                return;
            }
            long fundChange = voucher.lines().stream().filter(l -> isFund(l.account()))
                    .mapToLong(PostedVoucher.Line::netDebit).sum();
            closingChange += fundChange;
            if (voucher.date().isBefore(start)) {
                openingChange += fundChange;
                return;
            }
            for (PostedVoucher.Line line : voucher.lines()) {
                String account = line.account();
                if (account.startsWith("4")) {
                    income.merge(account, -line.netDebit(), Long::sum);
                } else if (account.startsWith(TRANSFER_ACCOUNT)) {
                    transfer += line.netDebit();
                } else if (account.startsWith("5")) {
                    expenses.merge(account, line.netDebit(), Long::sum);
                    if (Math.abs(line.netDebit()) >= itemThreshold) {
                        items.add(new Item(voucher.postedAt(), voucher.voucherId(), voucher.date(), account, null,
                                voucher.summary(), line.netDebit()));
                    }
                }
            }
        }

        /** The figures of the vouchers added, with {@code book}'s opening balances and account names. */
        StatementFigures figures(BookReplay book) {
            long balance = fund(book.openingBalances());
            List<Item> named = items.stream().map(i -> new Item(i.entry(), i.voucherId(), i.date(), i.account(),
                    book.accountName(i.account()), i.summary(), i.amount())).toList();
            return new StatementFigures(balance + openingChange, categories(book, income), categories(book, expenses),
                    transfer, balance + closingChange, named);
        }
    }

    private static List<Category> categories(BookReplay book, Map<String, Long> amounts) {
        return amounts.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Category(e.getKey(), book.accountName(e.getKey()), e.getValue())).toList();
    }

    /** Assets (1xxx) and liabilities (2xxx): their net debit is the fund's balance. */
    private static boolean isFund(String account) {
        return account.startsWith("1") || account.startsWith("2");
    }

    private static long fund(Map<String, Long> balances) {
        return balances.entrySet().stream().filter(e -> isFund(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
