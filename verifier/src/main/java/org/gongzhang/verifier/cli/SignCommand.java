package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.SigningKey;
import org.gongzhang.verifier.entry.SignedEntry;

/** {@code ledger sign --key K --suite S ENTRY.json}: prints the signed entry {@code {"entry":…,"signature":…}}. */
final class SignCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--key", "--suite"));
        SigningKey key = Suites.key(args);
        JsonNode entry = readJson(Path.of(args.single("entry file")));
        String keyId = entry.path("keyId").asText(key.keyId());
        if (!keyId.equals(key.keyId())) {
            err.println("sign: the entry names key " + keyId + " but this key is " + key.keyId());
            return LedgerCli.FAILED;
        }
        out.println(SignedEntry.sign(entry, key).leaf());
        return LedgerCli.OK;
    }

    /** Reads a JSON file strictly (no duplicate keys, no floats survive canonicalization). */
    static JsonNode readJson(Path file) throws IOException {
        try {
            JsonNode node = CanonicalJson.parse(Files.readString(file));
            CanonicalJson.canonicalize(node);
            return node;
        } catch (NotCanonicalizable e) {
            throw new UsageError(file + " is not JSON this ledger accepts: " + e.getMessage());
        }
    }
}
