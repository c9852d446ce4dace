package org.gongzhang.service.web;

import java.util.HashMap;
import java.util.Map;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
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

    private SignedIn signedIn(Caller caller) {
        Map<String, String> places = new HashMap<>();
        for (BookSummary book : books.all()) {
            places.put("STREET:" + book.street().id(), book.street().name());
            places.put("COMMUNITY:" + book.community().id(), book.community().name());
            places.put("COMPOUND:" + book.compound().id(), book.compound().name());
        }
        return new SignedIn(caller.username(), caller.displayName(), caller.grants().stream()
                .map(g -> new SignedIn.Grant(g.role().name(), "role." + g.role().name(), g.scope().kind().name(),
                        places.getOrDefault(g.scope().kind().name() + ":" + g.scope().id(), g.scope().id())))
                .toList());
    }
}
