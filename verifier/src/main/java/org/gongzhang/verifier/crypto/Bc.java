package org.gongzhang.verifier.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One Bouncy Castle provider instance, passed explicitly (never installed JVM-wide). */
final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
