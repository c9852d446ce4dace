package org.gongzhang.service.workspace;

import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.signing.PersonalKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 我的签名密钥: make a key in this browser (its private half never leaves it) and see where it is
 * registered; and a book's 密钥登记 page where the community auditor enrols declared keys and
 * revokes lost ones.
 */
@Controller
class KeyPages {

    private final Access access;
    private final PersonalKeys keys;
    private final KeyEnrolments enrolments;
    private final BookWorkspace workspace;
    private final People people;

    KeyPages(Access access, PersonalKeys keys, KeyEnrolments enrolments, BookWorkspace workspace, People people) {
        this.access = access;
        this.keys = keys;
        this.enrolments = enrolments;
        this.workspace = workspace;
        this.people = people;
    }

    @GetMapping("/staff/keys")
    String mine(Model model) {
        Caller caller = access.caller();
        model.addAttribute("keys", keys.of(caller.username()));
        model.addAttribute("standing", enrolments.standing(caller));
        return "workspace/keys";
    }

    @GetMapping("/staff/books/{book}/members")
    String members(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("pending", enrolments.pendingIn(here.caller(), here.book()));
        model.addAttribute("registered", enrolments.registered(book));
        model.addAttribute("names", people.names());
        return "workspace/members";
    }
}
