package org.gongzhang.service.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public front page, a street's page, the search for a compound, and the login page. The front
 * page lists streets (街道), one line each with how many communities and compounds it has, so that
 * it stays small however many compounds a city puts on the site; a street's page lists its
 * communities (社区) and their compounds; the search finds a compound by part of its name, or of its
 * community's or street's.
 */
@Controller
class PublicPages {

    /** The most books a search lists; a reader who gets more is asked for more of the name. */
    static final int SEARCH_LIMIT = 50;

    /** The longest search, in characters: longer than any name a place has. */
    static final int SEARCH_MAX_LENGTH = 50;

    record Community(String name, List<BookSummary> books) {
    }

    private final BookDirectory books;

    PublicPages(BookDirectory books) {
        this.books = books;
    }

    /** The search form's limit, on every page that shows the form. */
    @ModelAttribute("searchMaxLength")
    int searchMaxLength() {
        return SEARCH_MAX_LENGTH;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("streets", books.streets());
        return "index";
    }

    @GetMapping("/public/streets/{street}")
    String street(@PathVariable String street, Model model) {
        List<BookSummary> inStreet = books.requireStreet(street);
        Map<String, Community> communities = new LinkedHashMap<>();
        for (BookSummary book : inStreet) {
            communities.computeIfAbsent(book.community().id(),
                    id -> new Community(book.community().name(), new ArrayList<>())).books().add(book);
        }
        model.addAttribute("street", inStreet.get(0).street());
        model.addAttribute("communities", List.copyOf(communities.values()));
        model.addAttribute("compounds", inStreet.stream().map(book -> book.compound().id()).distinct().count());
        return "public-street";
    }

    /**
     * Books whose compound, community or street name contains {@code q}: at most {@value #SEARCH_LIMIT},
     * with a note when there are more. An empty search shows the form; one that is too long or holds
     * control characters is answered 400 with the form and what is wrong, and searches nothing.
     */
    @GetMapping("/public/compounds")
    String search(@RequestParam(name = "q", required = false) String q, Model model, HttpServletResponse response) {
        String text = q == null ? "" : q.strip().replaceAll("\\s+", " ");
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            return "public-search";
        }
        String problem = text.codePointCount(0, text.length()) > SEARCH_MAX_LENGTH ? "search.too-long"
                : text.codePoints().anyMatch(Character::isISOControl) ? "search.control" : null;
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", problem);
            return "public-search";
        }
        List<BookSummary> found = books.search(text, SEARCH_LIMIT + 1);
        model.addAttribute("found", found.size() > SEARCH_LIMIT ? found.subList(0, SEARCH_LIMIT) : found);
        model.addAttribute("more", found.size() > SEARCH_LIMIT);
        model.addAttribute("limit", SEARCH_LIMIT);
        return "public-search";
    }

    /**
     * The login page. {@code throttled} (minutes, set by the login throttle's redirect) is shown only
     * as a number of minutes it could have set: any other text would be words a link's author puts in
     * the page's alert. The form's CSRF token, and the session that keeps it, is made before the page
     * is written: made while writing the form, after whatever the page wrote first filled the response
     * buffer, the session could no longer be created and the answer was cut off mid-page.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, CsrfToken csrf, Model model) {
        csrf.getToken();
        model.addAttribute("throttledMinutes", minutes(throttled));
        return "login";
    }

    /** A whole number of minutes between 1 and a day, as the throttle writes it; otherwise null. */
    static Integer minutes(String throttled) {
        if (throttled == null || !throttled.matches("[0-9]{1,4}")) {
            return null;
        }
        int minutes = Integer.parseInt(throttled);
        return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
    }
}
