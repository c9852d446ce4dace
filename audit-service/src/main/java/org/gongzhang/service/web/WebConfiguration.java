package org.gongzhang.service.web;

import org.gongzhang.service.log.BookIntegrityGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of pages and answers (see {@link PageLocaleResolver}), and the gate in front of a
 * book that failed its integrity check ({@link BookIntegrityGate}).
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final BookIntegrityGate integrityGate;

    WebConfiguration(BookIntegrityGate integrityGate) {
        this.integrityGate = integrityGate;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PageLocaleResolver.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
        registry.addInterceptor(integrityGate).addPathPatterns(BookIntegrityGate.PATHS);
    }
}
