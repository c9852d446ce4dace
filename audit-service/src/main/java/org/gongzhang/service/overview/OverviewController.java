package org.gongzhang.service.overview;

import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/overview}: for a community auditor (社区审核员) or a town officer (街道招标经办), every
 * compound their grants in those roles cover, optionally narrowed to one street or community.
 */
@RestController
class OverviewController {

    private final Access access;
    private final BookDirectory books;
    private final CityOverview overview;
    private final CustodialSigner calendar;

    OverviewController(Access access, BookDirectory books, CityOverview overview, CustodialSigner calendar) {
        this.access = access;
        this.books = books;
        this.overview = overview;
        this.calendar = calendar;
    }

    @GetMapping("/api/overview")
    CityOverview.Overview overview(@RequestParam(required = false) String street,
            @RequestParam(required = false) String community) {
        return overview.of(CityOverview.supervised(access, books, street, community), calendar.today());
    }
}
