package org.gongzhang.service.web;

import java.math.BigDecimal;
import org.gongzhang.reporting.format.Display;

/** An amount of the governance index ({@code 12800.00}, yuan of integer 分) as pages print it: {@code 12,800.00}. */
final class Yuan {

    private Yuan() {
    }

    /** The amount grouped for reading; null stays null. */
    static String of(String amount) {
        return amount == null ? null : Display.amount(new BigDecimal(amount).movePointRight(2).longValueExact());
    }
}
