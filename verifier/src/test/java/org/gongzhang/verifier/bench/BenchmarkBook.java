package org.gongzhang.verifier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.TestSigner;

/**
 * A large valid book for the verify benchmark: a genesis entry, then vouchers recorded, reviewed
 * and posted, every signer in one suite. Voucher payloads look like a compound's daily income and
 * expenses (two to four lines, an attachment, Chinese summaries). Signing is sequential because
 * each entry cites the hash of the signed entry before it.
 */
final class BenchmarkBook {

    static final String BOOK = "lanyuan-public";

    private static final String[][] POSTINGS = {
        {"收3月停车费", "100201", "470101"},
        {"收2号楼电梯广告费", "100201", "470102"},
        {"付电梯年检费", "540101", "100201"},
        {"付公共区域保洁费", "540102", "100201"},
    };

    private final TestSigner preparer;
    private final TestSigner reviewer;
    private final TestSigner auditor;
    private final Consumer<SignedEntry> entries;
    private long size;
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");
    private String head = SignedEntry.GENESIS_PREV;

    private BenchmarkBook(SignatureSuite suite, Consumer<SignedEntry> entries) {
        preparer = TestSigner.generate("agent:li-na", Role.AGENT_PREPARER, suite, "李娜");
        reviewer = TestSigner.generate("agent:wang-fang", Role.AGENT_REVIEWER, suite, "王芳");
        auditor = TestSigner.generate("xinhe:zhao-min", Role.COMMUNITY_AUDITOR, suite, "赵敏");
        this.entries = entries;
    }

    /** A book of exactly {@code size} entries signed in {@code suite}. */
    static List<SignedEntry> of(SignatureSuite suite, int size) {
        List<SignedEntry> entries = new ArrayList<>();
        write(suite, size, entries::add);
        return List.copyOf(entries.subList(0, size));
    }

    /**
     * Signs a book of {@code size} entries in {@code suite} and hands each entry to {@code entries} as
     * it is signed, keeping none: memory does not grow with the size.
     */
    static void write(SignatureSuite suite, long size, Consumer<SignedEntry> entries) {
        long[] written = {0};
        BenchmarkBook book = new BenchmarkBook(suite, entry -> {
            if (written[0]++ < size) {
                entries.accept(entry);
            }
        });
        if (size > 0) {
            book.append(book.preparer, "book.opened", book.genesisPayload());
        }
        for (long voucher = 0; book.size < size; voucher++) {
            book.postVoucher(voucher);
        }
    }

    /**
     * The entries of {@code vouchers} vouchers (recorded, reviewed, posted) with their signers' keys, for
     * the bare signature rate: distinct signatures over distinct entries, as a bundle holds them. (The
     * same few signatures verified again and again run a few per cent faster than a book's: the
     * processor learns their branches.)
     */
    static List<Sample> samples(SignatureSuite suite, int vouchers) {
        List<SignedEntry> entries = new ArrayList<>();
        BenchmarkBook book = new BenchmarkBook(suite, entries::add);
        List<Sample> samples = new ArrayList<>();
        for (int voucher = 0; voucher < vouchers; voucher++) {
            List<PublicKey> signers = book.postVoucher(voucher);
            for (int i = 0; i < signers.size(); i++) {
                samples.add(new Sample(entries.get(3 * voucher + i), signers.get(i)));
            }
        }
        return List.copyOf(samples);
    }

    /** An entry's signed bytes, its signature and the key it verifies under. */
    record Sample(byte[] message, byte[] signature, PublicKey publicKey) {
        Sample(SignedEntry entry, PublicKey publicKey) {
            this(entry.signedBytes(), entry.signatureBytes(), publicKey);
        }
    }

    /** Appends voucher {@code number} recorded, reviewed and posted; returns the three signers' public keys. */
    private List<PublicKey> postVoucher(long number) {
        String voucherId = new UUID(0x6c616e7975616e00L, number).toString();
        append(preparer, "voucher.recorded", voucherPayload(voucherId, number));
        append(reviewer, "voucher.reviewed", ref(voucherId));
        append(preparer, "voucher.posted", ref(voucherId));
        return List.of(preparer.key().publicKey(), reviewer.key().publicKey(), preparer.key().publicKey());
    }

