package org.gongzhang.service.witness;

import java.net.URI;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;

/**
 * A witness (见证人) outside the operator's reach — the 社区 office, the 街道 — running
 * {@code ./ledger witness} with a key only it holds.
 *
 * @param url its submission prefix
 * @param key its tlog-cosignature v1 cosigner key (type 0x04); its name names the witness
 */
record IndependentWitness(URI url, NoteVerifierKey key) {

    IndependentWitness {
        if (!key.isCosigner()) {
            throw new IllegalArgumentException("ledger.witnesses: " + key.name() + " is not a cosigner key (type 0x04);"
                    + " use the key ./ledger witness init prints");
        }
    }

    String name() {
        return key.name();
    }

    URI addCheckpoint() {
        return resolve("add-checkpoint");
    }

    /** Where it takes log key rotations: this project's addition to tlog-witness. */
    URI logKeyRotation() {
        return resolve("log-key-rotation");
    }

    private URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
