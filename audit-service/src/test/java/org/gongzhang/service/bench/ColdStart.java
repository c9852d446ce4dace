package org.gongzhang.service.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongzhang.service.support.ChildService;

/**
 * Cold start and warm restart of the service as its own process, as {@code ./ledger serve} runs it
 * (see {@link #launcher}; without a fresh jar, the same classes on the class path): demo on and no
 * key store passphrase given, so the service generates one (its key files then cost 10,000 PBKDF2
 * iterations each), from launching the JVM on an empty data directory until
 * {@code /actuator/health} answers 200 (UP), and until the demo's last step is logged; then stopped
 * (SIGTERM) and launched again on the same data directory. Then a deployment's first start: a
 * passphrase given (600,000 iterations per key file, the default), demo off, an empty data directory.
 */
final class ColdStart {

    record Result(double coldHealthUp, double coldDemoLoaded, long coldRssKb, double warmHealthUp, long warmRssKb,
            String launcher, long keyFiles, double deploymentHealthUp, long deploymentKeyFiles, String cluster) {
    }

    private static final String DEMO_DONE = "Demo logins created";
    private static final List<String> MODULES = List.of("audit-service", "ledger-core", "reporting", "verifier",
            "migrations");

    private ColdStart() {
    }

    static Result run(Path root) throws Exception {
        Path dir = Files.createTempDirectory("gongzhang-bench-start");
        Path data = dir.resolve("pgdata");
        Path keys = dir.resolve("keys");
        Launcher launcher = launcher(root);
        String how = launcher.description();
        try {
            Started cold = start(launcher.command(), data, keys, dir.resolve("cold.log"), true, null);
            long coldRss = Machine.statusKb(cold.process.pid(), "VmRSS");
            stop(cold.process, data);
            Started warm = start(launcher.command(), data, keys, dir.resolve("warm.log"), false, null);
            Processors.sleep(2_000);
            long warmRss = Machine.statusKb(warm.process.pid(), "VmRSS");
            stop(warm.process, data);
            Path deploymentData = dir.resolve("deployment-pgdata");
            Path deploymentKeys = dir.resolve("deployment-keys");
            Started deployment = start(launcher.command(), deploymentData, deploymentKeys,
                    dir.resolve("deployment.log"), false, "bench-cold-start-passphrase");
            stop(deployment.process, deploymentData);
            String cluster = Files.readString(dir.resolve("cold.log"), StandardCharsets.ISO_8859_1)
                    .contains("copied from the cluster template") ? "its cluster copied from the template"
                            : "its cluster made by initdb (no template yet)";
            return new Result(cold.healthUp, cold.demoLoaded, coldRss, warm.healthUp, warmRss, how, pemFiles(keys),
                    deployment.healthUp, pemFiles(deploymentKeys), cluster);
        } finally {
            delete(dir);
        }
    }

    private static long pemFiles(Path keys) throws IOException {
        try (Stream<Path> files = Files.list(keys)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pem")).count();
        }
    }

    record Started(Process process, int port, double healthUp, double demoLoaded) {
    }

