package org.gongzhang.service.workspace;

import java.util.List;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Component;

/** The books a person serves: those any of their grants covers, in the directory's order. */
@Component
public class StaffBooks {

    private final BookDirectory books;
    private final Access access;

    StaffBooks(BookDirectory books, Access access) {
        this.books = books;
        this.access = access;
    }

    public List<BookSummary> of(Caller caller) {
        return books.all().stream()
                .filter(book -> caller.grants().stream().anyMatch(g -> access.covers(g.scope(), book)))
                .toList();
    }

    /** The roles the person holds in that book. */
    public List<AccessRole> roles(Caller caller, BookSummary book) {
        return caller.grants().stream().filter(g -> access.covers(g.scope(), book)).map(g -> g.role()).distinct().toList();
    }
}
