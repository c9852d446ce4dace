package org.gongzhang.core.book;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.money.Money;

/**
 * What the book remembers of one contract: enough to order its steps and cap its payments. A
 * payment whose voucher is voided or reversed stays listed, released: it no longer counts as paid.
 *
 * @param tenderId    the tender that awarded it
 * @param amount      合同金额
 * @param works       true for works (工程)
 * @param signed      signing date, ISO
 * @param lastStep    business date of its latest step, ISO
 * @param accepted    true once accepted (验收)
 * @param finalAmount 结算金额 once settled, else null
 * @param payments    its payment vouchers, in the order recorded
 */
record ContractState(String tenderId, Money amount, boolean works, String signed, String lastStep, boolean accepted,
        Money finalAmount, List<Payment> payments) {

    static ContractState signed(String tenderId, Money amount, boolean works, LocalDate date) {
        return new ContractState(tenderId, amount, works, date.toString(), date.toString(), false, null, List.of());
    }

    LocalDate signedDate() {
        return LocalDate.parse(signed);
    }

    LocalDate lastStepDate() {
        return LocalDate.parse(lastStep);
    }

    /** The most that may ever be paid: the final account once settled, the contract amount before. */
    Money payable() {
        return finalAmount != null ? finalAmount : amount;
    }

    /** What the payments not released add up to. */
    Money paid() {
        return payments.stream().filter(p -> !p.released()).map(Payment::amount).reduce(Money.ZERO, Money::plus);
    }

    ContractState accept(LocalDate date) {
        return new ContractState(tenderId, amount, works, signed, date.toString(), true, finalAmount, payments);
    }

    ContractState settle(Money settled, LocalDate date) {
        return new ContractState(tenderId, amount, works, signed, date.toString(), accepted, settled, payments);
    }

    ContractState pay(String voucherId, Money paid) {
        List<Payment> more = new ArrayList<>(payments);
        more.add(new Payment(voucherId, paid, false));
        return new ContractState(tenderId, amount, works, signed, lastStep, accepted, finalAmount, List.copyOf(more));
    }

    ContractState release(String voucherId) {
        List<Payment> released = payments.stream()
                .map(p -> p.voucherId().equals(voucherId) ? new Payment(voucherId, p.amount(), true) : p).toList();
        return new ContractState(tenderId, amount, works, signed, lastStep, accepted, finalAmount, released);
    }

    /**
     * One payment against the contract.
     *
     * @param voucherId the payment voucher
     * @param amount    what it pays
     * @param released  true once its voucher is voided or reversed
     */
    record Payment(String voucherId, Money amount, boolean released) {
    }
}