    /**
     * Starts the service on {@code data}; with a {@code passphrase} as a deployment starts it (the
     * demo off, custodial signing off), else as {@code ./ledger serve} does (the demo on, the
     * passphrase generated).
     */
    static Started start(List<String> launcher, Path data, Path keys, Path log, boolean awaitDemo,
            String passphrase) throws Exception {
        int port = ChildService.freePort();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--server.port=" + port, "--ledger.embedded-postgres.data-directory=" + data,
                "--ledger.keystore.directory=" + keys, "--ledger.demo.enabled=" + (passphrase == null)));
        if (passphrase != null) {
            command.add("--ledger.signing.custodial=false");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("LEDGER_KEYSTORE_PASSPHRASE");
        if (passphrase != null) {
            builder.environment().put("LEDGER_KEYSTORE_PASSPHRASE", passphrase);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        double up = -1;
        double demo = -1;
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while ((up < 0 || (awaitDemo && demo < 0)) && System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail(log));
            }
            if (up < 0) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        up = (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            if (awaitDemo && demo < 0 && Files.readString(log, StandardCharsets.ISO_8859_1).contains(DEMO_DONE)) {
                demo = (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(50);
        }
        if (up < 0 || (awaitDemo && demo < 0)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not come up within 5 minutes; log:\n" + tail(log));
        }
        return new Started(process, port, up, demo);
    }

    static void stop(Process process, Path data) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        // a PostgreSQL left behind (the service killed) is shut down
        Path pid = data.resolve("postmaster.pid");
        try {
            if (Files.exists(pid)) {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(p -> {
                    p.destroy();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("   could not stop the PostgreSQL of " + data + ": " + e);
        }
    }

    /**
     * How {@code ./ledger serve} starts the service, when the jar is newer than every module's classes:
     * {@code -Xmx} from GONGZHANG_HEAP (default 2g), and the unpacked jar with its class-data archive
     * where {@code audit-service/target/cds} holds one made from this jar by this JDK (unless
     * GONGZHANG_CDS=0): an AOT cache on JDK 25 or newer, a dynamic class-data archive before; else the
     * jar. Without a fresh jar: the compiled classes on the class path.
     */
    static Launcher launcher(Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String heap = "-Xmx" + System.getenv().getOrDefault("GONGZHANG_HEAP", "2g");
        Path jar = root.resolve("audit-service/target/gongzhang-service.jar");
        Path cds = root.resolve("audit-service/target/cds");
        boolean aot = Runtime.version().feature() >= 25;
        Path archive = cds.resolve(aot ? "app.aot" : "app.jsa");
        Path unpacked = cds.resolve("gongzhang-service.jar");
        Path madeBy = cds.resolve("jdk");
        // as ./ledger serve: a new data directory copied from the cluster initdb made before (its
        // class-data training run makes it; without one, the first start here makes it)
        String template = "--ledger.embedded-postgres.template=" + root.resolve("audit-service/target/pgtemplate");
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(newestClass(root)) >= 0) {
            if (!"0".equals(System.getenv("GONGZHANG_CDS")) && Files.isRegularFile(archive) && Files.isRegularFile(unpacked)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0
                    && Files.isRegularFile(madeBy)
                    && Files.readString(madeBy).strip().equals(System.getProperty("java.runtime.version"))) {
                List<String> use = aot ? List.of("-XX:AOTCache=" + archive)
                        : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
                List<String> command = new ArrayList<>(List.of(java, heap, "-Daxoniq.update-checker.disabled=true"));
                command.addAll(use);
                command.addAll(List.of("-jar", unpacked.toString(), template));
                return new Launcher(command, "as ./ledger serve: the unpacked jar with its "
                        + (aot ? "AOT cache" : "class-data archive") + " and the cluster template, " + heap + ", Java "
                        + Runtime.version().feature());
            }
            return new Launcher(List.of(java, heap, "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                    template), "java " + heap + " -jar audit-service/target/gongzhang-service.jar (no class-data "
                            + "archive made from it), the cluster template");
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        return new Launcher(List.of(java, heap, "-Daxoniq.update-checker.disabled=true", "-cp", classPath,
                "org.gongzhang.service.GongzhangApplication", template),
                "java " + heap + " -cp <module classes and dependencies> (the jar is missing or older than the classes), "
                        + "the cluster template");
    }

    record Launcher(List<String> command, String description) {
    }

    private static FileTime newestClass(Path root) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (String module : MODULES) {
            Path classes = root.resolve(module).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(classes)) {
                Optional<FileTime> last = files.filter(Files::isRegularFile).map(ColdStart::modified)
                        .max(Comparator.naturalOrder());
                if (last.isPresent() && last.get().compareTo(newest) > 0) {
                    newest = last.get();
                }
            }
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("   could not delete " + dir + ": " + e);
        }
    }
}
