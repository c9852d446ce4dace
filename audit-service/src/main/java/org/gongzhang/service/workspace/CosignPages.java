package org.gongzhang.service.workspace;

import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 见证签名: the community auditor, with the key their enrolment registered in the book and that
 * lives in this browser, checks that the book's latest checkpoint extends the one they cosigned
 * last (the consistency proof is checked in the page, not by the server) and cosigns it as a C2SP
 * tlog-cosignature/v1 ({@code static/js/cosign.js}).
 */
@Controller
class CosignPages {

    private final BookWorkspace workspace;
    private final Access access;
    private final Checkpoints checkpoints;

    CosignPages(BookWorkspace workspace, Access access, Checkpoints checkpoints) {
        this.workspace = workspace;
        this.access = access;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/staff/books/{book}/cosign")
    String cosign(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("actor", access.require(book, AccessRole.COMMUNITY_AUDITOR).actor());
        model.addAttribute("latest", checkpoints.latest(book).map(Checkpoints.Stored::size).orElse(0L));
        return "workspace/cosign";
    }
}
