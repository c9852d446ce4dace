package org.gongzhang.service.workspace;

import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的签名密钥: make a key in this browser (its private half never leaves it) and see where it is
 * registered; a book's 密钥登记 page where the community auditor enrols declared keys and revokes
 * lost ones; and 批量登记, where a key waiting in many books is enrolled in all of them at once.
 */
@Controller
class KeyPages {

    /** Books listed under each declared key on 我的签名密钥 (a town officer's key stands in hundreds); {@code ?all} lists all. */
    static final int KEY_BOOKS_SHOWN = 20;

    private final Access access;
    private final KeyEnrolments enrolments;
    private final BookWorkspace workspace;
    private final People people;

    KeyPages(Access access, KeyEnrolments enrolments, BookWorkspace workspace, People people) {
        this.access = access;
        this.enrolments = enrolments;
        this.workspace = workspace;
        this.people = people;
    }

    @GetMapping("/staff/keys")
    String mine(@RequestParam(required = false) String all, Model model) {
        Caller caller = access.caller();
        model.addAttribute("keys", enrolments.standing(caller, all != null ? Integer.MAX_VALUE : KEY_BOOKS_SHOWN));
        return "workspace/keys";
    }

    /** 批量登记: every key waiting for this registrar, one group per key and role, enrolled in all its books at once. */
    @GetMapping("/staff/enrolments")
    String enrolments(Model model) {
        model.addAttribute("groups", enrolments.waiting(access.caller()));
        return "workspace/enrolments";
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
