package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The service's request mapping finds, for every path of every mapping it has (variables filled in)
 * and for paths it has not, with every method, the handler Spring's own full search finds, with the
 * same path variables and pattern, and fails where Spring fails; and it finds most of them through
 * its index, not by handing every request to Spring.
 */
class IndexedHandlerMappingIT extends ServiceIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void everyPathFindsTheHandlerSpringsFullSearchFinds() throws Exception {
        assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
        IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
        Map<RequestMappingInfo, HandlerMethod> handlers = indexed.getHandlerMethods();
        assertThat(handlers).hasSizeGreaterThan(100);
        IndexedHandlerMapping.Index index = IndexedHandlerMapping.build(handlers);

        // variables filled with made-up text and with every literal segment of every pattern, so that
        // a path follows a literal branch of the tree where its match is under "any", and the reverse
        Set<String> values = new LinkedHashSet<>(List.of("x1", "new"));
        for (RequestMappingInfo info : handlers.keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (String segment : pattern.split("/")) {
                    if (segment.matches("[\\w.-]+")) {
                        values.add(segment);
                    }
                }
            }
        }
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : handlers.keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (String value : values) {
                    paths.add(concrete(pattern, value));
                }
                paths.add(concrete(pattern, "x1") + "/extra");
                paths.add(concrete(pattern, "x1") + "/");
            }
        }
        paths.addAll(List.of("/", "/nowhere", "/api", "/api/", "/api/books/x%31/entries", "/api//books",
                "/api/books/x1;v=1/entries", "/API/books", "/books/lanyuan/statements"));
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

        int compared = 0;
        int throughIndex = 0;
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            if (IndexedHandlerMapping.candidates(index, path) != null) {
                throughIndex++;
            }
            for (String method : methods) {
                Outcome ours = lookUp(indexed, method, path, true);
                Outcome spring = lookUp(indexed, method, path, false);
                compared++;
                if (!ours.equals(spring)) {
                    differences.add(method + " " + path + ": index " + ours + ", Spring " + spring);
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(10_000);
        assertThat(throughIndex).as("paths the index answers itself, of %d", paths.size())
                .isGreaterThan(paths.size() / 2);
    }

    @Test
    void aRequestIsTestedOnlyAgainstTheMappingsAlongItsSegments() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        IndexedHandlerMapping.Index index = IndexedHandlerMapping.build(handlers);
        List<RequestMappingInfo> candidates = IndexedHandlerMapping.candidates(index, "/api/books/lanyuan/entries");
        assertThat(candidates).isNotNull();
        assertThat(candidates.size()).as("candidates of %d mappings", handlers.size()).isBetween(1, 8);
        assertThat(candidates).anySatisfy(info -> {
            assertThat(info.getPatternValues()).contains("/api/books/{book}/entries");
            assertThat(info.getMethodsCondition().getMethods()).contains(RequestMethod.POST);
        });
        assertThat(candidates).allSatisfy(info -> assertThat(info.getPatternValues()).anySatisfy(pattern ->
                assertThat(pattern).matches("/api/books/[^/]+/[^/]+|/api/books/[^/]+/\\{\\*.*|.*\\*\\*.*|/api/[^/]+/[^/]+/entries")));
        assertThat(IndexedHandlerMapping.candidates(index, "/api/books/x%31/entries")).as("escapes go to Spring").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/")).as("a fixed path goes to Spring").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/nowhere/at/all")).as("a path no pattern has").isEmpty();
    }

    /** What a lookup gave: the handler or the exception, the path variables and the pattern it matched. */
    private record Outcome(String handler, Object variables, Object pattern, String failure) {
    }

    private static Outcome lookUp(IndexedHandlerMapping mapping, String method, String path, boolean indexed) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            request.setContentType("application/json");
            request.setContent("{}".getBytes());
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerMethod found = indexed ? mapping.lookupHandlerMethod(path, request) : mapping.fullSearch(path, request);
            return new Outcome(Objects.toString(found), request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
                    Objects.toString(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)), null);
        } catch (Exception e) {
            return new Outcome(null, null, null, e.getClass().getName());
        }
    }

    /** {@code pattern} with {@code value} for each variable and one segment (or two, for {@code **}) for wildcards. */
    private static String concrete(String pattern, String value) {
        return pattern.replaceAll("\\{\\*[^}]*}", value + "/" + value)
                .replaceAll("\\{[^}]*}", value)
                .replace("**", value + "/" + value)
                .replace("*", value);
    }
}
