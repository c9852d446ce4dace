package org.gongzhang.service.workspace;

import java.util.List;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Component;

/** The books a person serves: those any of their grants covers, in the directory's order. */
@Component
public class StaffBooks {

    private final Access access;

    StaffBooks(Access access) {
        this.access = access;
    }

    /** The books the person's grants reach, in the directory's order (one query). */
    public List<BookSummary> of(Caller caller) {
        return access.books(access.reach(caller));
    }

    /** The roles the person holds in that book. */
    public List<AccessRole> roles(Caller caller, BookSummary book) {
        return access.reach(caller).roles(book);
    }
}
