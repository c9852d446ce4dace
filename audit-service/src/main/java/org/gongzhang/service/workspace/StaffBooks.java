package org.gongzhang.service.workspace;

import java.util.List;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Component;

/** The roles a person holds in a book they serve (the books themselves: {@link ToDo.Listing#books()}). */
@Component
public class StaffBooks {

    private final Access access;

    StaffBooks(Access access) {
        this.access = access;
    }

    /** The roles the person holds in that book. */
    public List<AccessRole> roles(Caller caller, BookSummary book) {
        return access.reach(caller).roles(book);
    }
}
