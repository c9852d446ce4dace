package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language of a page or an answer from Accept-Language, as browsers write it and as nobody should. */
class PageLocaleResolverTest {

    @Test
    void theFirstLanguageSpokenHereByTheHeadersWeights() {
        assertThat(PageLocaleResolver.acceptLanguage("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLocaleResolver.acceptLanguage("en;q=0.1, zh-CN;q=0.9")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(PageLocaleResolver.acceptLanguage("fr-FR, en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLocaleResolver.acceptLanguage("fr-FR")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(PageLocaleResolver.acceptLanguage(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(PageLocaleResolver.acceptLanguage(" ")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aHeaderThatDoesNotFollowTheRulesIsReadLenientlyInTheOrderWritten() {
        assertThat(PageLocaleResolver.acceptLanguage("en;q=abc")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLocaleResolver.acceptLanguage("fr;q=x, en")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLocaleResolver.acceptLanguage("en_US")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLocaleResolver.acceptLanguage("zh-CN;q=0.5;q=x, en")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        for (String nothing : new String[] {"*;q=2", ";;;", ",,", "x".repeat(300), ";q=-1"}) {
            assertThat(PageLocaleResolver.acceptLanguage(nothing)).as(nothing).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }
    }
}
