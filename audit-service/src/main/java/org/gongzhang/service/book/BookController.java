package org.gongzhang.service.book;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Lists the books the service holds. */
@RestController
@RequestMapping("/api/books")
class BookController {

    /** The most books one page holds. */
    static final int MAX_PAGE = 1_000;

    private final BookDirectory directory;

    BookController(BookDirectory directory) {
        this.directory = directory;
    }

    /**
     * Every book, or those of a street (街道) and/or a community (社区) when asked: a city's list is long.
     * With {@code limit} (and {@code after}, the last book of the page before) one page of them in the
     * same order, and a {@code Link: <…>; rel="next"} header while more follow.
     */
    @GetMapping
    ResponseEntity<List<BookSummary>> all(@RequestParam(required = false) String street,
            @RequestParam(required = false) String community, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        if (limit == null && after == null) {
            return ResponseEntity.ok(street == null && community == null ? directory.all() : directory.in(street, community));
        }
        int size = limit == null ? MAX_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw LedgerRefusal.invalid("books.page.invalid", "limit", MAX_PAGE);
        }
        BookSummary from = after == null ? null
                : directory.find(after).orElseThrow(() -> LedgerRefusal.invalid("books.page.after", "after", after));
        List<BookSummary> page = directory.page(street, community, from, size + 1);
        if (page.size() <= size) {
            return ResponseEntity.ok(page);
        }
        List<BookSummary> shown = page.subList(0, size);
        String next = UriComponentsBuilder.fromPath("/api/books")
                .queryParamIfPresent("street", Optional.ofNullable(street))
                .queryParamIfPresent("community", Optional.ofNullable(community))
                .queryParam("limit", size).queryParam("after", shown.get(size - 1).book())
                .encode().build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(shown);
    }

    @GetMapping("/{book}")
    BookSummary one(@PathVariable String book) {
        return directory.require(book);
    }
}
