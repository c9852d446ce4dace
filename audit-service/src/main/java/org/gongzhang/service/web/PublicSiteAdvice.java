package org.gongzhang.service.web;

import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.service.report.PublicSiteProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts who answers for the public site into the model of the public pages: the 公示单位 that
 * posts the statements and the 监督电话 residents call about them ({@code ledger.public.*}).
 */
@ControllerAdvice(assignableTypes = {PublicStatementPages.class, PublicRequestPages.class, PublicTenderPages.class,
        PublicPages.class})
class PublicSiteAdvice {

    private final PublicSiteProperties site;

    PublicSiteAdvice(PublicSiteProperties site) {
        this.site = site;
    }

    @ModelAttribute("issuer")
    StatementSheet.Issuer issuer() {
        return site.issuer();
    }
}
