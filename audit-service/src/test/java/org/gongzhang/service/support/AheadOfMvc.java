package org.gongzhang.service.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhang.service.web.InputScreening;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * For the tests of posts answered ahead of Spring MVC ({@code BookPostAhead}): the same request
 * answered by a filter and by its controller must not differ.
 */
public final class AheadOfMvc {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AheadOfMvc() {
    }

    /** A JSON post of {@code body} to {@code uri}, as a filter sees it. */
    public static MockHttpServletRequest jsonPost(String uri, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** InputScreening, then {@code filter}, then a servlet standing for the controller, which sets {@code reached}. */
    public static MockFilterChain toController(Filter filter, AtomicBoolean reached) {
        HttpServlet controller = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                reached.set(true);
            }
        };
        return new MockFilterChain(controller, new InputScreening(), filter);
    }

    /** {@code body} posted as JSON in zh-CN to the service at {@code port}, with {@code accept} if not null. */
    public static HttpResponse<String> post(int port, String path, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Every header but the date and the body's framing, by lower-case name (a filter sends its short
     * answer with a Content-Length, the controller's writer in chunks).
     */
    public static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        return headers;
    }
}
