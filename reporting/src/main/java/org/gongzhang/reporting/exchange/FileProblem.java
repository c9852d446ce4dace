package org.gongzhang.reporting.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with an uploaded file, where: {@code code} is a message key of the service's
 * bundles, {@code args} its arguments, already as text.
 *
 * @param row    the row as a spreadsheet shows it, from 1 (the header)
 * @param column the offending column, or null when the problem is the whole row or file
 * @param code   the message key, e.g. {@code import.amount.malformed}
 * @param args   the message's arguments
 */
public record FileProblem(int row, VoucherColumn column, String code, List<String> args) {

    public FileProblem {
        args = List.copyOf(args);
    }

    static FileProblem at(int row, VoucherColumn column, String code, Object... args) {
        return new FileProblem(row, column, code, Arrays.stream(args).map(String::valueOf).toList());
    }
}
