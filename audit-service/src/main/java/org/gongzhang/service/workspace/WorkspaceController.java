package org.gongzhang.service.workspace;

import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台 home: the person's to-do list (待办) across every book they serve, and those books. */
@Controller
class WorkspaceController {

    private final Access access;
    private final StaffBooks books;
    private final ToDo todo;
    private final BookOverview overview;

    WorkspaceController(Access access, StaffBooks books, ToDo todo, BookOverview overview) {
        this.access = access;
        this.books = books;
        this.todo = todo;
        this.overview = overview;
    }

    @GetMapping("/staff")
    String home(Model model) {
        Caller caller = access.caller();
        model.addAttribute("todo", todo.of(caller));
        model.addAttribute("books", overview.of(books.of(caller)));
        model.addAttribute("supervisor", caller.holds(AccessRole.COMMUNITY_AUDITOR) || caller.holds(AccessRole.TOWN_OFFICER));
        return "workspace/home";
    }
}
