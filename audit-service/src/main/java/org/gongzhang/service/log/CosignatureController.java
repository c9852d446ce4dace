package org.gongzhang.service.log;

import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Witness cosigning (见证签名): the community auditor, and optionally the town, adds its signature
 * to a checkpoint after checking that it extends the last one it cosigned. The signature is its
 * own authentication: only a current witness key of the book is accepted.
 */
@RestController
@RequestMapping("/api/books/{book}")
class CosignatureController {

    private final Cosignatures cosignatures;

    CosignatureController(Cosignatures cosignatures) {
        this.cosignatures = cosignatures;
    }

    /** The book's current witness keys, one C2SP note verifier key a line, to pin with {@code --witness-key}. */
    @GetMapping(path = "/witnesses", produces = MediaType.TEXT_PLAIN_VALUE)
    String witnesses(@PathVariable String book) {
        return cosignatures.witnesses(book).stream().map(k -> k + "\n").collect(Collectors.joining());
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
