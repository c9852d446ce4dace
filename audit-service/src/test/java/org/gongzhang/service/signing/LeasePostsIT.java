package org.gongzhang.service.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.AheadOfMvc;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * A lease request answered ahead of Spring MVC ({@link LeasePosts}) answers as the controller does —
 * status, headers, the lease's fields, a refusal's body — and one it does not take (here: an Accept
 * header with a weight) still reaches the controller.
 */
class LeasePostsIT extends ServiceIT {

    /** An Accept header the filter leaves to the controller's content negotiation. */
    private static final String WEIGHTED = "application/json;q=0.9";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private List<FilterRegistrationBean<?>> filters;

    private TestBook book;

    @BeforeEach
    void openBook() {
        book = TestBook.open(client);
    }

    @Test
    void aLeaseIsAnsweredAheadAsTheControllerAnswersIt() throws Exception {
        long before = answeredAhead();

        HttpResponse<String> ahead = post(LedgerClient.leaseRequest(book.preparer, book.id, Instant.now()), null);
        assertThat(ahead.statusCode()).as(ahead.body()).isEqualTo(200);
        assertThat(answeredAhead()).isEqualTo(before + 1);
        JsonNode leaseAhead = JSON.readTree(ahead.body());
        assertThat(release(leaseAhead.get("lease").asText()).statusCode()).isEqualTo(204);

        HttpResponse<String> byController = post(LedgerClient.leaseRequest(book.preparer, book.id, Instant.now()),
                WEIGHTED);
        assertThat(byController.statusCode()).as(byController.body()).isEqualTo(200);
        assertThat(answeredAhead()).isEqualTo(before + 1);
        JsonNode leaseByController = JSON.readTree(byController.body());

        assertThat(fieldNames(leaseAhead)).containsExactly("lease", "book", "index", "prev", "expiresAt")
                .isEqualTo(fieldNames(leaseByController));
        assertThat(leaseAhead.get("index")).isEqualTo(leaseByController.get("index"));
        assertThat(leaseAhead.get("prev")).isEqualTo(leaseByController.get("prev"));
        assertThat(leaseAhead.get("lease")).isNotEqualTo(leaseByController.get("lease"));
        assertThat(AheadOfMvc.headers(ahead)).isEqualTo(AheadOfMvc.headers(byController));
    }

    @Test
    void aRefusalAheadIsAnsweredByTheControllersErrorHandlingAndHoldsNothing() throws Exception {
        String forged = LedgerClient.leaseRequest(book.preparer, book.id, Instant.now())
                .replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[64]) + "\"");
        long before = answeredAhead();

        HttpResponse<String> ahead = post(forged, null);
        HttpResponse<String> byController = post(forged, WEIGHTED);

        assertThat(ahead.statusCode()).isEqualTo(403).isEqualTo(byController.statusCode());
        assertThat(ahead.body()).contains("lease.signature.invalid").isEqualTo(byController.body());
        assertThat(AheadOfMvc.headers(ahead)).isEqualTo(AheadOfMvc.headers(byController));
        assertThat(AheadOfMvc.headers(ahead)).containsEntry("content-type", List.of("application/problem+json"));
        assertThat(answeredAhead()).isEqualTo(before);
        // nothing is held: the book's writer gets the lease at once
        assertThat(client.lease(book.reviewer, book.id, 0).status()).isEqualTo(200);
    }

    private HttpResponse<String> post(String body, String accept) throws Exception {
        return AheadOfMvc.post(port, "/api/books/" + book.id + "/lease?wait=5", body, accept);
    }

    private long answeredAhead() {
        return filters.stream().map(FilterRegistrationBean::getFilter)
                .filter(LeasePosts.class::isInstance).map(LeasePosts.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("LeasePosts is not registered"))
                .answered();
    }

    private HttpResponse<String> release(String lease) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/books/" + book.id
                + "/lease/" + lease)).DELETE().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
