package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gongzhang.service.log.BundleTags;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bundles (审计包) are what an auditor's script or a monitor downloads again and again: one that
 * already holds the book's bundle as it stands gets 304 Not Modified, without the service reading
 * the whole log to find out; once the book grows, or a witness cosigns, the bundle is new.
 */
class BundleCachingIT extends ServiceIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    BundleTags tags;

    @Test
    void aClientThatHoldsTheBooksBundleGetsNotModifiedUntilTheBookGrows() throws Exception {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        String path = "/api/books/" + book.id + "/bundle";

        HttpResponse<byte[]> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tags.current(book.id, null, "")).as("the tag found without building the bundle").hasValue(etag);

        HttpResponse<byte[]> again = get(path, etag);
        assertThat(again.statusCode()).as("the same log, checkpoint and cosignatures").isEqualTo(304);
        assertThat(again.body()).isEmpty();

        book.postVoucher(book.parkingVoucher("200.00"));
        HttpResponse<byte[]> grown = get(path, etag);
        assertThat(grown.statusCode()).isEqualTo(200);
        assertThat(grown.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(grown.body().length).isGreaterThan(first.body().length);
    }

    @Test
    void aClientThatHoldsTheBundleBehindAStatementOfSomePeriodsGetsNotModifiedForThosePeriodsOnly() throws Exception {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        String month = book.today.toString().substring(0, 7);
        String path = "/api/books/" + book.id + "/bundle?from=" + month + "&to=" + month;

        HttpResponse<byte[]> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, etag).statusCode()).isEqualTo(304);
        assertThat(get(path + "&threshold=1.00", etag).statusCode()).as("another threshold, another statement").isEqualTo(200);
        assertThat(get("/api/books/" + book.id + "/bundle?from=" + book.start + "&to=" + month, etag).statusCode())
                .as("other periods").isEqualTo(200);
        assertThat(get("/api/books/" + book.id + "/bundle", etag).statusCode()).as("the bundle without a statement")
                .isEqualTo(200);
    }

    @Test
    void aClientThatHoldsAStatementsBundleGetsNotModified() throws Exception {
        String book = "lanyuan-public";
        String statement = null;
        for (JsonNode v : client.get("/api/books/" + book + "/statements").json()) {
            if ("PUBLISHED".equals(v.get("status").asText())) {
                statement = v.get("statementId").asText();
            }
        }
        assertThat(statement).as("the demo publishes a statement").isNotNull();
        String path = "/api/books/" + book + "/statements/" + statement + "/bundle";
        // the demo book is shared with the other tests: a bundle asked for right after another
        // may still find it grown meanwhile (by a background step), so three tries
        int notModified = 0;
        for (int i = 0; i < 3 && notModified == 0; i++) {
            HttpResponse<byte[]> first = get(path, null);
            assertThat(first.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> again = get(path, first.headers().firstValue("ETag").orElseThrow());
            notModified += again.statusCode() == 304 ? 1 : 0;
        }
        assertThat(notModified).as("the statement's bundle, asked for again as held").isEqualTo(1);
        assertThat(get(path, "W/\"not-this-one\"").statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
