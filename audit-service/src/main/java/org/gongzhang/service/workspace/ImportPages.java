package org.gongzhang.service.workspace;

import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 导入凭证: the preparer uploads a file in the 用友/金蝶 layout, sees every bad row (nothing is
 * written), and once the file is clean records its vouchers one by one, each an entry they sign;
 * the reviewer reviews and posts them on the book page in their own session.
 */
@Controller
class ImportPages {

    private final BookWorkspace workspace;
    private final Access access;

    ImportPages(BookWorkspace workspace, Access access) {
        this.workspace = workspace;
        this.access = access;
    }

    @GetMapping("/staff/books/{book}/imports")
    String imports(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        access.require(book, AccessRole.AGENT_PREPARER);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        return "workspace/import";
    }
}
