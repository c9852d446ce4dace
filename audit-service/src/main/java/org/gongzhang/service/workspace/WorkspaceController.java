package org.gongzhang.service.workspace;

import java.util.List;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作台 home: the person's to-do list (待办) across every book they serve, and those books. For a
 * person who serves a street of hundreds of compounds it shows the {@value #TODO_SHOWN} most urgent
 * items and the first {@value #BOOKS_SHOWN} books, says how many there are, and links to all of
 * them ({@code ?all}); the area's overview (辖区概览) is the page made for many compounds.
 */
@Controller
class WorkspaceController {

    static final int TODO_SHOWN = 50;
    static final int BOOKS_SHOWN = 100;

    private final Access access;
    private final ToDo todo;
    private final BookOverview overview;

    WorkspaceController(Access access, ToDo todo, BookOverview overview) {
        this.access = access;
        this.todo = todo;
        this.overview = overview;
    }

    @GetMapping("/staff")
    String home(@RequestParam(name = "all", required = false) String all, Model model) {
        Caller caller = access.caller();
        boolean everything = all != null;
        ToDo.Listing listing = todo.of(caller);
        List<ToDo.Item> items = listing.items();
        List<BookSummary> served = listing.books();
        model.addAttribute("todo", everything ? items : items.subList(0, Math.min(items.size(), TODO_SHOWN)));
        model.addAttribute("todoTotal", items.size());
        model.addAttribute("books", overview.of(everything ? served : served.subList(0, Math.min(served.size(), BOOKS_SHOWN)),
                listing));
        model.addAttribute("booksTotal", served.size());
        model.addAttribute("supervisor", caller.holds(AccessRole.COMMUNITY_AUDITOR) || caller.holds(AccessRole.TOWN_OFFICER));
        model.addAttribute("enrolmentsWaiting", items.stream().filter(i -> i.kind().startsWith("key.enrol"))
                .mapToInt(ToDo.Item::count).sum());
        return "workspace/home";
    }
}
