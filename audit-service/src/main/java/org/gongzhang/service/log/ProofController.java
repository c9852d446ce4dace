package org.gongzhang.service.log;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, read-only proofs about a book's log, for a resident (业主) or auditor who trusts only the
 * published log key: signed checkpoints, inclusion and consistency proofs over the entries the
 * service accepted, and the keys the log registered. Formats: docs/bundle-format.md, "Proofs".
 */
@RestController
@RequestMapping("/api/books/{book}")
class ProofController {

    private final ProofService proofs;

    ProofController(ProofService proofs) {
        this.proofs = proofs;
    }

    /** The latest signed checkpoint (C2SP signed note); 404 while none was signed. */
    @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String latestCheckpoint(@PathVariable String book) {
        return proofs.latestCheckpoint(book).note();
    }

    /** Every checkpoint signed for the book (size and root), smallest first. */
    @GetMapping("/checkpoints")
    List<ProofService.CheckpointView> checkpoints(@PathVariable String book) {
        return proofs.checkpoints(book);
    }

    /** The checkpoint signed over exactly {@code size} entries. */
    @GetMapping(path = "/checkpoints/{size}", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint(@PathVariable String book, @PathVariable long size) {
        return proofs.checkpoint(book, size).note();
    }

    /** The audit path of entry {@code index} in the tree of {@code size} entries (default: latest checkpoint). */
    @GetMapping("/proofs/inclusion")
    ProofService.InclusionView inclusion(@PathVariable String book, @RequestParam long index,
            @RequestParam(required = false) Long size) {
        return proofs.inclusion(book, index, size);
    }

    /** The proof that the log of {@code from} entries is a prefix of the log of {@code to} entries. */
    @GetMapping("/proofs/consistency")
    ProofService.ConsistencyView consistency(@PathVariable String book, @RequestParam long from,
            @RequestParam long to) {
        return proofs.consistency(book, from, to);
    }

    /** Every key the book's log registered, in registration order, with its revocation if any. */
    @GetMapping("/keys")
    List<ProofService.KeyView> keys(@PathVariable String book) {
        return proofs.keys(book);
    }
}
