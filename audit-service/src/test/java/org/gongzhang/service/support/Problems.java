package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 refusals as the service answers them. */
public final class Problems {

    private Problems() {
    }

    /**
     * The answer is a problem+json of {@code status} with {@code code}, naming {@code field}, and a
     * localized detail that is more than the code; returns the problem.
     */
    public static JsonNode assertProblem(LedgerClient.Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank().isNotEqualTo(code);
        return problem;
    }
}
