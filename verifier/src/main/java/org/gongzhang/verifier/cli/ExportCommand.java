package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleUnreadable;

/**
 * {@code ledger export --book B --out FILE [--size N] [--from P --to P] [--server URL]}: downloads a
 * book's bundle, whole or its first N entries with the (cosigned) checkpoint over exactly them, and
 * with {@code --from/--to} the statement of those periods in {@code statement.json}.
 */
final class ExportCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--book", "--out", "--size", "--from", "--to", "--server"));
        String book = args.required("--book");
        Path file = Path.of(args.required("--out"));
        Optional<String> from = args.option("--from");
        Optional<String> to = args.option("--to");
        if (from.isPresent() != to.isPresent()) {
            throw new UsageError("a statement needs both --from and --to (periods yyyy-MM)");
        }
        List<String> params = new ArrayList<>();
        args.option("--size").map(ExportCommand::size).ifPresent(n -> params.add("size=" + n));
        from.ifPresent(p -> params.add("from=" + path(p)));
        to.ifPresent(p -> params.add("to=" + path(p)));
        String query = params.isEmpty() ? "" : "?" + String.join("&", params);
        LedgerServer.Answer answer;
        try {
            answer = LedgerServer.from(args).get("/api/books/" + path(book) + "/bundle" + query, "application/zip");
        } catch (LedgerServer.Unreachable e) {
            err.println("export: " + e.getMessage());
            return LedgerCli.FAILED;
        }
        if (!answer.ok()) {
            err.println("export: the server answered " + answer.status() + ": " + answer.text());
            return LedgerCli.FAILED;
        }
        Files.write(file, answer.body());
        return describe(file, answer.body(), out, err);
    }

    private static int describe(Path file, byte[] zip, PrintStream out, PrintStream err) {
        try {
            Bundle bundle = BundleReader.read(zip);
            out.println("wrote " + file + ": book " + bundle.manifest().book() + ", " + bundle.leaves().size() + " entries");
            return LedgerCli.OK;
        } catch (BundleUnreadable e) {
            err.println("export: wrote " + file + " but it is not a readable bundle: " + e.getMessage());
            return LedgerCli.FAILED;
        }
    }

    private static long size(String value) {
        try {
            long size = Long.parseLong(value);
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("--size must be a whole number of entries, at least 1: " + value);
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
