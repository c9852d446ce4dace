package org.gongzhang.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process (a child JVM on the test's class path), on data
 * and key directories the test keeps: it can be killed with SIGKILL like a crashed server and
 * started again on the same directories. Its output goes to {@code log}.
 */
public final class ChildService implements AutoCloseable {

    public static final String PASSPHRASE = "child-service-test-passphrase";

    private final Process process;
    public final int port;
    public final LedgerClient client;

    private ChildService(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = new LedgerClient(port);
    }

    /** Starts the service (no demo) and waits until its health is UP; a small heap and quick JIT, for tests. */
    public static ChildService start(Path data, Path keys, Path log, String... more) throws Exception {
        return start(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), data, keys, log, more);
    }

    /** {@link #start(Path, Path, Path, String...)} with these JVM options instead (a benchmark's: full JIT). */
    public static ChildService start(List<String> jvmOptions, Path data, Path keys, Path log, String... more)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), "org.gongzhang.service.GongzhangApplication",
                "--server.port=" + port, "--ledger.embedded-postgres.data-directory=" + data,
                "--ledger.keystore.directory=" + keys, "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES,
                "--ledger.demo.enabled=false", "--ledger.signing.custodial=false"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LEDGER_KEYSTORE_PASSPHRASE", PASSPHRASE);
        ChildService child = new ChildService(builder.start(), port);
        child.awaitUp(Duration.ofMinutes(3), log);
        return child;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running on its own. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown, which also stops the embedded PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitUp(Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not come up within " + timeout + "; see " + log);
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