    private void append(TestSigner signer, String kind, ObjectNode payload) {
        clock = clock.plus(Duration.ofSeconds(37));
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode()
                .put("format", 1).put("book", BOOK).put("index", size).put("prev", head).put("kind", kind)
                .put("actor", signer.actor()).put("role", signer.role().name()).put("keyId", signer.key().keyId())
                .put("suite", signer.key().suite().id()).put("custodial", false)
                .put("submission", new UUID(0x7375626d00000000L, size).toString())
                .put("recordedAt", clock.toString())
                .put("businessDate", LocalDate.ofInstant(clock, ZoneOffset.UTC).toString());
        envelope.set("payload", payload);
        SignedEntry entry = SignedEntry.sign(envelope, signer.key());
        entries.accept(entry);
        size++;
        head = entry.hash();
    }

    private static ObjectNode ref(String voucherId) {
        return CanonicalJson.mapper().createObjectNode().put("voucherId", voucherId);
    }

    private static ObjectNode voucherPayload(String voucherId, long number) {
        String[] posting = POSTINGS[(int) (number % POSTINGS.length)];
        String amount = (1000 + number % 90_000) + "." + String.format("%02d", number % 100);
        ObjectNode payload = ref(voucherId).put("word", "记").put("number", number + 1).put("date", "2026-03-15");
        payload.putObject("attachments").put("count", 1).putArray("files").addObject()
                .put("sha256", String.format("%064x", number * 2_654_435_761L)).put("name", posting[0] + "收据.pdf");
        payload.putNull("corrects");
        ArrayNode lines = payload.putArray("lines");
        int split = (int) (number % 3);
        if (split == 0) {
            lines.addObject().put("summary", posting[0]).put("account", posting[1]).put("debit", amount);
        } else {
            lines.addObject().put("summary", posting[0] + "（现金）").put("account", posting[1]).put("debit", "100.00");
            lines.addObject().put("summary", posting[0] + "（转账）").put("account", posting[1])
                    .put("debit", subtract(amount, "100.00"));
        }
        lines.addObject().put("summary", posting[0]).put("account", posting[2]).put("credit", amount);
        return payload;
    }

    private static String subtract(String amount, String minus) {
        return new BigDecimal(amount).subtract(new BigDecimal(minus)).toPlainString();
    }

    private ObjectNode genesisPayload() {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        payload.putObject("compound").put("id", "lanyuan").put("name", "兰园小区");
        payload.putObject("community").put("id", "xinhe").put("name", "新河社区");
        payload.putObject("street").put("id", "beishan").put("name", "北山街道");
        payload.put("fund", "PUBLIC_INCOME").put("name", "兰园小区公共收益账套").put("startPeriod", "2026-03");
        ArrayNode accounts = payload.putArray("accounts");
        account(accounts, "1002", "银行存款", null, "DEBIT");
        account(accounts, "100201", "基本户", "1002", "DEBIT");
        account(accounts, "4701", "公共收益", null, "CREDIT");
        account(accounts, "470101", "停车费收入", "4701", "CREDIT");
        account(accounts, "470102", "广告费收入", "4701", "CREDIT");
        account(accounts, "5401", "公共支出", null, "DEBIT");
        account(accounts, "540101", "设施维护费", "5401", "DEBIT");
        account(accounts, "540102", "保洁费", "5401", "DEBIT");
        ArrayNode keys = payload.putArray("keys");
        List.of(preparer, reviewer, auditor).forEach(signer -> keys.add(signer.registration()));
        return payload;
    }

    private static void account(ArrayNode accounts, String code, String name, String parent, String direction) {
        accounts.addObject().put("code", code).put("name", name).put("parent", parent).put("direction", direction);
    }
}
