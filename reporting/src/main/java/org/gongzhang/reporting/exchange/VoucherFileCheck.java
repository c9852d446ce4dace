package org.gongzhang.reporting.exchange;

import static org.gongzhang.reporting.exchange.VoucherColumn.ATTACHMENTS;
import static org.gongzhang.reporting.exchange.VoucherColumn.CREDIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.DATE;
import static org.gongzhang.reporting.exchange.VoucherColumn.DEBIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.NUMBER;
import static org.gongzhang.reporting.exchange.VoucherColumn.SUMMARY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.RedVoucher;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * Checks a whole file in the voucher layout against a book before anything is written: the header,
 * every row (see {@link RowReader}), every voucher (its rows together, at least two lines,
 * balanced, all blue or all red, a red one cancelling a voucher it names), and against the book:
 * the date not after today, the period begun and open, and each 凭证字's numbers in each period
 * continuing the book's without a gap and following the dates (序时控制), so that posting the
 * vouchers in file order gives them exactly the file's numbers. A 凭证字号 the book already holds is a conflict, not a problem: the
 * file, or part of it, was imported before.
 */
public final class VoucherFileCheck {

    private static final Comparator<FileProblem> BY_ROW = Comparator.comparingInt(FileProblem::row)
            .thenComparingInt(p -> p.column() == null ? -1 : p.column().ordinal());

    private final ImportTarget target;
    private final LocalDate today;
    private final RedOriginals originals;
    private final List<FileProblem> problems = new ArrayList<>();
    private final List<FileProblem> conflicts = new ArrayList<>();
    private final Map<String, Integer> lastInBook = new HashMap<>();
    private final Map<String, Integer> lastInFile = new HashMap<>();
    private final Map<String, Optional<LocalDate>> lastDates = new HashMap<>();
    private final List<PlannedVoucher> planned = new ArrayList<>();

    private VoucherFileCheck(ImportTarget target, LocalDate today) {
        this.target = target;
        this.today = today;
        this.originals = new RedOriginals(target);
    }

    /** Checks {@code sheet}, the file's rows from the header on, against {@code target} on {@code today}. */
    public static ImportCheck check(List<SheetRow> sheet, ImportTarget target, LocalDate today) {
        return new VoucherFileCheck(target, today).run(sheet);
    }

