package org.gongzhang.reporting.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * Finds the voucher a red voucher (红字冲销) of a file cancels. The ledger writes a red voucher's
 * 摘要 as {@code 注销 3月15日 记-12号凭证}; the voucher so named is posted in the book or earlier in
 * the file, dated no later than the red one (the latest such when years repeat), not cancelled
 * yet, and has exactly the red voucher's lines with the amounts negated.
 */
final class RedOriginals {

    private static final Pattern RED_SUMMARY = Pattern.compile("注销 (\\d{1,2})月(\\d{1,2})日 ([记收付转])-(\\d{1,9})号凭证");

    private final ImportTarget target;
    private final Set<String> cancelledInBook = new HashSet<>();
    private final Set<Integer> cancelledInFile = new HashSet<>();

    RedOriginals(ImportTarget target) {
        this.target = target;
    }

    /** A voucher a red voucher may cancel: where it is, its date and its lines. */
    record Candidate(PlannedVoucher.Original where, LocalDate date, int number, List<VoucherLine> lines) {
    }

    /** The named original, or empty when the 摘要 names none that may be cancelled. */
    Optional<Candidate> find(String summary, VoucherWord word, LocalDate redDate, List<PlannedVoucher> earlier) {
        Matcher m = RED_SUMMARY.matcher(summary);
        if (!m.matches() || !m.group(3).equals(word.character())) {
            return Optional.empty();
        }
        MonthDay day;
        try {
            day = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(4));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            PlannedVoucher v = earlier.get(i);
            if (!v.red() && v.word() == word && v.number() == number && MonthDay.from(v.date()).equals(day)
                    && !cancelledInFile.contains(i)) {
                candidates.add(new Candidate(new PlannedVoucher.InFile(i), v.date(), number, v.lines()));
            }
        }
        target.posted(word, number, day).stream()
                .filter(v -> !v.reversed() && !cancelledInBook.contains(v.voucherId()))
                .forEach(v -> candidates.add(new Candidate(new PlannedVoucher.InBook(v.voucherId()), v.date(), number,
                        v.lines())));
        return candidates.stream().filter(c -> !c.date().isAfter(redDate)).max(Comparator.comparing(Candidate::date));
    }

    void cancelled(PlannedVoucher.Original original) {
        if (original instanceof PlannedVoucher.InBook inBook) {
            cancelledInBook.add(inBook.voucherId());
        } else if (original instanceof PlannedVoucher.InFile inFile) {
            cancelledInFile.add(inFile.voucher());
        }
    }
}
