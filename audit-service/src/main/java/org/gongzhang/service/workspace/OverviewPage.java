package org.gongzhang.service.workspace;

import org.gongzhang.reporting.format.Display;
import org.gongzhang.service.overview.CityOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 辖区概览 {@code /staff/overview}: the overview as a page, for the community auditor and the town officer. */
@Controller
class OverviewPage {

    private final CityOverview overview;

    OverviewPage(CityOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/staff/overview")
    String overview(@RequestParam(required = false) String street, @RequestParam(required = false) String community,
            Model model) {
        CityOverview.Overview found = overview.forCaller(street, community);
        model.addAttribute("overview", found);
        model.addAttribute("lines", found.compounds().stream()
                .map(c -> new Line(c, Display.amount(c.cashAndBankFen()))).toList());
        model.addAttribute("cashAndBank", Display.amount(found.totals().cashAndBankFen()));
        return "workspace/overview";
    }

    /** A compound's line with its money as pages print it ({@code 12,800.00}). */
    record Line(CityOverview.Compound compound, String cashAndBank) {
    }
}
