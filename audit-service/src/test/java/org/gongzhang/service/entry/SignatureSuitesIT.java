package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Books kept with either suite are accepted, stored verbatim and verify. */
class SignatureSuitesIT extends ServiceIT {

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void bookSignedWithTheSuiteIsAcceptedAndVerifies(SignatureSuite suite) {
        TestBook book = TestBook.open(client, suite);
        book.postVoucher(book.parkingVoucher("1409.50"));
        JsonNode last = client.get("/api/books/" + book.id + "/entries/" + (book.size() - 1)).json();
        assertThat(last.get("entry").get("suite").asText()).isEqualTo(suite.id());
        JsonNode report = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("entries").asLong()).isEqualTo(5);
    }
}
