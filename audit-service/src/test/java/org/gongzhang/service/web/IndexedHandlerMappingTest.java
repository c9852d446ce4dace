package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which mappings the index puts before Spring for a path: every one that can match, few that cannot. */
class IndexedHandlerMappingTest {

    private final IndexedHandlerMapping.Index index = index("/a/{x}/c", "/a/b/{y}", "/a/b/{y}/e", "/a/{x}", "/files/{*rest}",
            "/css/**", "/r/{id}.pdf", "/r/{id}", "/r/list", "/{lang}/books", "/");

    @Test
    void aLiteralSegmentAlsoFollowsTheVariablesBranch() {
        assertThat(patterns("/a/b/c")).containsExactlyInAnyOrder("/a/{x}/c", "/a/b/{y}");
        assertThat(patterns("/a/z/c")).containsExactlyInAnyOrder("/a/{x}/c");
        assertThat(patterns("/a/b/q/e")).containsExactlyInAnyOrder("/a/b/{y}/e");
        assertThat(patterns("/a/b")).containsExactlyInAnyOrder("/a/{x}");
    }

    @Test
    void theNumberOfSegmentsMustFitButForTheRestOfThePath() {
        assertThat(patterns("/a/b/c/d")).isEmpty();
        assertThat(patterns("/nowhere")).isEmpty();
        assertThat(patterns("/files/x/y/z")).containsExactly("/files/{*rest}");
        assertThat(patterns("/files")).containsExactly("/files/{*rest}");
        assertThat(patterns("/css/site/main.css")).containsExactly("/css/**");
        assertThat(patterns("/a/q/")).as("a trailing slash is one more, empty, segment").isEmpty();
    }

    @Test
    void aSegmentMixingTextAndAVariableIsAnySegment() {
        assertThat(patterns("/r/7.pdf")).containsExactlyInAnyOrder("/r/{id}.pdf", "/r/{id}");
        assertThat(patterns("/en/books")).containsExactly("/{lang}/books");
    }

    @Test
    void whatTheIndexIsNotSureOfGoesToSpring() {
        assertThat(IndexedHandlerMapping.candidates(index, "/a/b%2Fc")).as("an escape").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/a;v=1/b")).as("a parameter").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/a//b")).as("an empty segment").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/r/list")).as("a fixed path, Spring's own fast case").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "/")).as("a fixed path").isNull();
        assertThat(IndexedHandlerMapping.candidates(index, "a/b")).as("no leading slash").isNull();
    }

    private List<String> patterns(String path) {
        return IndexedHandlerMapping.candidates(index, path).stream()
                .map(info -> info.getPatternValues().iterator().next()).toList();
    }

    private IndexedHandlerMapping.Index index(String... patterns) {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        for (String pattern : patterns) {
            RequestMappingInfo info = RequestMappingInfo.paths(pattern).options(options).build();
            try {
                handlers.put(info, new HandlerMethod(pattern, String.class.getMethod("toString")));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        return IndexedHandlerMapping.build(handlers);
    }
}
