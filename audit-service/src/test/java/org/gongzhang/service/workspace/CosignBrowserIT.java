package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 见证签名 from the browser: a community auditor whose browser key the town officer enrolled cosigns
 * the book's latest checkpoint as a C2SP tlog-cosignature/v1, after checking in the page the
 * consistency proof from the size they cosigned last; a checkpoint that does not extend what this
 * browser remembers is not signed. The offline verifier counts the cosignature as the book's own
 * auditor's.
 */
class CosignBrowserIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Test
    void theAuditorCosignsFromTheBrowserAfterCheckingConsistencyAndRefusesACheckpointThatDoesNotExtendTheLast()
            throws Exception {
        String username = NewStaff.create(client, "COMMUNITY_AUDITOR", "COMMUNITY", "xinhe", "测试见证审核员");
        String actor = "community:" + username;
        try (Browser auditor = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            String keyId = makeKey(auditor, username);
            LedgerClient.Answer enrolled = client.as("sun-hao").post("/api/books/" + BOOK + "/members",
                    "{\"username\":\"" + username + "\",\"role\":\"COMMUNITY_AUDITOR\",\"keyId\":\"" + keyId + "\"}", "en");
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
            NoteVerifierKey witness = NoteVerifierKey.cosigner(actor, SignatureSuite.ED25519.publicKey(
                    Base64.getDecoder().decode((String) auditor.asyncScript(READ_PUBLIC_KEY, username))));

            long first = signCheckpoint();
            cosignInTheBrowser(auditor, "已核对并见证签名：" + first + " 条条目的检查点。");
            assertThat(checkpoint(first).isSignedBy(witness)).as("the first cosignature").isTrue();
            auditor.assertAccessible();

            TestBook shape = new TestBook(client, SignatureSuite.ED25519);
            client.as("li-na").post("/api/books/" + BOOK + "/vouchers", """
                    {"word":"收","date":"%s","lines":[
                     {"summary":"收临时停车费","account":"100201","debit":"5.00"},
                     {"summary":"收临时停车费","account":"470101","credit":"5.00"}]}""".formatted(shape.today), "en");
            long second = signCheckpoint();
            assertThat(second).isGreaterThan(first);
            cosignInTheBrowser(auditor, "已核对并见证签名：" + second + " 条条目的检查点。");
            assertThat(checkpoint(second).isSignedBy(witness)).as("cosigned after the consistency proof").isTrue();
            assertThat(auditor.requestsSent()).anyMatch(r -> r.contains("/proofs/consistency?from=" + first + "&to=" + second));

            Path bundle = Files.createTempFile("cosigned", ".zip");
            Files.write(bundle, client.getBytes("/api/books/" + BOOK + "/bundle"));
            Cli verify = Cli.run("verify", bundle.toString(), "--log-key", client.get("/api/log-key").body().strip());
            assertThat(verify.exit()).as(verify.toString()).isZero();
            assertThat(verify.out()).contains(actor);

            auditor.asyncScript(FORGE_MEMORY, username, "cosigned " + BOOK, second);
            client.as("li-na").post("/api/books/" + BOOK + "/vouchers", """
                    {"word":"收","date":"%s","lines":[
                     {"summary":"收临时停车费","account":"100201","debit":"6.00"},
                     {"summary":"收临时停车费","account":"470101","credit":"6.00"}]}""".formatted(shape.today), "en");
            long third = signCheckpoint();
            cosignInTheBrowser(auditor, "拒绝签名：最新检查点不是您在 " + second + " 条时见证的那个的延续（分叉视图）。");
            assertThat(checkpoint(third).isSignedBy(witness)).as("nothing signed over a history it did not see").isFalse();
            assertThat(auditor.requestsSent()).noneMatch(r -> r.contains("PRIVATE KEY"));
        }
    }

    /** Reads this browser's public key (base64 SPKI) for the person from IndexedDB. */
    private static final String READ_PUBLIC_KEY = """
            const done = arguments[arguments.length - 1];
            const open = indexedDB.open('gongzhang-keys', 1);
            open.onsuccess = () => {
              const get = open.result.transaction('keys').objectStore('keys').get(arguments[0]);
              get.onsuccess = () => done(get.result.publicKey);
            };""";

    /** Makes this browser remember having cosigned a different history at the given size. */
    private static final String FORGE_MEMORY = """
            const done = arguments[arguments.length - 1];
            const open = indexedDB.open('gongzhang-keys', 1);
            open.onsuccess = () => {
              const tx = open.result.transaction('keys', 'readwrite');
              tx.objectStore('keys').put({size: arguments[2], root: btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))},
                  arguments[0] + '\\n' + arguments[1]);
              tx.oncomplete = () => done('forged');
            };""";

    private void cosignInTheBrowser(Browser auditor, String expected) {
        auditor.go("/staff/books/" + BOOK + "/cosign");
        auditor.find(By.cssSelector("button[data-cosign-now]")).click();
        auditor.waitUntil(d -> auditor.text(By.cssSelector("[data-cosign] .form-status")).equals(expected));
    }

    private String makeKey(Browser browser, String username) {
        browser.go("/staff/keys").logIn(username);
        browser.go("/staff/keys");
        browser.type(By.id("key-label"), "见证用浏览器");
        browser.find(By.cssSelector("button[data-create-key]")).click();
        browser.waitUntil(d -> browser.find(By.cssSelector("[data-key-present]")).isDisplayed());
        return browser.text(By.cssSelector("[data-key-id]"));
    }

    private long signCheckpoint() {
        LedgerClient.Answer answer = client.as("zhao-min").post("/api/books/" + BOOK + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }

    private SignedNote checkpoint(long size) {
        return SignedNote.parse(client.get("/api/books/" + BOOK + "/checkpoints/" + size).body());
    }
}
