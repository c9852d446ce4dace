package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/** An administrator creates people with grants; the community auditor enrols their keys in a book. */
class PeopleIT extends ServiceIT {

    @Test
    void anOwnerCreatedWithoutAnActorSignsUnderAPseudonymAndIsEnrolledAs业主() {
        Answer created = client.as("admin").post("/api/users", user("owner-wu", "吴先生", null, "OWNER", "COMPOUND", "lanyuan"), "en");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String actor = created.json().get("actor").asText();
        assertThat(actor).matches("owner:[0-9a-f]{16}").doesNotContain("wu");

        long size = size();
        Answer enrolled = client.as("zhao-min").post("/api/books/lanyuan-public/members",
                "{\"username\":\"owner-wu\",\"role\":\"OWNER\"}", "en");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(size()).isEqualTo(size + 1);
        JsonNode key = StreamSupport.stream(client.get("/api/books/lanyuan-public/keys").json().spliterator(), false)
                .filter(k -> k.get("actor").asText().equals(actor)).findFirst().orElseThrow();
        assertThat(key.get("role").asText()).isEqualTo("OWNER");
        JsonNode entry = client.get("/api/books/lanyuan-public/entries/" + size).json().get("entry");
        assertThat(entry.get("kind").asText()).isEqualTo("key.registered");
        assertThat(entry.get("payload").get("name").asText()).isEqualTo("业主");
        assertThat(client.as("owner-wu", "long-enough-1").get("/api/session").json().get("actor").asText()).isEqualTo(actor);
    }

    @Test
    void aKeyIsEnrolledOnlyForARoleThePersonHoldsInThatBook() {
        long size = size();
        LedgerClient auditor = client.as("zhao-min");
        assertProblem(auditor.post("/api/books/lanyuan-public/members", "{\"username\":\"guiyuan-chair\",\"role\":\"COMMITTEE_CHAIR\"}", "en"),
                422, "member.grant.missing", "role");
        assertProblem(auditor.post("/api/books/lanyuan-public/members", "{\"username\":\"admin\",\"role\":\"ADMINISTRATOR\"}", "en"),
                422, "member.role.not-signing", "role");
        assertProblem(auditor.post("/api/books/lanyuan-public/members", "{\"username\":\"nobody\",\"role\":\"OWNER\"}", "en"),
                404, "user.not-found", "username");
        assertProblem(auditor.post("/api/books/no-such-book/members", "{\"username\":\"lanyuan-owner\",\"role\":\"OWNER\"}", "en"),
                404, "book.not-found", "book");
        assertThat(size()).isEqualTo(size);
    }

    @Test
    void badPeopleAreRefusedAndNotCreated() {
        LedgerClient admin = client.as("admin");
        assertProblem(admin.post("/api/users", user("x", "名", null, "OWNER", "COMPOUND", "lanyuan"), "en"),
                422, "user.username.invalid", "username");
        assertProblem(admin.post("/api/users", user("short-pw", "名", null, "OWNER", "COMPOUND", "lanyuan")
                .replace("long-enough-1", "short"), "zh-CN"), 422, "user.password.too-short", "password");
        assertProblem(admin.post("/api/users", user("no-role", "名", null, "KING", "COMPOUND", "lanyuan"), "en"),
                422, "user.grant.role.unknown", "grants[0].role");
        assertProblem(admin.post("/api/users", user("no-scope", "名", null, "OWNER", "PLANET", "earth"), "en"),
                422, "user.grant.scope.unknown", "grants[0].scope.kind");
        assertProblem(admin.post("/api/users", user("li-na", "名", null, "OWNER", "COMPOUND", "lanyuan"), "en"),
                409, "user.exists", "username");
        assertProblem(admin.post("/api/users", user("new-li-na", "名", "agent:li-na", "AGENT_PREPARER", "FIRM", "hengxin"), "en"),
                409, "user.actor.taken", "actor");
        for (String refused : new String[] {"x", "short-pw", "no-role", "no-scope", "new-li-na"}) {
            assertThat(client.post("/api/session", "{\"username\":\"" + refused + "\",\"password\":\"long-enough-1\"}", "en")
                    .status()).isEqualTo(401);
        }
    }

    private static String user(String username, String name, String actor, String role, String scopeKind, String scopeId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + name + "\","
                + (actor == null ? "" : "\"actor\":\"" + actor + "\",")
                + "\"password\":\"long-enough-1\",\"grants\":[{\"role\":\"" + role + "\",\"scope\":{\"kind\":\""
                + scopeKind + "\",\"id\":\"" + scopeId + "\"}}]}";
    }

    private long size() {
        return client.get("/api/books/lanyuan-public/head").json().get("size").asLong();
    }
}
