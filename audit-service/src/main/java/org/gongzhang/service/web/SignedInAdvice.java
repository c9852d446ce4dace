package org.gongzhang.service.web;

import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.Caller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person ({@link SignedIn}) into the model of every page, public or staff. */
@ControllerAdvice(basePackages = {"org.gongzhang.service.web", "org.gongzhang.service.workspace"})
class SignedInAdvice {

    private final Access access;
    private final BookDirectory books;

    SignedInAdvice(Access access, BookDirectory books) {
        this.access = access;
        this.books = books;
    }

    @ModelAttribute("me")
    SignedIn me() {
        return access.current().map(this::signedIn).orElse(null);
    }

    /** Each grant's place by name (an agent firm, or a place without books yet, by its id): a few rows, not every book. */
    private SignedIn signedIn(Caller caller) {
        return new SignedIn(caller.username(), caller.displayName(), caller.grants().stream()
                .map(g -> new SignedIn.Grant(g.role().name(), "role." + g.role().name(), g.scope().kind().name(),
                        books.placeName(g.scope().kind().name(), g.scope().id()).orElse(g.scope().id())))
                .toList());
    }
}
