package org.gongzhang.service.book;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists the books the service holds. */
@RestController
@RequestMapping("/api/books")
class BookController {

    private final BookDirectory directory;

    BookController(BookDirectory directory) {
        this.directory = directory;
    }

    /** Every book, or those of a street (街道) and/or a community (社区) when asked: a city's list is long. */
    @GetMapping
    List<BookSummary> all(@RequestParam(required = false) String street, @RequestParam(required = false) String community) {
        if (street == null && community == null) {
            return directory.all();
        }
        return directory.in(street, community);
    }

    @GetMapping("/{book}")
    BookSummary one(@PathVariable String book) {
        return directory.require(book);
    }
}
