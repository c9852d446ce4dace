package org.gongzhang.service.witness;

import java.util.List;
import java.util.stream.Collectors;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.log.SplitViews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: the independent witnesses (见证人) a book's checkpoints are sent to. As text, one cosigner
 * key a line, for {@code ./ledger verify --witness-key}; as JSON, with what each cosigned last and
 * whether it refused a checkpoint as a split view. An auditor should still take the keys from the
 * witnesses themselves (the 社区 office, the 街道), not from the log they witness.
 */
@RestController
class WitnessController {

    private final Witnesses witnesses;
    private final BookDirectory books;
    private final SplitViews splitViews;

    WitnessController(Witnesses witnesses, BookDirectory books, SplitViews splitViews) {
        this.witnesses = witnesses;
        this.books = books;
        this.splitViews = splitViews;
    }

    /**
     * One witness as served.
     *
     * @param name          its key name
     * @param url           its submission prefix
     * @param key           its cosigner verifier key
     * @param cosignedSize     the size of the book's checkpoint it cosigned last, null when none yet
     * @param refusedSplitView true when it refused a checkpoint of this book as a split view
     */
    record WitnessView(String name, String url, String key, Long cosignedSize, boolean refusedSplitView) {
    }

    /** JSON when the caller asks for it ({@code Accept: application/json}), else the keys as text. */
    @GetMapping("/api/books/{book}/witnesses")
    ResponseEntity<?> witnesses(@PathVariable String book,
            @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = MediaType.TEXT_PLAIN_VALUE) String accept) {
        books.require(book);
        if (MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(views(book));
        }
        String keys = witnesses.all().stream().map(w -> w.key() + "\n").collect(Collectors.joining());
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(keys);
    }

    private List<WitnessView> views(String book) {
        return witnesses.all().stream().map(w -> new WitnessView(w.name(), w.url().toString(), w.key().toString(),
                witnesses.cosignedSize(book, w).stream().boxed().findFirst().orElse(null),
                splitViews.refusedBy(book, w.name()))).toList();
    }
}
