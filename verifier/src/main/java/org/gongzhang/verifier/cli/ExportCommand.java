package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleUnreadable;

/** {@code ledger export --book B --out FILE [--server URL]}: downloads a book's bundle. */
final class ExportCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--book", "--out", "--server"));
        String book = args.required("--book");
        Path file = Path.of(args.required("--out"));
        LedgerServer.Answer answer;
        try {
            answer = LedgerServer.from(args).get("/api/books/" + path(book) + "/bundle", "application/zip");
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

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
