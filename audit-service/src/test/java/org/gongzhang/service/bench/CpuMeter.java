package org.gongzhang.service.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * CPU time spent while the benchmark runs, from Linux's /proc, split three ways: the service's
 * threads in this JVM, the load generator's threads in this JVM (the clients' pool threads and the
 * HTTP client's workers), and the embedded PostgreSQL (its postmaster and every child process). CPU
 * per operation does not depend on how busy the machine is the way a rate does, so it tells whether
 * a change made an append cheaper on a shared machine, and how far an append is from what a target
 * rate allows on this many cores. Elsewhere than Linux every figure is 0.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /**
     * CPU seconds consumed so far by the service, the load generator, PostgreSQL and the JIT
     * compiler's threads (apart: minutes after the start they still compiled the append path, a
     * cost of the warm-up, not of an append, and the runs' largest source of spread).
     */
    record Reading(double service, double clients, double postgres, double jit) {
        Reading minus(Reading earlier) {
            return new Reading(service - earlier.service, clients - earlier.clients, postgres - earlier.postgres,
                    jit - earlier.jit);
        }

        /**
         * For a phase in which no load generator runs: the CPU of threads that ended (which a reading
         * counts as the load generator's) is the service's, e.g. the threads of the read model's rebuild.
         */
        Reading serviceOnly() {
            return new Reading(service + clients, 0, postgres, jit);
        }

        /** Milliseconds of CPU per operation, service and PostgreSQL together (the load generator's left out). */
        double productMillisPer(long operations) {
            return 1000 * (service + postgres) / Math.max(1, operations);
        }

        /** Microseconds of CPU per event, service and PostgreSQL, for figures of many cheap operations. */
        String microsPer(long operations) {
            double n = Math.max(1, operations);
            return String.format(Locale.ROOT, "%.1f µs (service %.1f, PostgreSQL %.1f; apart: JIT compiler %.1f)",
                    1e6 * (service + postgres) / n, 1e6 * service / n, 1e6 * postgres / n, 1e6 * jit / n);
        }

        String per(long operations) {
            double n = Math.max(1, operations);
            return String.format(Locale.ROOT, "%.2f ms (service %.2f, PostgreSQL %.2f; apart: JIT compiler %.2f, "
                    + "load generator %.2f)", 1000 * (service + postgres) / n, 1000 * service / n, 1000 * postgres / n,
                    1000 * jit / n, 1000 * clients / n);
        }
    }

    private final long postmaster;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** A meter for this JVM and the PostgreSQL behind {@code dataSource} (when it runs on this machine). */
    static CpuMeter of(DataSource dataSource) {
        long postmaster = -1;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            postmaster = parentOf(rs.getLong(1));
        } catch (SQLException e) {
            // no PostgreSQL figure
        }
        return new CpuMeter(postmaster);
    }

    /**
     * Now: the service is every live thread of this JVM but the load generator's and the JIT
     * compiler's; the load generator is the rest of the process's CPU, so that its threads, which
     * end with each figure, still count (a service thread that ended would count there too; its
     * pools keep theirs).
     */
    Reading read() {
        String[] process = stat(Path.of("/proc/self/stat"));
        if (process == null) {
            return new Reading(0, 0, 0, 0);
        }
        double service = 0;
        double jit = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String[] stat = stat(task.resolve("stat"));
                String name = name(task.resolve("stat"));
                if (stat == null || name.startsWith("pool-") || name.startsWith("HttpClient")) {
                    continue;
                }
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks(stat);
                } else {
                    service += ticks(stat);
                }
            }
        } catch (IOException e) {
            return new Reading(0, 0, 0, 0);
        }
        return new Reading(service, Math.max(0, ticks(process) - service - jit), postgres(), jit);
    }

    /** The postmaster's CPU, its live children's and what its ended children used (its cutime and cstime). */
    private double postgres() {
        if (postmaster < 0) {
            return 0;
        }
        double seconds = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(process.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    // with the children it reaped: a backend whose connection closed takes its CPU along
                    seconds += ticks(stat) + (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / TICKS_PER_SECOND;
                } else if (Long.parseLong(stat[1]) == postmaster) {
                    seconds += ticks(stat);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return seconds;
    }

    private static long parentOf(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /**
     * The fields after the command name (which may hold spaces): [0] state, [1] ppid, … [11] utime,
     * [12] stime, [13] cutime, [14] cstime.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String name(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double ticks(String[] stat) {
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS_PER_SECOND;
    }
}
