package org.gongzhang.service.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table: figure | product | limit | ratio | target | met?, with a note per row. A row
 * is printed the moment it is measured; {@link #finish} prints the whole table in the order
 * and writes it as Markdown.
 */
final class Report {

    /** One measured figure. {@code order} places it in the final table. */
    record Row(double order, String figure, String product, String limit, String ratio, String target, String met,
            String note) {
    }

    private static final String[] COLUMNS = {"figure", "product", "limit", "ratio", "target", "met?"};

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    void header(String line) {
        header.add(line);
        System.out.println(line);
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.printf("%n>> %s | %s | %s | %s | %s | %s%n", row.figure(), row.product(), row.limit(), row.ratio(),
                row.target(), row.met());
        if (!row.note().isEmpty()) {
            System.out.println("   " + row.note());
        }
        System.out.println();
    }

    /** A row with a ratio product ÷ limit judged against {@code minRatio} (and {@code minRate} when positive). */
    void ratio(double order, String figure, double product, String unit, double limit, String limitText,
            double minRatio, double minRate, String note) {
        double ratio = product / limit;
        boolean met = ratio >= minRatio && (minRate <= 0 || product >= minRate);
        String target = "≥ " + fixed(minRatio, 1) + (minRate > 0 ? " and ≥ " + rate(minRate) + unit : "");
        add(new Row(order, figure, rate(product) + unit, limitText, fixed(ratio, 3), target, yes(met), note));
    }

    /** Prints the whole table and writes it, with the header and the notes, as Markdown to {@code out}. */
    void finish(List<String> footer, Path out) {
        List<Row> sorted = rows.stream().sorted(Comparator.comparingDouble(Row::order)).toList();
        List<String[]> cells = new ArrayList<>();
        cells.add(COLUMNS);
        for (Row row : sorted) {
            cells.add(new String[] {row.figure(), row.product(), row.limit(), row.ratio(), row.target(), row.met()});
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], width(line[i]));
            }
        }
        System.out.println();
        System.out.println("=".repeat(100));
        header.forEach(System.out::println);
        footer.forEach(System.out::println);
        System.out.println();
        for (int l = 0; l < cells.size(); l++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < COLUMNS.length; i++) {
                text.append(i == 0 ? "" : " | ").append(cells.get(l)[i])
                        .append(" ".repeat(widths[i] - width(cells.get(l)[i])));
            }
            System.out.println(text.toString().stripTrailing());
        }
        System.out.println();
        for (int i = 0; i < sorted.size(); i++) {
            if (!sorted.get(i).note().isEmpty()) {
                System.out.printf("(%d) %s: %s%n", i + 1, sorted.get(i).figure(), sorted.get(i).note());
            }
        }
        if (out != null) {
            write(out, markdown(sorted, footer));
            System.out.println();
            System.out.println("Markdown written to " + out);
        }
    }

    private List<String> markdown(List<Row> sorted, List<String> footer) {
        List<String> md = new ArrayList<>();
        header.forEach(line -> md.add(line + "  "));
        footer.forEach(line -> md.add(line + "  "));
        md.add("");
        md.add("| # | " + String.join(" | ", COLUMNS) + " |");
        md.add("|---|---|---|---|---|---|---|");
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            md.add(String.format("| %d | %s | %s | %s | %s | %s | %s |", i + 1, escape(r.figure()), escape(r.product()),
                    escape(r.limit()), escape(r.ratio()), escape(r.target()), escape(r.met())));
        }
        md.add("");
        for (int i = 0; i < sorted.size(); i++) {
            if (!sorted.get(i).note().isEmpty()) {
                md.add(String.format("%d. %s: %s", i + 1, escape(sorted.get(i).figure()), escape(sorted.get(i).note())));
            }
        }
        return md;
    }

    private static void write(Path out, List<String> lines) {
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }

    /** Columns a terminal gives the text: CJK characters take two. */
    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60)) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    static String yes(boolean met) {
        return met ? "yes" : "NO";
    }

    /** A rate with thousands separators and no fraction above 100, one digit below. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "—";
        }
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "—";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String fixed(double value, int digits) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds >= 100 ? "%,.0f s" : "%.1f s", seconds);
    }
}
