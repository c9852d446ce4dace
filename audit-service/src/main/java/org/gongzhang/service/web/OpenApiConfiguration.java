package org.gongzhang.service.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI gongzhangApi() {
        return new OpenAPI()
                .info(new Info().title("公账 Gongzhang API").version("1")
                        .description("""
                                A transparency ledger for compound public funds (小区共有资金). Reading is public; \
                                changes need a bearer token from POST /api/session (or, for POST …/entries and \
                                witness cosignatures, an entry or note signed by a key the book registered). \
                                Refusals are RFC 9457 problem+json in zh-CN (default) or English (Accept-Language: en).""")
                        .license(new License().name("Proprietary")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Token from POST /api/session")));
    }
}
