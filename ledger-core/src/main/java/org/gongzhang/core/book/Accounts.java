package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.ChartOfAccounts;

/**
 * A book's chart of accounts and which accounts lines have used. A used account can never get
 * children: it would stop being a leaf (末级科目) under lines that already name it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Accounts {

    private ChartOfAccounts chart;
    private Set<String> used = new HashSet<>();

    Accounts() {
    }

    Accounts(ChartOfAccounts chart) {
        this.chart = chart;
    }

    ChartOfAccounts chart() {
        return chart;
    }

    boolean isUsed(AccountCode code) {
        return used.contains(code.value());
    }

    void add(Account account) {
        chart = chart.with(account);
    }

    void disable(AccountCode code) {
        chart = chart.disable(code);
    }

    void markUsed(Collection<AccountCode> codes) {
        codes.forEach(c -> used.add(c.value()));
    }
}
