package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The standing fuzz test: every POST and PUT operation the OpenAPI document lists receives at
 * least {@value #CASES_PER_OPERATION} malformed bodies and parameters (the numbers, characters and
 * shapes JSON allows but the ledger refuses, and JSON that is not JSON), as the person most likely
 * to get past its access check; every GET with query parameters receives hostile parameter values.
 * Not one answer may be a 5xx, no refused request may leave an entry behind, and every book still
 * verifies afterwards. Its own service and database (the fuzzing must not disturb other tests).
 */
@TestPropertySource(properties = "ledger.test.isolated=hostile-input")
@DirtiesContext
class HostileInputIT extends ServiceIT {

    static final int CASES_PER_OPERATION = 110;

    private static final List<String> IDENTITIES = List.of("li-na", "wang-qiang", "zhao-min", "lanyuan-chair",
            "sun-hao", "lanyuan-owner", "admin");

    private static final List<String> VALUES = List.of("1e309", "-1e309", "0.1", "3200.00", "1E2", "-0.0",
            "9007199254740993", "-9223372036854775809", "123456789012345678901234567890", "\"\\ud800\"",
            "\"\\udc00x\"", "\"a\\u0000b\"", "\"\"", "\"   \"", "null", "true", "[]", "{}", "[[[[[]]]]]",
            "\"" + "长".repeat(70_000) + "\"", "\"2026-13-45\"", "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"", "-1", "0", "\"-1.00\"", "\"99999999999999999999.99\"", "\"NaN\"", "\"1e3\"",
            "\"0.001\"", "\"2026-02-30\"", "\"9999-12\"", "\"x'; drop table ledger_entry; --\"", "\"\\u202e\"",
            "\"lanyuan\"", "\"COMMUNITY_AUDITOR\"", "\"ED25519\"", "\"" + "a".repeat(300) + "\"");

    private static final List<String> KEYS = List.of("amount", "purpose", "account", "date", "businessDate",
            "from", "to", "period", "periods", "reason", "text", "answer", "name", "username", "password", "keyId",
            "publicKey", "role", "scope", "actor", "word", "lines", "summary", "debit", "credit", "attachments",
            "decisionId", "votes", "area", "owners", "bids", "bidId", "threshold", "question", "graceDays",
            "cadence", "payee", "matter", "works", "quotes", "documents", "statementId", "requestId", "version",
            "accepted", "sha256", "displayName", "suite", "books", "step", "outcome", "tally", "count", "files",
            "corrects", "entry", "index", "prev", "signature", "payload", "kind", "book", "size", "grantee");

    private static final List<String> RAW = List.of("", "null", "[]", "\"x\"", "{", "{\"a\":}", "{\"a\":1e309}",
            "\u0000", "{\"a\":\"\\ud800\"}", "[1e309]", "0.1", "1e309", "{\"lines\":[{\"debit\":0.1}]}",
            "[".repeat(5000), "{\"a\":" + "[".repeat(3000) + "}", "{\"amount\":\"3200.00\"}\u0000",
            "{\"amount\": NaN}", "{\"amount\": Infinity}", "{'amount': 1}", "{\"a\":1,\"a\":2}",
            "\uFEFF{}", "{\"\\u0000\":1}", "{\"amount\":\"\\ud800\"}", "{\"x\":\"" + "\\u0000".repeat(50) + "\"}");

    static final List<String> PARAMETERS = List.of("%00", "a%00b", "%ED%A0%80", "1e309", "0.1", "-1",
            "9223372036854775808", "abc", "2026-13", "" , "%FF%FE", "x".repeat(5000), "%3Cscript%3E");

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Random random = new Random(20261203);
    private int sent;

