package org.gongzhang.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartOfAccountsTest {

    private final ChartOfAccounts chart = ChartOfAccounts.defaultPublicIncome();

    @Test
    void theDefaultChartPutsTheOwnersBankAccountUnderBankDeposits() {
        Account account = chart.find(AccountCode.of("100201")).orElseThrow();
        assertThat(account.name()).isEqualTo("业主大会账户（公共收益户）");
        assertThat(account.parent()).isEqualTo(AccountCode.of("1002"));
        assertThat(account.direction()).isEqualTo(Side.DEBIT);
        assertThat(chart.isLeaf(AccountCode.of("100201"))).isTrue();
        assertThat(chart.isLeaf(AccountCode.of("1002"))).isFalse();
    }

    @Test
    void incomeFromCommonPartsHasItsFiveChildrenOnTheCreditSide() {
        List<Account> children = chart.all().stream().filter(a -> AccountCode.of("4701").equals(a.parent())).toList();
        assertThat(children).extracting(a -> a.code().value())
                .containsExactly("470101", "470102", "470103", "470104", "470199");
        assertThat(children).allMatch(a -> a.direction() == Side.CREDIT);
    }

    @Test
    void theTransferToTheMaintenanceFundIsItsOwnCategoryNotAnExpense() {
        Account transfer = chart.find(AccountCode.of("5501")).orElseThrow();
        assertThat(transfer.name()).isEqualTo("转入维修资金");
        assertThat(transfer.category()).isEqualTo(AccountCategory.TRANSFER_TO_MAINTENANCE_FUND);
        assertThat(chart.find(AccountCode.of("520103")).orElseThrow().category()).isEqualTo(AccountCategory.EXPENSE);
    }

    @Test
    void everyChildExtendsItsParentsCodeAndSharesItsDirection() {
        for (Account a : chart.all()) {
            if (a.parent() != null) {
                Account parent = chart.find(a.parent()).orElseThrow();
                assertThat(a.code().extendsCode(parent.code())).isTrue();
                assertThat(a.direction()).isEqualTo(parent.direction());
            }
        }
    }

    @Test
    void rendersAsTheAccountsArrayOfABookOpenedPayload() {
        JsonNode payload = chart.toPayload();
        assertThat(payload).hasSize(chart.all().size());
        assertThat(payload.get(0).toString())
                .isEqualTo("{\"code\":\"1001\",\"name\":\"现金\",\"parent\":null,\"direction\":\"DEBIT\"}");
        assertThat(payload.get(2).path("parent").asText()).isEqualTo("1002");
    }

    @Test
    void disablingGivesANewChartAndKeepsTheAccount() {
        ChartOfAccounts next = chart.disable(AccountCode.of("470102"));
        assertThat(next.find(AccountCode.of("470102")).orElseThrow().enabled()).isFalse();
        assertThat(chart.find(AccountCode.of("470102")).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anAccountMustExtendItsParentsCode() {
        assertThatThrownBy(() -> Account.of("470201", "x", "4701", Side.CREDIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.of("470101", "x", null, Side.CREDIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChartRefusesAnOrphan() {
        assertThatThrownBy(() -> ChartOfAccounts.of(List.of(Account.of("100201", "x", "1002", Side.DEBIT))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
