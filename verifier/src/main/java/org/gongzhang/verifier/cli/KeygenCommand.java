package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.gongzhang.verifier.crypto.SigningKey;

/** {@code ledger keygen --suite S --out PREFIX}: a new key pair as PREFIX.key (PKCS#8) and PREFIX.pub (SPKI). */
final class KeygenCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--suite", "--out"));
        SigningKey key = SigningKey.generate(Suites.named(args.required("--suite")));
        String prefix = args.required("--out");
        Files.writeString(Path.of(prefix + ".key"), key.privatePem());
        Files.writeString(Path.of(prefix + ".pub"), key.publicPem());
        out.println(key.keyId());
        return LedgerCli.OK;
    }
}
