package org.gongzhang.service.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.reporting.api.VoucherView;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.gongzhang.service.signing.SignedBy;
import org.gongzhang.service.signing.Signing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 凭证录入 as 用友/金蝶 users know it (凭证字, the next 凭证号, lines of 摘要 · 科目 · 借方 · 贷方, a live
 * 借贷平衡 and 大写 total, receipts attached), and one voucher with its actions: 审核, 记账, 作废, 红字冲销.
 */
@Controller
class VoucherPages {

    static final List<String> WORDS = List.of("记", "收", "付", "转");

    private final BookWorkspace workspace;
    private final AccountChoices accounts;
    private final VoucherQueries vouchers;
    private final ReadModelWait readModel;
    private final People people;
    private final Signing signing;
    private final SignedBy signedBy;
    private final ObjectMapper json = new ObjectMapper();

    VoucherPages(BookWorkspace workspace, AccountChoices accounts, VoucherQueries vouchers, ReadModelWait readModel,
            People people, Signing signing, SignedBy signedBy) {
        this.workspace = workspace;
        this.accounts = accounts;
        this.vouchers = vouchers;
        this.readModel = readModel;
        this.people = people;
        this.signing = signing;
        this.signedBy = signedBy;
    }

    @GetMapping("/staff/books/{book}/vouchers/new")
    String entry(@PathVariable String book, @RequestParam(required = false) String word,
            @RequestParam(required = false) String date, @RequestParam(required = false) Long after, Model model)
            throws JsonProcessingException {
        BookWorkspace.InBook here = workspace.require(book);
        readModel.until(here.book(), after);
        String today = signing.today().toString();
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("words", WORDS);
        model.addAttribute("word", word != null && WORDS.contains(word) ? word : "记");
        model.addAttribute("date", date == null || date.isBlank() ? today : date);
        model.addAttribute("accounts", accounts.of(book));
        model.addAttribute("accountsJson", json.writeValueAsString(accounts.of(book)));
        model.addAttribute("nextNumbers", json.writeValueAsString(nextNumbers(book, Period.of(signing.today()))));
        model.addAttribute("saved", after != null);
        return "workspace/voucher-entry";
    }

    @GetMapping("/staff/books/{book}/vouchers/{voucherId}")
    String voucher(@PathVariable String book, @PathVariable String voucherId,
            @RequestParam(required = false) Long after, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        readModel.until(here.book(), after);
        VoucherView voucher = vouchers.voucher(book, voucherId)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.voucher.not-found", "voucherId", voucherId));
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("v", voucher.voucher());
        model.addAttribute("voucher", voucher);
        model.addAttribute("names", people.names());
        model.addAttribute("today", signing.today().toString());
        model.addAttribute("recordedBy", signer(book, voucher.voucher().recordedIndex()));
        model.addAttribute("postedBy", voucher.voucher().postedIndex() == null ? null
                : signer(book, voucher.voucher().postedIndex()));
        return "workspace/voucher";
    }

    /** "own" when the entry at {@code index} was signed by its actor's own key, "custodial" when the service signed for them (代签). */
    private String signer(String book, long index) {
        return signedBy.entry(book, index).orElse(null);
    }

    /** The 凭证号 each 凭证字 gets next in {@code period} (numbers are given on posting, in order). */
    private Map<String, Object> nextNumbers(String book, Period period) {
        Map<String, Integer> next = new HashMap<>();
        WORDS.forEach(w -> next.put(w, 1));
        for (VoucherSummary v : vouchers.vouchers(book, period).map(l -> l.vouchers()).orElse(List.of())) {
            if (v.number() != null) {
                next.merge(v.word(), v.number() + 1, Math::max);
            }
        }
        return Map.of("period", period.toString(), "next", next);
    }
}
