package org.gongzhang.service.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL is a process of its own (started through {@code pg_ctl}), so when the
 * service is killed ({@code kill -9}, a power cut of the JVM only) the server outlives it, holding
 * the data directory: the next start would stop on "postmaster.pid already exists". Before starting,
 * a server still running on this data directory is shut down cleanly (fast shutdown: its sessions
 * are gone with the JVM, committed transactions are on disk), and a pid file whose process is gone
 * or is not a PostgreSQL server is removed. A server that will not stop is reported, never killed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private StalePostmaster() {
    }

    /** Makes {@code dataDirectory} free for a new server; true if something was stopped or removed. */
    static boolean clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> server = pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (server.isEmpty()) {
            log.warn("Removing stale {}: no PostgreSQL server runs under its process id", pidFile);
            Files.deleteIfExists(pidFile);
            return true;
        }
        ProcessHandle postmaster = server.get();
        log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; shutting it down",
                postmaster.pid(), dataDirectory);
        fastShutdown(postmaster);
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("The PostgreSQL server left by an earlier run (pid " + postmaster.pid()
                    + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an earlier PostgreSQL server", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
        Files.deleteIfExists(pidFile);
        return true;
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(true); // not shown to us: assume it is, and ask it to stop
    }

    /** SIGINT, PostgreSQL's fast shutdown; where there is no {@code kill}, SIGTERM (smart shutdown). */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }
}
