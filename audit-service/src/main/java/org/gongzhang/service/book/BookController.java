package org.gongzhang.service.book;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the books the service holds. */
@RestController
@RequestMapping("/api/books")
class BookController {

    private final BookDirectory directory;

    BookController(BookDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<BookSummary> all() {
        return directory.all();
    }

    @GetMapping("/{book}")
    BookSummary one(@PathVariable String book) {
        return directory.require(book);
    }
}
