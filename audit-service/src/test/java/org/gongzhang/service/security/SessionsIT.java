package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/** Logging in for a token, what it says, what happens without one or with a bad one, logging out. */
class SessionsIT extends ServiceIT {

    private static final String LANYUAN_CHECKPOINTS = "/api/books/lanyuan-public/checkpoints";

    @Test
    void aDemoLoginGetsATokenThatNamesTheCallerAndTheirGrants() {
        LedgerClient auditor = client.as("zhao-min");
        JsonNode me = auditor.get("/api/session").json();
        assertThat(me.get("username").asText()).isEqualTo("zhao-min");
        assertThat(me.get("actor").asText()).isEqualTo("community:zhao-min");
        assertThat(me.get("grants").get(0).get("role").asText()).isEqualTo("COMMUNITY_AUDITOR");
        assertThat(me.get("grants").get(0).get("scope").get("id").asText()).isEqualTo("xinhe");
        assertThat(auditor.post(LANYUAN_CHECKPOINTS, "", "en").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameRefusal() {
        Answer wrong = client.post("/api/session", "{\"username\":\"zhao-min\",\"password\":\"not-the-password\"}", "en");
        Answer unknown = client.post("/api/session", "{\"username\":\"nobody-here\",\"password\":\"not-the-password\"}", "zh-CN");
        assertProblem(wrong, 401, "auth.credentials.invalid", "");
        assertThat(wrong.json().get("detail").asText()).isEqualTo("Wrong user name or password.");
        assertProblem(unknown, 401, "auth.credentials.invalid", "");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("用户名或密码不正确。");
        assertProblem(client.post("/api/session", "{}", "en"), 401, "auth.credentials.invalid", "");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAMinuteEvenAgainstTheRightOne() {
        String username = NewStaff.create(client, "COMMITTEE_MEMBER", "COMPOUND", "lanyuan", "猜密码测试");
        for (int i = 0; i < 5; i++) {
            assertProblem(client.post("/api/session", "{\"username\":\"" + username + "\",\"password\":\"guess-" + i
                    + "\"}", "en"), 401, "auth.credentials.invalid", "");
        }
        Answer right = client.post("/api/session", "{\"username\":\"" + username + "\",\"password\":\""
                + LedgerClient.DEMO_PASSWORD + "\"}", "zh-CN");
        assertProblem(right, 429, "auth.throttled", "");
        assertThat(right.json().get("detail").asText()).isEqualTo("该账号或该地址登录失败次数过多，请 1 分钟后再试。");
        assertThat(client.as("lanyuan-chair").get("/api/session").status()).as("other accounts log in").isEqualTo(200);
    }

    @Test
    void withoutALoginAChangeIsRefusedAndNothingIsSigned() {
        long before = checkpoints();
        assertProblem(client.post(LANYUAN_CHECKPOINTS, "", "en"), 401, "auth.required", "");
        assertProblem(client.withToken("forged-token").post(LANYUAN_CHECKPOINTS, "", "en"), 401, "auth.token.invalid", "");
        assertThat(checkpoints()).isEqualTo(before);
    }

    @Test
    void readingStaysPublicEvenWithABadToken() {
        assertThat(client.withToken("forged-token").get("/api/books/lanyuan-public/head").status()).isEqualTo(200);
        assertThat(client.withToken("forged-token").get("/api/books/lanyuan-public/entries/0").status()).isEqualTo(200);
    }

    @Test
    void loggingOutEndsTheToken() {
        LedgerClient reviewer = client.as("wang-qiang");
        assertThat(reviewer.get("/api/session").status()).isEqualTo(200);
        assertThat(reviewer.delete("/api/session").status()).isEqualTo(204);
        assertProblem(reviewer.get("/api/session"), 401, "auth.token.invalid", "");
        assertProblem(reviewer.post(LANYUAN_CHECKPOINTS, "", "en"), 401, "auth.token.invalid", "");
    }

    private long checkpoints() {
        return client.get(LANYUAN_CHECKPOINTS).json().size();
    }
}
