package org.gongzhang.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.crypto.Digests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attachments are stored once per book under their SHA-256, which vouchers cite. */
class AttachmentsIT extends ServiceIT {

    @Autowired
    AttachmentStore store;

    @Test
    void sameFileTwiceIsStoredOnceUnderItsDigest() throws Exception {
        TestBook book = TestBook.open(client);
        byte[] invoice = "数电票 24332000000012345678 停车场地使用费".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = upload(book.id, invoice);
        HttpResponse<String> second = upload(book.id, invoice);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains(Digests.sha256Hex(invoice));
        assertThat(store.count(book.id)).isEqualTo(1);
        assertThat(client.getBytes("/api/books/" + book.id + "/attachments/" + Digests.sha256Hex(invoice)))
                .isEqualTo(invoice);
    }

    @Test
    void emptyUploadAndUnknownBookAreRefused() throws Exception {
        TestBook book = TestBook.open(client);
        assertThat(upload(book.id, new byte[0]).statusCode()).isEqualTo(422);
        assertThat(upload("no-such-book", new byte[] {1}).statusCode()).isEqualTo(404);
        assertThat(store.count(book.id)).isZero();
    }

    @Test
    void voucherCitesAnAttachmentByDigest() {
        TestBook book = TestBook.open(client);
        String sha = store.store(book.id, "银行回单".getBytes(StandardCharsets.UTF_8), "text/plain").sha256();
        var voucher = book.parkingVoucher("88.00");
        var attachments = voucher.putObject("attachments").put("count", 2);
        attachments.putArray("files").addObject().put("sha256", sha).put("name", "银行回单.pdf");
        book.postVoucher(voucher);
        String stored = client.get("/api/books/" + book.id + "/entries/" + (book.size() - 3)).body();
        assertThat(stored).contains(sha);
    }

    @Test
    void voucherCitingAFileNeverUploadedIsRefused() {
        TestBook book = TestBook.open(client);
        var voucher = book.parkingVoucher("88.00");
        voucher.putObject("attachments").put("count", 1).putArray("files").addObject()
                .put("sha256", Digests.sha256Hex(new byte[] {42})).put("name", "发票.pdf");
        long before = book.size();
        var answer = client.submit(book.entry(book.preparer, "voucher.recorded", voucher), "en");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("voucher.attachment.not-stored");
        assertThat(answer.json().get("field").asText()).isEqualTo("entry.payload.attachments.files[0].sha256");
        assertThat(book.size()).isEqualTo(before);
    }

    private HttpResponse<String> upload(String book, byte[] content) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/books/" + book + "/attachments"))
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + client.as("zhao-min").token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
