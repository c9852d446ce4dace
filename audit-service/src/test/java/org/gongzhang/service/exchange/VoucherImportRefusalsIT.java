package org.gongzhang.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.service.exchange.ExchangeBooks.CSV;
import static org.gongzhang.service.exchange.ExchangeBooks.DEMO;
import static org.gongzhang.service.exchange.ExchangeBooks.PREPARER;
import static org.gongzhang.service.exchange.ExchangeBooks.REVIEWER;
import static org.gongzhang.service.exchange.ExchangeBooks.XLSX;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.reporting.exchange.ExchangeFormat;
import org.gongzhang.reporting.exchange.PlannedVoucher;
import org.gongzhang.reporting.exchange.SheetRow;
import org.gongzhang.reporting.exchange.ExchangeQueries;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.gongzhang.service.attachment.AttachmentStore;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.RowFault;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports the service refuses: a file imported twice, vouchers the book holds, bad rows (each by
 * its row, in the caller's language), signers who may not sign; in every case nothing is written.
 * An import that another writer interrupts stops and says exactly what it wrote; so does one the
 * storage stops midway, and one it stops at the first entry is answered as the storage's failure.
 */
class VoucherImportRefusalsIT extends ExchangeIT {

    @Autowired
    ImportWriter writer;
    @Autowired
    LedgerIndex index;
    @Autowired
    ImportSigners importSigners;
    @Autowired
    ExchangeQueries exchange;
    @Autowired
    AttachmentStore attachments;
    @Autowired
    ImportRecords records;
    @Autowired
    Clock clock;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReadModelNudge nudge;
    @Autowired
    VoucherImports imports;

    @Test
    void aFileIsImportedIntoABookOnlyOnce() {
        byte[] firstMonth = firstMonth("csv");
        String book = books.openLike(DEMO);
        assertThat(books.importFile(book, firstMonth, CSV, "zh-CN").status()).isEqualTo(201);
        long size = books.size(book);

        Answer again = books.importFile(book, firstMonth, CSV, "en");
        Answer sameVouchersAsXlsx = books.importFile(book, firstMonth("xlsx"), XLSX, "en");
        Answer demoIntoItself = books.importFile(DEMO, firstMonth, CSV, "zh-CN");

        JsonNode duplicate = assertProblem(again, 409, "import.file.duplicate", "");
        assertThat(duplicate.get("detail").asText()).startsWith("The same file (SHA-256 " + Digests.sha256Hex(firstMonth));
        assertThat(duplicate.get("importId").asText()).isEqualTo(books.imports(book).get(0).get("importId").asText());
        JsonNode held = assertProblem(sameVouchersAsXlsx, 409, "import.vouchers.exist", "");
        List<SheetRow> rows = ExchangeFormat.CSV.read(firstMonth);
        assertThat(held.get("errors")).hasSize(VoucherExchangeIT.vouchers(rows).size())
                .allSatisfy(e -> assertThat(e.get("code").asText()).isEqualTo("import.voucher.exists"));
        assertThat(held.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(held.get("errors").get(0).get("message").asText()).startsWith("This book already holds voucher ");
        assertProblem(demoIntoItself, 409, "import.vouchers.exist", "");
        assertThat(books.size(book)).isEqualTo(size);
        assertThat(books.imports(book)).hasSize(1);
    }

    @Test
    void aCheckAnswersACleanFilesVouchersOrEveryBadRowAndWritesNothing() {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        long size = books.size(book);
        String check = "/api/books/" + book + "/imports/vouchers/check?fileName=first-month.csv";

        Answer clean = client.as("li-na").postBytes(check, file, CSV, "zh-CN");
        Answer reviewer = client.as("wang-qiang").postBytes(check, file, CSV, "en");
        Answer bad = client.as("li-na").postBytes(check, (new String(file, StandardCharsets.UTF_8)
                .replaceFirst("100201", "100209")).getBytes(StandardCharsets.UTF_8), CSV, "en");

        assertThat(clean.status()).as(clean.body()).isEqualTo(200);
        JsonNode preview = clean.json();
        assertThat(preview.get("fileSha256").asText()).isEqualTo(Digests.sha256Hex(file));
        assertThat(preview.get("fileName").asText()).isEqualTo("first-month.csv");
        assertThat(preview.get("vouchers")).hasSize(VoucherExchangeIT.vouchers(ExchangeFormat.CSV.read(file)).size());
        JsonNode first = preview.get("vouchers").get(0);
        assertThat(first.get("firstRow").asInt()).isEqualTo(2);
        assertThat(first.get("voucher").asText()).matches("[记收付转]-1");
        assertThat(first.at("/lines/0/account").asText()).isEqualTo("100201");
        assertThat(first.at("/lines/0/debit").asText()).matches("[0-9]+\\.[0-9]{2}");
        assertThat(first.get("reverses").isNull()).isTrue();
        assertProblem(reviewer, 403, "access.role", "");
        JsonNode refused = assertProblem(bad, 422, "import.invalid", "");
        assertThat(refused.get("errors").get(0).get("message").asText()).isEqualTo("Account 100209 is not in this book's chart of accounts.");
        assertThat(books.size(book)).isEqualTo(size);
        assertThat(books.imports(book)).isEmpty();
    }

    @Test
    void oneBadRowAmongGoodOnesIsRefusedWithItsRowAndNothingIsWritten() {
        String text = new String(books.exportYear(DEMO, "csv").body(), StandardCharsets.UTF_8);
        String[] records = text.split("\r\n");
        String[] row10 = records[9].split(",", -1);
        row10[7] = row10[7].isEmpty() ? "" : "12a";
        row10[8] = row10[8].isEmpty() ? "" : "12a";
        records[9] = String.join(",", row10);
        byte[] bad = (String.join("\r\n", records) + "\r\n").getBytes(StandardCharsets.UTF_8);
        String column = row10[7].isEmpty() ? "I" : "H";
        String book = books.openLike(DEMO);
        long size = books.size(book);

        Answer zh = books.importFile(book, bad, CSV, "zh-CN");
        Answer en = books.importFile(book, bad, CSV, "en");

        JsonNode problem = assertProblem(zh, 422, "import.invalid", "");
        assertThat(problem.get("detail").asText()).isEqualTo("文件中有 1 处问题，未导入任何凭证；请按 errors 所列行号改正后重新导入。");
        JsonNode error = problem.get("errors").get(0);
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(error.get("row").asInt()).isEqualTo(10);
        assertThat(error.get("column").asText()).isEqualTo(column);
        assertThat(error.get("field").asText()).isEqualTo(column.equals("H") ? "借方金额" : "贷方金额");
        assertThat(error.get("code").asText()).isEqualTo("import.amount.malformed");
        assertThat(error.get("message").asText()).isEqualTo("金额“12a”无效，应为不带千分位的数字，如 12345.67。");
        JsonNode english = assertProblem(en, 422, "import.invalid", "");
        assertThat(english.get("detail").asText()).startsWith("The file has 1 problem(s); no voucher was imported.");
        assertThat(english.get("errors").get(0).get("message").asText())
                .isEqualTo("The amount \"12a\" is not valid; write it without thousands separators, e.g. 12345.67.");
        assertNothingWritten(book, size, bad);
    }

    @Test
    void badRowsOfAnXlsxFileAreListedByRowAsExcelShowsThem() throws IOException {
        byte[] bad;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(books.exportYear(DEMO, "xlsx").body()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            sheet.getRow(4).getCell(5).setCellValue("9999");
            sheet.getRow(7).getCell(1).setCellValue("现");
            workbook.write(out);
            bad = out.toByteArray();
        }
        String book = books.openLike(DEMO);
        long size = books.size(book);

        JsonNode problem = assertProblem(books.importFile(book, bad, XLSX, "en"), 422, "import.invalid", "");

        assertThat(problem.get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("field").asText() + " "
                + e.get("code").asText()).containsExactly("5 科目代码 import.account.unknown", "8 凭证字 import.word.invalid");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("Account 9999 is not in this book's chart of accounts.");
        assertNothingWritten(book, size, bad);
    }

    @Test
    void filesThatCannotBeReadAreRefusedAtRowOne() {
        String book = books.openLike(DEMO);
        long size = books.size(book);
        String withoutBom = new String(firstMonth("csv"), StandardCharsets.UTF_8).substring(1);
        byte[] gbk = withoutBom.getBytes(Charset.forName("GBK"));

        JsonNode empty = assertProblem(books.importFile(book, new byte[0], CSV, "zh-CN"), 422, "import.invalid", "");
        JsonNode notUtf8 = assertProblem(books.importFile(book, gbk, CSV, "zh-CN"), 422, "import.invalid", "");

        assertThat(empty.get("errors").get(0).get("code").asText()).isEqualTo("import.file.empty");
        assertThat(notUtf8.get("errors").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(notUtf8.get("errors").get(0).get("message").asText()).contains("CSV UTF-8");
        assertThat(books.size(book)).isEqualTo(size);
    }

    @Test
    void theSignersAreTwoLoggedInPeopleWithKeysRegisteredInTheBook() {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        long size = books.size(book);

        assertProblem(books.importFile(book, file, CSV, "zh-CN", "li-na", "li-na"), 403, "access.same-person", "");
        assertProblem(books.importFile(book, file, CSV, "zh-CN", "li-na", "zhao-min"), 403, "access.role", "");
        assertProblem(books.importFile(book, file, CSV, "zh-CN", "lanyuan-owner", "wang-qiang"), 403, "access.role", "");
        JsonNode unregistered = assertProblem(books.importFile(book, file, CSV, "en", "chen-jie", "wang-qiang"), 403,
                "import.actor.not-registered", "preparer");
        assertThat(unregistered.get("detail").asText()).contains("agent:chen-jie", book);
        assertProblem(client.postBytes("/api/books/" + book + "/imports/vouchers", file, CSV, "en"), 401,
                "auth.required", "");
        assertProblem(client.as("li-na").postBytes("/api/books/" + book + "/imports/vouchers", file, CSV, "en"), 401,
                "auth.second-person.required", "");
        Answer longName = client.as("li-na").postBytes("/api/books/" + book + "/imports/vouchers?fileName="
                + "x".repeat(201), file, CSV, "en", "Reviewer-Authorization", "Bearer " + client.as("wang-qiang").token());
        assertProblem(longName, 422, "import.file.name-too-long", "fileName");
        assertNothingWritten(book, size, file);
        assertThat(client.get("/api/books/no-such-book/imports").status()).isEqualTo(404);
        assertThat(books.importFile("no-such-book", file, CSV, "en").status()).isEqualTo(404);
    }

    @Test
    void anImportInterruptedByAnotherWriterSaysExactlyWhichVouchersItWrote() throws Exception {
        byte[] year = books.exportYear(DEMO, "csv").body();
        List<SheetRow> rows = ExchangeFormat.CSV.read(year);
        String book = books.openLike(DEMO);
        books.awaitReadModel(book);
        long opened = books.size(book);

        CompletableFuture<Answer> running = CompletableFuture.supplyAsync(() -> books.importFile(book, year, CSV, "en"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> books.size(book) >= opened + 7);
        recordDraftVoucherAtTheHead(book);
        Answer answer = running.get(120, TimeUnit.SECONDS);

        JsonNode problem = assertProblem(answer, 409, "import.partial", "");
        JsonNode written = problem.get("written");
        int vouchers = VoucherExchangeIT.vouchers(rows).size();
        assertThat(written.size()).isBetween(2, vouchers - 1);
        assertThat(problem.get("stoppedBy").get("code").asText()).isIn("entry.index.stale", "entry.prev.mismatch");
        JsonNode record = books.imports(book).get(0);
        assertThat(record.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(record.get("written").asInt()).isEqualTo(written.size());
        assertThat(record.get("importId").asText()).isEqualTo(problem.get("importId").asText());
        assertThat(record.get("firstEntryIndex").asLong()).isEqualTo(opened);
        assertThat(record.get("lastEntryIndex").asLong()).isEqualTo(problem.get("lastEntryIndex").asLong());

        int lastWrittenRow = written.get(written.size() - 1).get("lastRow").asInt();
        List<SheetRow> exported = ExchangeFormat.CSV.read(books.exportYear(book, "csv").body());
        assertThat(cells(exported)).as("the book's posted vouchers are the written ones")
                .isEqualTo(cells(rows.subList(0, lastWrittenRow)));
        JsonNode unfinished = problem.path("unfinished");
        if (!unfinished.isMissingNode()) {
            assertThat(unfinished.get("firstRow").asInt()).isEqualTo(lastWrittenRow + 1);
            JsonNode voucher = client.get("/api/books/" + book + "/reports/vouchers/" + unfinished.get("voucherId").asText()).json();
            assertThat(voucher.get("voucher").get("status").asText()).isEqualTo(unfinished.get("status").asText());
        }
        assertProblem(books.importFile(book, year, CSV, "en"), 409, "import.file.duplicate", "");
    }

    /**
     * The database refusing the first entry is the storage's failure, not a conflict: 500 in the
     * caller's language as for any request that stored nothing, no import recorded, and the same
     * file imported once the storage works again.
     */
    @Test
    void aStorageFailureAtTheFirstEntryIsAnsweredAsTheServicesAndTheFileMaySimplyBeSentAgain() {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        books.awaitReadModel(book);
        long size = books.size(book);
        Answer failed;
        try (RowFault fault = RowFault.refuse(schemaOwner(), "ledger_entry", "before insert", book)) {
            failed = books.importFile(book, file, CSV, "zh-CN");
        }

        JsonNode problem = assertProblem(failed, 500, "service.storage.failed", "");
        assertThat(problem.get("detail").asText()).isEqualTo("服务未能保存本次请求，请求的任何内容均未保留。请重试；如仍失败，请联系运维人员。");
        assertThat(failed.body()).doesNotContain("row refused");
        assertThat(books.size(book)).isEqualTo(size);
        assertThat(books.imports(book)).isEmpty();
        assertThat(books.importFile(book, file, CSV, "zh-CN").status()).isEqualTo(201);
    }

    /**
     * The database refusing an entry midway (here the 8th: voucher 3's review) stops the import as
     * partial, with the vouchers before it written and posted, and the reason in the caller's
     * language, not the database's words.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zh-CN | 服务未能保存这一条目（存储故障），它和此后的凭证都未写入。请稍后在账套页查看；如仍失败，请联系运维人员。",
        "en    | The service could not store this entry (a storage failure); it and the vouchers after it were not written. Check the book later, and tell the operator if it persists."})
    void aStorageFailureMidwayStopsTheImportAsPartialInTheCallersWords(String language, String reason) {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        books.awaitReadModel(book);
        long opened = books.size(book);
        Answer answer;
        try (RowFault fault = RowFault.refuse(schemaOwner(), "ledger_entry", "before insert", book,
                "new.entry_index >= " + (opened + 7))) {
            answer = books.importFile(book, file, CSV, language);
        }

        JsonNode problem = assertProblem(answer, 409, "import.partial", "");
        assertThat(problem.get("written")).hasSize(2);
        assertThat(problem.get("unfinished").get("status").asText()).isEqualTo("RECORDED");
        assertThat(problem.get("stoppedBy").get("code").asText()).isEqualTo("import.write.failed");
        assertThat(problem.get("stoppedBy").get("detail").asText()).isEqualTo(reason);
        assertThat(answer.body()).doesNotContain("row refused");
        assertThat(books.size(book)).isEqualTo(opened + 7);
        JsonNode record = books.imports(book).get(0);
        assertThat(record.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(record.get("written").asInt()).isEqualTo(2);
    }

    /**
     * A voucher the book refuses in the middle of a chunk (one transaction of 25 vouchers): the
     * chunk is rolled back and written again entry by entry, so the vouchers before the refused one
     * are written and posted, writing stops at it, and nothing after it is stored.
     */
    @Test
    void aVoucherRefusedInsideAChunkStopsTheWritingThereWithEveryVoucherBeforeItWritten() {
        String book = books.openLike(DEMO);
        long opened = books.size(book);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<PlannedVoucher> vouchers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String cash = i == 5 ? "100299" : "100201"; // 100299 is not in the book's chart
            vouchers.add(new PlannedVoucher(2 + i, 2 + i, today, VoucherWord.SHOU, i + 1, 0, List.of(
                    new VoucherLine("收临时停车费", AccountCode.of(cash), Side.DEBIT, Money.parse("10.00")),
                    new VoucherLine("收临时停车费", AccountCode.of("470101"), Side.CREDIT, Money.parse("10.00"))), null));
        }
        ImportSigners.Signers signers = new ImportSigners.Signers(keys.find(PREPARER, Role.AGENT_PREPARER).orElseThrow(),
                keys.find(REVIEWER, Role.AGENT_REVIEWER).orElseThrow());

        ImportWriter.Outcome outcome = writer.write(vouchers, new ImportWriter.Source("ab".repeat(32), "chunk.csv"),
                signers, index.head(book).orElseThrow());

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.stoppedBy()).isInstanceOf(LedgerRefusal.class);
        assertThat(outcome.written()).extracting(ImportWriter.Written::voucher).isEqualTo(vouchers.subList(0, 5));
        assertThat(outcome.unfinished()).as("refused as it was recorded: nothing of it stored").isNull();
        assertThat(outcome.firstEntry()).isEqualTo(opened);
        assertThat(outcome.lastEntry()).isEqualTo(opened + 5 * 3 - 1);
        assertThat(books.size(book)).isEqualTo(opened + 5 * 3);
        books.awaitReadModel(book);
        for (ImportWriter.Written written : outcome.written()) {
            JsonNode voucher = client.get("/api/books/" + book + "/reports/vouchers/" + written.voucherId()).json();
            assertThat(voucher.get("voucher").get("status").asText()).isEqualTo("POSTED");
        }
        JsonNode verified = client.get("/api/books/" + book + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    /**
     * A file checked while the read model has not applied the book's last entry waits for it, and
     * past {@code ledger.exchange.read-model-wait} (here 300 ms) is refused as not current, with
     * nothing written; once the read model catches up, the same file passes.
     */
    @Test
    void aFileIsCheckedOnlyAgainstABookTheReadModelHasCaughtUpWith() {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        books.awaitReadModel(book);
        VoucherImports waitingBriefly = new VoucherImports(directory, index, importSigners, exchange, attachments,
                records, writer, clock, new ExchangeProperties(Duration.ofMillis(300)), nudge);
        VoucherImports.Upload upload = new VoucherImports.Upload(file, "text/csv", "month.csv");
        StreamingEventProcessor reporting = processing.eventProcessor(LedgerProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        long size;
        reporting.shutDown();
        try {
            books.recordDraftVoucher(book);
            size = books.size(book);

            assertThatThrownBy(() -> waitingBriefly.check(book, upload)).isInstanceOfSatisfying(LedgerRefusal.class,
                    refusal -> assertThat(refusal.code()).isEqualTo("import.book.not-current"));
        } finally {
            reporting.start();
        }

        assertThat(books.size(book)).isEqualTo(size);
        assertThat(books.imports(book)).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(waitingBriefly.check(book, upload).vouchers()).isNotEmpty());
    }

    /**
     * A check that waits for the read model tells it someone waits: its processor's next look for new
     * entries, up to 100 ms away when it had nothing to do, comes at once (a coordinator busy at that
     * moment has none pending, so a few entries are given the chance).
     */
    @Test
    void aCheckWaitingForTheReadModelBringsItsNextLookForward() {
        byte[] file = firstMonth("csv");
        String book = books.openLike(DEMO);
        books.awaitReadModel(book);
        VoucherImports.Upload upload = new VoucherImports.Upload(file, "text/csv", "month.csv");
        long before = nudge.broughtForward();

        for (int attempt = 0; attempt < 3 && nudge.broughtForward() == before; attempt++) {
            books.recordDraftVoucher(book);
            assertThat(imports.check(book, upload).vouchers()).isNotEmpty();
        }

        assertThat(nudge.broughtForward()).isGreaterThan(before);
    }

    /** Another writer appends at the head; while the import runs, its head moves, so it retries until it gets in. */
    private void recordDraftVoucherAtTheHead(String book) {
        for (int attempt = 0; ; attempt++) {
            try {
                books.recordDraftVoucher(book);
                return;
            } catch (LedgerRefusal refusal) {
                assertThat(refusal.kind()).isEqualTo(LedgerRefusal.Kind.CONFLICT);
                assertThat(attempt).as("attempts to get between the import's entries").isLessThan(200);
            }
        }
    }

    private void assertNothingWritten(String book, long size, byte[] file) {
        assertThat(books.size(book)).isEqualTo(size);
        assertThat(books.imports(book)).isEmpty();
        assertThat(client.get("/api/books/" + book + "/attachments/" + Digests.sha256Hex(file)).status()).isEqualTo(404);
    }

    /** The demo's vouchers of its first period. */
    private byte[] firstMonth(String format) {
        books.awaitReadModel(DEMO);
        String start = books.startPeriod(DEMO);
        return client.download("/api/books/" + DEMO + "/exports/vouchers." + format + "?from=" + start + "&to=" + start)
                .body();
    }

    private static List<List<String>> cells(List<SheetRow> rows) {
        return rows.stream().map(SheetRow::cells).toList();
    }
}
