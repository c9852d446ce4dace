package org.gongzhang.service.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offline verify: the verifier module's own benchmark ({@code VerifyBenchmark.run}, verifier/src/test)
 * in a child JVM on the verifier's test classes ({@link VerifyChild}), so that its memory is its
 * own. It writes (or finds) a bundle of N entries, measures the bare single-thread Ed25519 verify
 * rate right before each round of {@code Verifier.verifyFile}, then runs {@code ledger verify} in a
 * further child JVM with {@code -Xmx512m}. Its output is echoed; its result comes back as one line.
 */
final class VerifyRow {

    /** The flattened {@code VerifyBenchmark.Result} (names as its record components; {@code cli.…} for the CLI run). */
    record Result(Map<String, String> fields, List<String> output, int exitCode, double seconds) {

        boolean measured() {
            return exitCode == 0 && fields.containsKey("entriesPerSecond");
        }

        double number(String name) {
            String value = fields.get(name);
            return value == null ? Double.NaN : Double.parseDouble(value);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(fields.get(name));
        }

        String lastLine() {
            return output.isEmpty() ? "(no output)" : output.get(output.size() - 1);
        }
    }

    private VerifyRow() {
    }

    static Optional<Path> testClasses(Path root) {
        Path classes = root.resolve("verifier/target/test-classes");
        return Files.isDirectory(classes.resolve("org/gongzhang/verifier/bench")) ? Optional.of(classes) : Optional.empty();
    }

    /** Runs it on {@code entries} entries, the bundle kept in {@code directory} for the next run. */
    static Result run(Path testClasses, Path directory, long entries) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasses + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                VerifyChild.class.getName(), Long.toString(entries), directory.toString(), "3", "512m");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith(VerifyChild.MARKER + "\t")) {
                    for (String field : line.substring(VerifyChild.MARKER.length() + 1).split("\t")) {
                        int equals = field.indexOf('=');
                        fields.put(field.substring(0, equals), field.substring(equals + 1));
                    }
                } else {
                    output.add(line);
                    System.out.println("   verify> " + line);
                }
            }
        }
        int exit = process.waitFor();
        return new Result(fields, output, exit, (System.nanoTime() - start) / 1e9);
    }
}
