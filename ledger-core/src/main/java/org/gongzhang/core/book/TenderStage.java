package org.gongzhang.core.book;

import java.util.Locale;

/** How far a tender has come (业标镇管); each step may follow only the one before it. */
enum TenderStage {
    /** 招标公告: bids are received during the notice period. */
    PUBLISHED,
    /** 开标: the sealed bids revealed. */
    OPENED,
    /** 评标: the bids ranked. */
    EVALUATED,
    /** 定标: awarded, not yet posted. */
    AWARDED,
    /** 中标公示: the award posted; the contract may be signed once the notice has ended. */
    AWARD_NOTICED,
    /** 签订合同: the contract signed; the tender is done. */
    CONTRACTED;

    /** The wire form shown in refusals, e.g. {@code award-noticed}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