    @Test
    void noMalformedInputGetsA5xxOrLeavesAnEntryBehind() throws Exception {
        for (String user : IDENTITIES) {
            tokens.put(user, client.as(user).token());
        }
        tokens.put("anonymous", null);
        Ids ids = new Ids(client.as("zhao-min"));
        JsonNode paths = client.get("/v3/api-docs").json().path("paths");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : List.of("post", "put")) {
                if (path.getValue().has(method)) {
                    operations++;
                    fuzz(method.toUpperCase(), ids.fill(path.getKey()), path.getValue().get(method));
                }
            }
            if (path.getValue().has("get") && hasQueryParameters(path.getValue().get("get"))) {
                fuzzQuery(ids.fill(path.getKey()), path.getValue().get("get"));
            }
        }
        System.out.printf("HostileInputIT: %d write operations, %d requests, statuses %s%n", operations, sent, statuses);

        assertThat(operations).as("the OpenAPI document lists the write operations").isGreaterThan(40);
        assertThat(failures).as("answers that were 5xx or refusals that left entries").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Long.class))
                .as("the index holds every stored entry")
                .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        for (JsonNode book : client.as("zhao-min").get("/api/books").json()) {
            String id = book.path("book").asText(book.path("id").asText());
            LedgerClient.Answer verify = client.get("/api/books/" + id + "/verify");
            assertThat(verify.status()).as("verify %s", id).isEqualTo(200);
            assertThat(verify.json().path("ok").asBoolean()).as("book %s verifies: %s", id, verify.body()).isTrue();
        }
    }

    private void fuzz(String method, String path, JsonNode operation) throws Exception {
        String identity = identityFor(method, path);
        for (int i = 0; i < CASES_PER_OPERATION; i++) {
            String body;
            if (i < RAW.size()) {
                body = RAW.get(i);
            } else {
                body = generated();
            }
            String target = path;
            if (i % 7 == 3) {
                target += "?" + hostileQuery(operation);
            }
            String contentType = i % 23 == 5 ? "text/plain;charset=UTF-8"
                    : i % 29 == 7 ? "application/x-www-form-urlencoded" : "application/json";
            if (contentType.startsWith("application/x-www")) {
                body = "name=a%00b&amount=1e309&text=%ED%A0%80";
            }
            send(method, target, body, contentType, identity);
        }
    }

    private void fuzzQuery(String path, JsonNode operation) throws Exception {
        for (int i = 0; i < 12; i++) {
            send("GET", path + "?" + hostileQuery(operation), null, null, IDENTITIES.get(i % IDENTITIES.size()));
        }
    }

    private String hostileQuery(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                query.append(query.isEmpty() ? "" : "&").append(parameter.path("name").asText()).append('=')
                        .append(PARAMETERS.get(random.nextInt(PARAMETERS.size())));
            }
        }
        return query.isEmpty() ? "status=%00&x=" + PARAMETERS.get(random.nextInt(PARAMETERS.size())) : query.toString();
    }

    private static boolean hasQueryParameters(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A JSON object of one to four known field names, each holding a hostile value, sometimes nested in lines. */
    private String generated() {
        StringBuilder json = new StringBuilder("{");
        int fields = 1 + random.nextInt(4);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            String key = KEYS.get(random.nextInt(KEYS.size()));
            json.append('"').append(key).append("\":");
            if (key.equals("lines") || key.equals("bids") || key.equals("files")) {
                json.append("[{\"summary\":").append(value()).append(",\"account\":").append(value())
                        .append(",\"debit\":").append(value()).append(",\"amount\":").append(value()).append("}]");
            } else if (key.equals("votes") || key.equals("tally") || key.equals("payee") || key.equals("attachments")) {
                json.append("{\"owners\":").append(value()).append(",\"area\":").append(value())
                        .append(",\"type\":\"PERSON\",\"name\":").append(value()).append(",\"count\":").append(value())
                        .append('}');
            } else {
                json.append(value());
            }
        }
        return json.append('}').toString();
    }

    private String value() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    /** The first person whose empty request is not turned away at the door (401/403); otherwise the chair. */
    private String identityFor(String method, String path) throws Exception {
        for (String identity : tokens.keySet()) {
            int status = send(method, path, "{\"probe\":" + value() + "}", "application/json", identity);
            if (status != 401 && status != 403) {
                return identity;
            }
        }
        return "lanyuan-chair";
    }

    private int send(String method, String path, String body, String contentType, String identity) throws Exception {
        long entriesBefore = entries();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", random.nextBoolean() ? "zh-CN" : "en");
        if (tokens.get(identity) != null) {
            request.header("Authorization", "Bearer " + tokens.get(identity));
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException notSendable) {
            return 0; // a URI the client itself cannot send
        }
        sent++;
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String shown = method + " " + path + " as " + identity + " with " + abbreviated(body);
        if (status >= 500) {
            failures.add(status + " " + shown + " → " + abbreviated(response.body()));
        } else if (status >= 400 && entries() != entriesBefore) {
            failures.add("refused with " + status + " but wrote an entry: " + shown);
        }
        return status;
    }

    private long entries() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() <= 160 ? text : text.substring(0, 157) + "…";
    }

    /** Real ids of the demo's books and their requests, tenders, statements, objections, vouchers and keys. */
    private static final class Ids {

        private final LedgerClient client;
        private final String book;
        private final Map<String, String> bySegment = new LinkedHashMap<>();

        Ids(LedgerClient client) {
            this.client = client;
            String found = null;
            for (JsonNode b : client.get("/api/books").json()) {
                String id = b.path("book").asText(b.path("id").asText());
                if (id.contains("lanyuan") && found == null) {
                    found = id;
                }
            }
            this.book = found;
        }

        String fill(String template) {
            String[] segments = template.split("/");
            StringBuilder path = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                path.append('/');
                if (segment.startsWith("{")) {
                    String name = segment.substring(1, segment.length() - 1);
                    path.append(URLEncoder.encode(value(name, segments[i - 1], path.toString()), StandardCharsets.UTF_8));
                } else {
                    path.append(segment);
                }
            }
            return path.toString();
        }

        private String value(String name, String collection, String prefix) {
            if (name.equals("book")) {
                return book;
            }
            if (name.contains("period")) {
                return "2026-11";
            }
            if (name.equals("size")) {
                return "3";
            }
            if (name.equals("account")) {
                return "1002";
            }
            return bySegment.computeIfAbsent(collection, c -> firstId(prefix.substring(0, prefix.length() - 1)));
        }

        private String firstId(String listPath) {
            LedgerClient.Answer list = client.get(listPath);
            if (list.status() == 200 && list.contentType().contains("json")) {
                JsonNode items = list.json();
                if (items.isObject()) {
                    for (JsonNode child : items) {
                        if (child.isArray()) {
                            items = child;
                            break;
                        }
                    }
                }
                if (items.isArray() && !items.isEmpty()) {
                    JsonNode first = items.get(0);
                    for (String field : List.of("id", "requestId", "tenderId", "statementId", "objectionId",
                            "voucherId", "keyId", "jobId", "username")) {
                        if (first.path(field).isTextual()) {
                            return first.path(field).asText();
                        }
                    }
                }
            }
            return UUID.randomUUID().toString();
        }
    }
}
