package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which JSON posts a filter may answer ahead of Spring MVC, by their Content-Type and Accept headers. */
class JsonBodiesTest {

    @ParameterizedTest(name = "Content-Type [{0}] taken: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "application/json | true",
            "Application/JSON | true",
            "application/json; charset=UTF-8 | true",
            "application/json;charset=\"utf-8\" | true",
            "application/json; charset=ISO-8859-1 | false",
            "application/json; charset=utf-8; x=1 | false",
            "application/problem+json | false",
            "text/plain | false",
            "NULL | false"})
    void takesJsonInUtf8Only(String contentType, boolean taken) {
        assertThat(JsonBodies.isUtf8Json(contentType)).isEqualTo(taken);
    }

    @ParameterizedTest(name = "Accept [{0}] taken: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | true",
            "*/* | true",
            "application/json | true",
            "application/json, */* | true",
            "application/* | true",
            "application/json;q=0.9 | false",
            "text/html | false",
            "application/json, text/html | false",
            "application/problem+json | false"})
    void leavesAnyNegotiationToTheController(String accept, boolean taken) {
        assertThat(JsonBodies.takesJson(accept)).isEqualTo(taken);
    }
}
