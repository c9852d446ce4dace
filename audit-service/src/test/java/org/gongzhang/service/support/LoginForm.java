package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login page's form as a browser submits it: the CSRF token read from the page, then the name
 * and password posted with it through the browser's client (its cookies keep the session).
 */
public final class LoginForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private LoginForm() {
    }

    /** The CSRF token of the form on {@code page}, form-encoded; fails the test when the page carries none. */
    public static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    /**
     * Opens {@code /login} and submits its form with {@code username} and {@code password} as sent
     * (form-encoded by the caller where they need it); answers the login's own answer, a redirect.
     */
    public static HttpResponse<String> submit(HttpClient browser, int port, String username, String password)
            throws IOException, InterruptedException {
        String form = browser.send(HttpRequest.newBuilder(uri(port)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String body = "username=" + username + "&password=" + password + "&_csrf=" + csrf(form);
        return browser.send(HttpRequest.newBuilder(uri(port))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port) {
        return URI.create("http://localhost:" + port + "/login");
    }
}
