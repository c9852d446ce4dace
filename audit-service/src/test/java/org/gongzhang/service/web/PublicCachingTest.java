package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicCachingTest {

    @Test
    void publicPagesAndBundlesAreRevalidatedStaffPagesAndTheApiAreNot() {
        for (String path : new String[] {"/", "/public/books/lanyuan-public", "/public/books/b/statements/s-1",
            "/api/books/lanyuan-public/bundle", "/api/books/b/statements/s-1/bundle"}) {
            assertThat(PublicCaching.applies(new MockHttpServletRequest("GET", path))).as(path).isTrue();
        }
        for (String path : new String[] {"/staff", "/staff/books/b", "/login", "/api/books", "/api/books/b/head",
            "/api/books/b/bundle/extra", "/api/books/b/entries", "/publicity", "/api/session"}) {
            assertThat(PublicCaching.applies(new MockHttpServletRequest("GET", path))).as(path).isFalse();
        }
    }
}
