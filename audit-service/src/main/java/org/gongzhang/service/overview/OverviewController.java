package org.gongzhang.service.overview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/overview}: for a community auditor (社区审核员) or a town officer (街道招标经办), every
 * compound their grants in those roles cover, optionally narrowed to one street or community.
 */
@RestController
class OverviewController {

    private final CityOverview overview;

    OverviewController(CityOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/overview")
    CityOverview.Overview overview(@RequestParam(required = false) String street,
            @RequestParam(required = false) String community) {
        return overview.forCaller(street, community);
    }
}
