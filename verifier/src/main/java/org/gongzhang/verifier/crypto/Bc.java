package org.gongzhang.verifier.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One Bouncy Castle provider instance, passed explicitly (never installed JVM-wide). */
public final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }

    /**
     * The provider, for code beside the verifier that needs Bouncy Castle's JCA algorithms (the
     * service's key files). Its construction registers some thousand algorithms, a few tenths of a
     * second on a cold JVM: one instance does it once.
     */
    public static Provider provider() {
        return PROVIDER;
    }
}
