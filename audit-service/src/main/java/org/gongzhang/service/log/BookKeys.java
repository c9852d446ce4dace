package org.gongzhang.service.log;

import java.util.List;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.springframework.stereotype.Component;

/** The keys a book's log registered and has not revoked: who may sign for the book now, and in which role. */
@Component
public class BookKeys {

    private final ProofService proofs;

    BookKeys(ProofService proofs) {
        this.proofs = proofs;
    }

    /** The valid keys in the order the log registered them. */
    public List<RegisteredKey> valid(String book) {
        return proofs.registry(book).all().stream().filter(key -> !key.revoked()).toList();
    }
}
