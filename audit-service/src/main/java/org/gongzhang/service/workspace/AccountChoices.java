package org.gongzhang.service.workspace;

import java.util.Comparator;
import java.util.List;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.reporting.book.ChartReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts a voucher line may use (enabled leaf accounts of the book's chart), each with the
 * pinyin initials of its name, so the picker finds 银行存款 by {@code 1002}, {@code 银行} or {@code yhck}.
 */
@Component
public class AccountChoices {

    /** One account as the picker offers it. */
    public record Choice(String code, String name, String initials) {
    }

    private final ChartReader charts;

    AccountChoices(JdbcTemplate jdbc) {
        this.charts = new ChartReader(jdbc);
    }

    public List<Choice> of(String book) {
        ChartOfAccounts chart = charts.chart(book);
        return chart.all().stream()
                .filter(Account::enabled)
                .filter(a -> chart.isLeaf(a.code()))
                .sorted(Comparator.comparing(a -> a.code().value()))
                .map(a -> new Choice(a.code().value(), a.name(), initials(a.name())))
                .toList();
    }

    /** 拼音首字母: one lowercase letter per Chinese character, other letters and digits as they are. */
    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (char c : name.toCharArray()) {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0) {
                initials.append(readings[0].charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                initials.append(Character.toLowerCase(c));
            }
        }
        return initials.toString();
    }
}
