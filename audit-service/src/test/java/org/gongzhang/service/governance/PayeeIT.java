package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A private person paid by a request (个人信息保护法): the book's staff read the name with the salt
 * that opens the entry's commitment; owners, another compound's people and the administrator are
 * refused, and every public view still shows 个人（不公开）.
 */
class PayeeIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final List<String> STAFF = List.of("li-na", "chen-jie", "wang-qiang", "zhao-min", "sun-hao",
            "lanyuan-chair", "lanyuan-member");

    @BeforeEach
    void rules() {
        if (client.get(path("/rulesets")).json().isEmpty()) {
            assertThat(client.as("sun-hao").post(path("/rulesets/default"), "", "en").status()).isEqualTo(201);
        }
    }

    @Test
    void theStaffReadAPrivatePayeeAndCanCheckTheCommitment() throws NoSuchAlgorithmException {
        String name = "陈小明-" + UUID.randomUUID().toString().substring(0, 8);
        String id = raise("{\"type\":\"PERSON\",\"name\":\"" + name + "\"}");
        String raisedIndex = client.get(path("/requests/" + id)).json().get("request").get("raisedIndex").asText();
        String committed = client.get(path("/entries/" + raisedIndex)).json().get("entry").get("payload").get("payee")
                .get("commitment").asText();
        for (String person : STAFF) {
            Answer answer = client.as(person).get(path("/requests/" + id + "/payee"));
            assertThat(answer.status()).as(person + " " + answer.body()).isEqualTo(200);
            JsonNode payee = answer.json();
            assertThat(payee.get("type").asText()).isEqualTo("PERSON");
            assertThat(payee.get("name").asText()).isEqualTo(name);
            assertThat(payee.get("commitment").asText()).isEqualTo(committed);
            assertThat(sha256(HexFormat.of().parseHex(payee.get("salt").asText()), name)).isEqualTo(committed);
        }
        assertThat(client.get(path("/requests/" + id)).json().get("request").get("payee").asText())
                .isEqualTo("个人（不公开）");
        assertThat(client.get(path("/requests")).body()).doesNotContain(name);
        assertThat(client.get(path("/entries/" + raisedIndex)).body()).doesNotContain(name);
    }

    @Test
    void ownersOtherCompoundsAndTheAdministratorAreRefused() {
        String name = "王小红-" + UUID.randomUUID().toString().substring(0, 8);
        String id = raise("{\"type\":\"PERSON\",\"name\":\"" + name + "\"}");
        String payee = path("/requests/" + id + "/payee");
        assertProblem(client.get(payee), 401, "auth.required", "");
        assertProblem(client.as("lanyuan-owner").get(payee), 403, "access.role", "");
        assertProblem(client.as("guiyuan-owner").get(payee), 403, "access.role", "");
        assertProblem(client.as("admin").get(payee), 403, "access.role", "");
        Answer otherChair = client.as("guiyuan-chair").get(payee);
        assertProblem(otherChair, 403, "access.scope", "");
        assertThat(otherChair.body()).doesNotContain(name);
        assertProblem(client.as("guiyuan-chair").get("/api/books/guiyuan-public/requests/" + id + "/payee"), 404,
                "request.unknown", "requestId");
    }

    @Test
    void aCompanyIsNamedWithoutSaltAndAnUnknownRequestIsNotFound() {
        String id = raise("{\"type\":\"COMPANY\",\"name\":\"杭州安居维修有限公司\"}");
        JsonNode payee = client.as("zhao-min").get(path("/requests/" + id + "/payee")).json();
        assertThat(payee.get("type").asText()).isEqualTo("COMPANY");
        assertThat(payee.get("name").asText()).isEqualTo("杭州安居维修有限公司");
        assertThat(payee.get("salt").isNull()).isTrue();
        assertThat(payee.get("commitment").isNull()).isTrue();
        assertProblem(client.as("zhao-min").get(path("/requests/no-such/payee")), 404, "request.unknown", "requestId");
    }

    private String raise(String payee) {
        Answer raised = client.as("lanyuan-member").post(path("/requests"), """
                {"amount":"600.00","purpose":"楼道保洁临时工工资","account":"510102","payee":%s,"quotes":[]}"""
                .formatted(payee), "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("requestId").asText();
    }

    private static String sha256(byte[] salt, String name) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        return HexFormat.of().formatHex(digest.digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static String path(String rest) {
        return "/api/books/" + BOOK + rest;
    }
}
