package org.gongzhang.reporting.api;

import org.gongzhang.reporting.format.Display;

/**
 * An amount as a report gives it: integer 分 for machines and yuan as people read it (单位：元),
 * e.g. {@code 1234567} and {@code "12,345.67"}. Red (红字) amounts are negative.
 *
 * @param fen  the amount in 分
 * @param yuan grouped by thousands, two decimals
 */
public record Amount(long fen, String yuan) {

    public static final Amount ZERO = of(0);

    public static Amount of(long fen) {
        return new Amount(fen, Display.amount(fen));
    }
}
