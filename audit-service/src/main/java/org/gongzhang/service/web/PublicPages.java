package org.gongzhang.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page (books by street and community) and the login page. */
@Controller
class PublicPages {

    record Community(String name, List<BookSummary> books) {
    }

    record Street(String name, List<Community> communities) {
    }

    private final BookDirectory books;

    PublicPages(BookDirectory books) {
        this.books = books;
    }

    @GetMapping("/")
    String index(Model model) {
        Map<String, Map<String, List<BookSummary>>> tree = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (BookSummary book : books.all()) {
            names.put("s:" + book.street().id(), book.street().name());
            names.put("c:" + book.community().id(), book.community().name());
            tree.computeIfAbsent(book.street().id(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(book.community().id(), k -> new java.util.ArrayList<>()).add(book);
        }
        List<Street> streets = tree.entrySet().stream()
                .map(s -> new Street(names.get("s:" + s.getKey()), s.getValue().entrySet().stream()
                        .map(c -> new Community(names.get("c:" + c.getKey()), c.getValue())).toList()))
                .toList();
        model.addAttribute("streets", streets);
        return "index";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
