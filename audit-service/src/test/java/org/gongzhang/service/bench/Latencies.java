package org.gongzhang.service.bench;

import java.util.Arrays;

/** Round-trip times of one kind of request: how many, p50, p95, p99 and the largest, in milliseconds. */
record Latencies(int count, int failures, double p50, double p95, double p99, double max) {

    static Latencies of(long[] nanos, int count, int failures) {
        if (count == 0) {
            return new Latencies(0, failures, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Latencies(count, failures, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[count - 1] / 1e6);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    String p50p99() {
        return Report.ms(p50) + " / " + Report.ms(p99);
    }

    String p50p95() {
        return Report.ms(p50) + " / " + Report.ms(p95);
    }

    @Override
    public String toString() {
        return String.format("p50 %s ms, p99 %s ms, max %s ms over %,d requests%s", Report.ms(p50), Report.ms(p99),
                Report.ms(max), count, failures == 0 ? "" : String.format(" (%,d failed)", failures));
    }
}
