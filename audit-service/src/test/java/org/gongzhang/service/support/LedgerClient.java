package org.gongzhang.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.SignedEntry;

/** A client of the HTTP API that signs its own entries, as a third-party tool would. */
public final class LedgerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The password of every demo login (ledger.demo.password's default). */
    public static final String DEMO_PASSWORD = "gongzhang-demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public LedgerClient(int port) {
        this("http://localhost:" + port, null);
    }

    private LedgerClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same client logged in as a demo person (POST /api/session); fails the test if the login fails. */
    public LedgerClient as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public LedgerClient as(String username, String password) {
        ObjectNode login = JSON.createObjectNode().put("username", username).put("password", password);
        Answer answer = post("/api/session", login.toString(), "en");
        if (answer.status() != 201) {
            throw new AssertionError("login of " + username + " failed: " + answer.status() + " " + answer.body());
        }
        return withToken(answer.json().get("token").asText());
    }

    /** The bearer token this client presents, or null. */
    public String token() {
        return token;
    }

    /** The same client presenting {@code token} as its bearer token. */
    public LedgerClient withToken(String token) {
        return new LedgerClient(base, token);
    }

    /** An HTTP answer: status, body text and, when the body is JSON, its tree. */
    public record Answer(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

        /** The response header's first value, if it was sent. */
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "zh-CN");
    }

    /** A GET asking for answers in {@code language} (Accept-Language). */
    public Answer get(String path, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), language);
    }

    public byte[] getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A binary answer with its headers, e.g. an exported file. */
    public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Answer postBytes(String path, byte[] body, String contentType, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), language);
    }

    /** Bytes posted with one extra header (e.g. a second person's token). */
    public Answer postBytes(String path, byte[] body, String contentType, String language, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), language);
    }

    public Answer post(String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), language);
    }

    public Answer postText(String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), language);
    }

    public Answer put(String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), language);
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), "en");
    }

    public Answer submit(SignedEntry entry) {
        return submit(entry, "zh-CN");
    }

    public Answer submit(SignedEntry entry, String language) {
        String book = entry.header().book();
        return post("/api/books/" + book + "/entries", entry.leaf(), language);
    }

    /** {@code entry} posted with the book's lease {@code lease} in the {@code Ledger-Lease} header. */
    public Answer submit(SignedEntry entry, String lease, String language) {
        String book = entry.header().book();
        return postBytes("/api/books/" + book + "/entries", entry.leaf().getBytes(StandardCharsets.UTF_8),
                "application/json", language, "Ledger-Lease", lease);
    }

    /**
     * {@code entry} posted with the book's lease {@code lease} (none when null) and
     * {@code Ledger-Lease-Next: nextWait}, asking for its writer's next lease with the answer.
     */
    public Answer submitAskingNext(SignedEntry entry, String lease, String nextWait, String language) {
        String book = entry.header().book();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/books/" + book + "/entries"))
                .header("Content-Type", "application/json").header("Ledger-Lease-Next", nextWait)
                .POST(HttpRequest.BodyPublishers.ofString(entry.leaf(), StandardCharsets.UTF_8));
        if (lease != null) {
            request.header("Ledger-Lease", lease);
        }
        return send(request, language);
    }

    /**
     * Asks for {@code book}'s lease as the holder of {@code keys}, waiting up to {@code waitSeconds}:
     * the request signed as docs/signing.md says, {@code requested} now.
     */
    public Answer lease(ClientKeys keys, String book, int waitSeconds) {
        return post("/api/books/" + book + "/lease?wait=" + waitSeconds, leaseRequest(keys, book, Instant.now()), "en");
    }

    /** The body of a lease request by {@code keys} for {@code book}, made at {@code requested}. */
    public static String leaseRequest(ClientKeys keys, String book, Instant requested) {
        Map<String, String> statement = new TreeMap<>();
        statement.put("book", book);
        statement.put("key", keys.keyId());
        statement.put("purpose", "lease");
        statement.put("requested", requested.toString());
        byte[] signature = keys.suite().sign(keys.pair().getPrivate(),
                CanonicalJson.canonicalize(statement).getBytes(StandardCharsets.UTF_8));
        return CanonicalJson.mapper().createObjectNode().put("key", keys.keyId()).put("requested", requested.toString())
                .put("signature", Base64.getEncoder().encodeToString(signature)).toString();
    }

    /** The envelope for the book's next entry, signed by {@code keys}; {@code tweak} may alter it before signing. */
    public SignedEntry next(ClientKeys keys, String book, String kind, LocalDate date, ObjectNode payload,
            Consumer<ObjectNode> tweak) {
        Answer head = get("/api/books/" + book + "/head");
        long index = head.status() == 200 ? head.json().get("size").asLong() : 0;
        String prev = head.status() == 200 ? head.json().get("head").asText() : SignedEntry.GENESIS_PREV;
        EntryDraft draft = new EntryDraft(book, index, prev, kind, keys.actor(), keys.role(), keys.keyId(),
                keys.suite(), false, UUID.randomUUID().toString(), Instant.now(), date, payload);
        ObjectNode entry = draft.toJson();
        tweak.accept(entry);
        return draft.sign(entry, keys.pair().getPrivate());
    }

    public SignedEntry next(ClientKeys keys, String book, String kind, LocalDate date, ObjectNode payload) {
        return next(keys, book, kind, date, payload, e -> { });
    }

    private Answer send(HttpRequest.Builder request, String language) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
