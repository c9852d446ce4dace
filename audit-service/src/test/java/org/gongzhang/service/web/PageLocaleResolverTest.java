package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language of a page or an answer from Accept-Language, as browsers write it and as nobody should. */
class PageLocaleResolverTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void theFirstLanguageSpokenHereByTheHeadersWeights() {
        readAs(EN, "en-US,en;q=0.9", "fr-FR, en;q=0.5");
        readAs(ZH, "en;q=0.1, zh-CN;q=0.9", "fr-FR", null, " ");
    }

    @Test
    void aHeaderThatDoesNotFollowTheRulesIsReadLenientlyInTheOrderWritten() {
        readAs(EN, "en;q=abc", "fr;q=x, en", "en_US");
        readAs(ZH, "zh-CN;q=0.5;q=x, en", "*;q=2", ";;;", ",,", "x".repeat(300), ";q=-1");
    }

    private static void readAs(Locale expected, String... headers) {
        for (String header : headers) {
            assertThat(PageLocaleResolver.acceptLanguage(header)).as(header).isEqualTo(expected);
        }
    }
}
