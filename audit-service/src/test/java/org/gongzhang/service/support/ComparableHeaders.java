package org.gongzhang.service.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An answer's headers as two ways of answering the same request must agree on. */
public final class ComparableHeaders {

    private ComparableHeaders() {
    }

    /**
     * Every header but the date and the body's framing, by lower-case name (a filter answering ahead
     * of Spring MVC sends its short answer with a Content-Length, the controller's writer in chunks).
     */
    public static Map<String, List<String>> of(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        return headers;
    }
}
