package org.gongzhang.verifier.decision;

import java.util.regex.Pattern;

/**
 * A count of owners and the exclusive floor area (专有部分面积) they hold, one line of a tally.
 * Area is kept in integer 0.01 m², written as square metres with exactly two decimals
 * ({@code "28650.40"}).
 *
 * @param owners    how many owners (人数)
 * @param centiArea their exclusive area in 0.01 m²
 */
public record Share(long owners, long centiArea) {

    private static final Pattern AREA = Pattern.compile("\\d{1,12}\\.\\d{2}");

    public Share {
        if (owners < 0 || centiArea < 0) {
            throw new IllegalArgumentException("a share is never negative: " + owners + " owners, " + centiArea);
        }
    }

    /** True when {@code text} is an area as entries write it: digits, a point and exactly two decimals. */
    public static boolean isArea(String text) {
        return text != null && AREA.matcher(text).matches();
    }

    /** Reads an area written as {@code "28650.40"} into 0.01 m²; see {@link #isArea}. */
    public static long parseArea(String text) {
        if (!isArea(text)) {
            throw new IllegalArgumentException("not an area with two decimals: " + text);
        }
        return Long.parseLong(text.replace(".", ""));
    }

    /** The area as written in an entry, e.g. {@code 28650.40}. */
    public String area() {
        return centiArea / 100 + "." + String.format("%02d", centiArea % 100);
    }

    Share plus(Share other) {
        return new Share(Math.addExact(owners, other.owners), Math.addExact(centiArea, other.centiArea));
    }
}
