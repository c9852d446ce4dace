package org.gongzhang.reporting.pdf;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;

/**
 * The words and formats of one report language, from the {@code i18n/reports} bundle: labels,
 * dates (2026年10月31日 or 31 Oct 2026), periods and the "—" that stands for anything unknown.
 */
final class ReportText {

    static final String BUNDLE = "i18n/reports";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter period;

    ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
        this.period = DateTimeFormatter.ofPattern(bundle.getString("format.period"), locale);
    }

    Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** The label {@code key} with {@code args} filled in; every argument is given as text. */
    String label(String key, String... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The label {@code key} with {@code value} filled in, or with "—" when the value is unknown. */
    String labelOrDash(String key, String value) {
        return label(key, orDash(value));
    }

    String orDash(String value) {
        return value == null || value.isBlank() ? bundle.getString("report.unknown") : value;
    }

    String date(LocalDate value) {
        return value == null ? label("report.unknown") : date.format(value);
    }

    /** A period {@code yyyy-MM} as people read it. */
    String period(String value) {
        return period.format(YearMonth.parse(value));
    }

    /** {@code from}…{@code to}, or the one period when they are the same. */
    String periods(String from, String to) {
        return from.equals(to) ? period(from) : label("report.periods", period(from), period(to));
    }

    /** 借, 贷 or 平. */
    String side(BalanceSide side) {
        return label("side." + side.name());
    }

    /** An amount as printed in a column where nothing is printed for zero. */
    static String blankIfZero(Amount amount) {
        return amount.fen() == 0 ? "" : amount.yuan();
    }
}
