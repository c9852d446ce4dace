package org.gongzhang.service.log;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A book's own witness cosigning (见证签名) with {@code ./ledger cosign}: the community auditor, and
 * optionally the town, adds its signature to a checkpoint after checking that it extends the last
 * one it cosigned. The signature is its own authentication: only a current witness key of the book
 * that the service does not hold is accepted. Independent witnesses are pushed to instead.
 */
@RestController
@RequestMapping("/api/books/{book}")
class CosignatureController {

    private final Cosignatures cosignatures;

    CosignatureController(Cosignatures cosignatures) {
        this.cosignatures = cosignatures;
    }

    /**
     * Adds the signature line(s) {@code — <actor> <base64>} over the checkpoint's text; answers the
     * checkpoint as now stored, with every signature on it.
     */
    @PostMapping(path = "/checkpoints/{size}/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    String cosign(@PathVariable String book, @PathVariable long size, @RequestBody(required = false) String lines) {
        return cosignatures.cosign(book, size, lines).note();
    }
}