    private ImportCheck run(List<SheetRow> sheet) {
        List<SheetRow> rows = sheet.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            return refused(FileProblem.at(1, null, "import.file.empty"));
        }
        Optional<FileProblem> header = header(rows.get(0));
        if (header.isPresent()) {
            return refused(header.get());
        }
        if (rows.size() == 1) {
            return refused(FileProblem.at(rows.get(0).row() + 1, null, "import.file.no-rows"));
        }
        RowReader reader = new RowReader(target.chart(), problems);
        List<ParsedRow> parsed = rows.subList(1, rows.size()).stream().map(reader::read).toList();
        VoucherGrouping.group(parsed, problems).forEach(this::check);
        problems.sort(BY_ROW);
        conflicts.sort(BY_ROW);
        ImportPlan plan = problems.isEmpty() && conflicts.isEmpty() ? new ImportPlan(parsed.size(), planned) : null;
        return new ImportCheck(plan, problems, conflicts);
    }

    private static ImportCheck refused(FileProblem problem) {
        return new ImportCheck(null, List.of(problem), List.of());
    }

    /** The first row must name the ten columns in order; columns after 制单人 are ignored. */
    private static Optional<FileProblem> header(SheetRow row) {
        for (VoucherColumn column : VoucherColumn.values()) {
            if (!row.cell(column).equals(column.header())) {
                return Optional.of(FileProblem.at(row.row(), column, "import.header.mismatch", column.header(),
                        row.cell(column), String.join(" ", VoucherColumn.headers())));
            }
        }
        return Optional.empty();
    }

    private void check(FileVoucher voucher) {
        dated(voucher);
        numbered(voucher);
        if (!voucher.tainted) {
            lines(voucher);
        }
    }

    private void dated(FileVoucher voucher) {
        Period period = voucher.key.period();
        if (voucher.date.isAfter(today)) {
            problem(voucher.firstRow(), DATE, "import.date.future", voucher.date, today);
        } else if (period.isBefore(target.startPeriod())) {
            problem(voucher.firstRow(), DATE, "import.period.before-start", period, target.startPeriod());
        } else if (target.isClosed(period)) {
            problem(voucher.firstRow(), DATE, "import.period.closed", period);
        }
    }

    /** A number the book holds is a conflict; otherwise it must be the next of its 字 in its period. */
    private void numbered(FileVoucher voucher) {
        Period period = voucher.key.period();
        VoucherWord word = voucher.key.word();
        String series = period + "/" + word;
        int inBook = lastInBook.computeIfAbsent(series, s -> target.lastNumber(period, word));
        int number = voucher.key.number();
        if (number <= inBook) {
            conflicts.add(FileProblem.at(voucher.firstRow(), NUMBER, "import.voucher.exists", voucher.key.label(), period));
            return;
        }
        int expected = lastInFile.getOrDefault(series, inBook) + 1;
        if (number != expected) {
            problem(voucher.firstRow(), NUMBER, "import.number.gap", voucher.key.label(), period,
                    word.character() + "-" + expected);
        }
        lastInFile.put(series, number);
        inDateOrder(voucher, series);
    }

    /** 序时控制: a later number of a 凭证字 in a period never goes to an earlier date. */
    private void inDateOrder(FileVoucher voucher, String series) {
        Optional<LocalDate> previous = lastDates.computeIfAbsent(series,
                s -> target.lastNumberedDate(voucher.key.period(), voucher.key.word()));
        if (previous.isPresent() && voucher.date.isBefore(previous.get())) {
            problem(voucher.firstRow(), DATE, "import.date.out-of-order", voucher.key.label(), voucher.date,
                    previous.get());
            return;
        }
        lastDates.put(series, Optional.of(voucher.date));
    }

    private void lines(FileVoucher voucher) {
        if (voucher.rows.size() < 2) {
            problem(voucher.firstRow(), null, "import.voucher.too-few-lines", voucher.key.label());
            return;
        }
        boolean red = voucher.first().fen() < 0;
        for (ParsedRow row : voucher.rows) {
            if (row.fen() < 0 != red) {
                problem(row.row(), row.side() == Side.DEBIT ? DEBIT : CREDIT, "import.voucher.mixed-signs",
                        voucher.key.label());
                return;
            }
        }
        long debit = total(voucher, Side.DEBIT);
        long credit = total(voucher, Side.CREDIT);
        if (debit != credit) {
            problem(voucher.firstRow(), DEBIT, "import.voucher.unbalanced", voucher.key.label(),
                    Money.ofFen(debit).format(), Money.ofFen(credit).format());
            return;
        }
        List<VoucherLine> lines = voucher.rows.stream()
                .map(r -> new VoucherLine(r.summary(), r.account(), r.side(), Money.ofFen(r.fen()))).toList();
        PlannedVoucher.Original reverses = red ? cancelled(voucher, lines) : null;
        if (!red || reverses != null) {
            planned.add(new PlannedVoucher(voucher.firstRow(), voucher.lastRow(), voucher.date, voucher.key.word(),
                    voucher.key.number(), voucher.attachments, lines, reverses));
        }
    }

    /** The voucher a red one cancels, or null after noting why it cancels none. */
    private PlannedVoucher.Original cancelled(FileVoucher red, List<VoucherLine> lines) {
        if (red.attachments != 0) {
            problem(red.firstRow(), ATTACHMENTS, "import.red.attachments", red.key.label());
            return null;
        }
        String summary = red.first().summary();
        Optional<RedOriginals.Candidate> found = originals.find(summary, red.key.word(), red.date, planned);
        if (found.isEmpty()) {
            problem(red.firstRow(), SUMMARY, "import.red.original-not-found", red.key.label(), summary);
            return null;
        }
        RedOriginals.Candidate original = found.get();
        String expected = RedVoucher.summary(original.date(), red.key.word(), original.number());
        for (ParsedRow row : red.rows) {
            if (!row.summary().equals(expected)) {
                problem(row.row(), SUMMARY, "import.red.summary", red.key.label(), row.summary(), expected);
                return null;
            }
        }
        if (!lines.equals(RedVoucher.lines(original.lines(), expected))) {
            problem(red.firstRow(), null, "import.red.lines-differ", red.key.label(),
                    red.key.word().character() + "-" + original.number());
            return null;
        }
        originals.cancelled(original.where());
        return original.where();
    }

    private static long total(FileVoucher voucher, Side side) {
        return voucher.rows.stream().filter(r -> r.side() == side).mapToLong(ParsedRow::fen).reduce(0, Math::addExact);
    }

    private void problem(int row, VoucherColumn column, String code, Object... args) {
        problems.add(FileProblem.at(row, column, code, args));
    }
}
