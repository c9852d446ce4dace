package org.gongzhang.service.voucher;

import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.reporting.format.ChineseAmount;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 大写金额 of an amount in 分, as vouchers and statements print it (for the voucher entry's live total). */
@RestController
class AmountWordsController {

    @GetMapping("/api/amount-words")
    Map<String, String> words(@RequestParam long fen) {
        if (fen > ChineseAmount.MAX_FEN || fen < -ChineseAmount.MAX_FEN) {
            throw LedgerRefusal.invalid("request.parameter.invalid", "fen", "fen");
        }
        return Map.of("words", ChineseAmount.of(fen));
    }
}
