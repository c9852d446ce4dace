package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.crypto.SigningKey;

/** Reads {@code --suite} and {@code --key} options. */
final class Suites {

    private Suites() {
    }

    static SignatureSuite named(String id) {
        return SignatureSuite.byId(id).orElseThrow(() -> new UsageError("unknown suite " + id + "; one of "
                + Arrays.stream(SignatureSuite.values()).map(SignatureSuite::id).collect(Collectors.joining(", "))));
    }

    /** The signing key in a PKCS#8 PEM file of the given suite. */
    static SigningKey key(Arguments args) throws IOException {
        SignatureSuite suite = named(args.required("--suite"));
        String pem = Files.readString(Path.of(args.required("--key")));
        try {
            return SigningKey.fromPem(suite, pem);
        } catch (IllegalArgumentException e) {
            throw new UsageError(args.required("--key") + " is not a " + suite.id() + " private key");
        }
    }
}
