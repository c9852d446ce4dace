package org.gongzhang.core.book;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.OpenBookCommand;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Test data for the book: three people with keys (李娜 prepares, 王强 reviews, 赵敏 audits for the
 * community), signed entries built at the log's head, and the commands that carry them. The clock
 * stands at 2026-04-02 10:00 Beijing time; the book starts in 2026-03. For statements and
 * objections there are more people, whose keys the auditor registers: an owner (业主, known by a
 * pseudonym), the committee chair and the service's clerk key; and a clock that {@link #dayIs}
 * moves, for the aggregates of {@link #aggregateOnMovingClock()}.
 */
final class BookFixtures {

    static final String BOOK = "lanyuan-public";
    static final Instant NOW = Instant.parse("2026-04-02T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String START = "2026-03";

    final SignatureSuite suite;
    final Signer preparer;
    final Signer reviewer;
    final Signer auditor;
    final Signer owner;
    final Signer chair;
    final Signer clerk;
    private final MovingClock clock = new MovingClock();
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<String, ObjectNode> drafts = new HashMap<>();
    private long index;
    private String prev = SignedEntry.GENESIS_PREV;

    BookFixtures(SignatureSuite suite) {
        this.suite = suite;
        this.preparer = signer("agent:li-na", Role.AGENT_PREPARER, "李娜");
        this.reviewer = signer("agent:wang-qiang", Role.AGENT_REVIEWER, "王强");
        this.auditor = signer("community:zhao-min", Role.COMMUNITY_AUDITOR, "赵敏");
        this.owner = signer("owner:7f3a9c1e", Role.OWNER, null);
        this.chair = signer("committee:sun-li", Role.COMMITTEE_CHAIR, "孙丽");
        this.clerk = signer("service:lanyuan-clerk", Role.SERVICE, "公账系统");
    }

    static BookFixtures ed25519() {
        return new BookFixtures(SignatureSuite.ED25519);
    }

    static AggregateTestFixture<Book> aggregate() {
        AggregateTestFixture<Book> fixture = new AggregateTestFixture<>(Book.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /** An aggregate whose clock is this fixture's, which {@link #dayIs} moves. */
    AggregateTestFixture<Book> aggregateOnMovingClock() {
        AggregateTestFixture<Book> fixture = new AggregateTestFixture<>(Book.class);
        fixture.registerInjectableResource(clock);
        return fixture;
    }

    /** Moves the clock to 10:00 Beijing time on {@code date}: entries built from now on are recorded and dated then. */
    void dayIs(String date) {
        clock.now = LocalDate.parse(date).atTime(10, 0).atZone(BusinessCalendar.ZONE).toInstant();
    }

    /** The service's clock as the fixture moves it. */
    private static final class MovingClock extends Clock {

        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the book reads instants only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A person holding one key for one role. */
    record Signer(String actor, Role role, SignatureSuite suite, KeyPair keys, String name) {

        String publicKey() {
            return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        }

        String keyId() {
            return PublicKeys.keyId(keys.getPublic().getEncoded());
        }

        ObjectNode grant() {
            return json().put("keyId", keyId()).put("actor", actor).put("role", role.name())
                    .put("suite", suite.id()).put("publicKey", publicKey()).put("name", name);
        }
    }

    Signer signer(String actor, Role role, String name) {
        return new Signer(actor, role, suite, suite.generateKeyPair(), name);
    }

    static ObjectNode json() {
        return CanonicalJson.mapper().createObjectNode();
    }


    ObjectNode genesisPayload() {
        ObjectNode p = json();
        p.putObject("compound").put("id", "lanyuan").put("name", "兰园小区");
        p.putObject("community").put("id", "xinhe").put("name", "新河社区");
        p.putObject("street").put("id", "beishan").put("name", "北山街道");
        p.put("fund", "PUBLIC_INCOME").put("name", "兰园小区公共收益账套").put("startPeriod", START);
        p.set("accounts", ChartOfAccounts.defaultPublicIncome().toPayload());
        p.putArray("keys").add(preparer.grant()).add(reviewer.grant()).add(auditor.grant());
        return p;
    }

    OpenBookCommand open() {
        return open(genesisPayload());
    }

    OpenBookCommand open(ObjectNode payload) {
        return new OpenBookCommand(new BookId(BOOK), entry(preparer, "book.opened", payload));
    }


    /** The envelope of the next entry, before signing; tests may change any field. */
    ObjectNode envelope(Signer signer, String kind, ObjectNode payload) {
        ObjectNode e = json().put("format", 1).put("book", BOOK).put("index", index).put("prev", prev)
                .put("kind", kind).put("actor", signer.actor()).put("role", signer.role().name())
                .put("keyId", signer.keyId()).put("suite", signer.suite().id()).put("custodial", false)
                .put("submission", UUID.randomUUID().toString()).put("recordedAt", clock.now.toString())
                .put("businessDate", BusinessCalendar.today(clock).toString());
        e.set("payload", payload);
        return e;
    }

    /** Signs an envelope as given, and moves the head past it. */
    SignedEntry sign(Signer signer, ObjectNode envelope) {
        byte[] bytes = CanonicalJson.canonicalize(envelope).getBytes(StandardCharsets.UTF_8);
        return advance(SignedEntry.of(envelope, signer.suite().sign(signer.keys().getPrivate(), bytes)));
    }

    SignedEntry entry(Signer signer, String kind, ObjectNode payload) {
        return sign(signer, envelope(signer, kind, payload));
    }

    SignedEntry entry(Signer signer, String kind, ObjectNode payload, Consumer<ObjectNode> change) {
        ObjectNode envelope = envelope(signer, kind, payload);
        change.accept(envelope);
        return sign(signer, envelope);
    }

    /** An entry whose signature covers other bytes than the entry. */
    SignedEntry forged(Signer signer, String kind, ObjectNode payload) {
        ObjectNode envelope = envelope(signer, kind, payload);
        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        return advance(SignedEntry.of(envelope, signer.suite().sign(signer.keys().getPrivate(), other)));
    }

    private SignedEntry advance(SignedEntry entry) {
        index++;
        prev = entry.hash();
        leaves.add(entry.leafHash());
        return entry;
    }

    AppendEntryCommand append(SignedEntry entry) {
        return new AppendEntryCommand(new BookId(BOOK), entry);
    }

    AppendEntryCommand append(Signer signer, String kind, ObjectNode payload) {
        return append(entry(signer, kind, payload));
    }


    static ObjectNode debit(String account, String amount) {
        return json().put("summary", "收3月停车费").put("account", account).put("debit", amount);
    }

    static ObjectNode credit(String account, String amount) {
        return json().put("summary", "收3月停车费").put("account", account).put("credit", amount);
    }

    /** A 记 voucher with no attachments. */
    static ObjectNode voucher(String voucherId, String date, ObjectNode... lines) {
        ObjectNode p = json().put("voucherId", voucherId).put("word", "记").put("date", date);
        p.putObject("attachments").put("count", 0).putArray("files");
        p.putNull("corrects");
        ArrayNode array = p.putArray("lines");
        for (ObjectNode line : lines) {
            array.add(line);
        }
        return p;
    }

    /** 收3月停车费 12345.67: bank 100201 debit, parking 470101 credit. */
    static ObjectNode parkingFee(String voucherId, String date) {
        return voucher(voucherId, date, debit("100201", "12345.67"), credit("470101", "12345.67"));
    }

    AppendEntryCommand record(ObjectNode voucher) {
        return append(preparer, "voucher.recorded", voucher);
    }

    AppendEntryCommand record(String voucherId, String date) {
        return record(parkingFee(voucherId, date));
    }

    AppendEntryCommand review(String voucherId) {
        return append(reviewer, "voucher.reviewed", json().put("voucherId", voucherId));
    }

    AppendEntryCommand post(String voucherId) {
        return append(reviewer, "voucher.posted", json().put("voucherId", voucherId));
    }

    AppendEntryCommand voidVoucher(String voucherId, String reason) {
        return append(preparer, "voucher.voided", json().put("voucherId", voucherId).put("reason", reason));
    }

    AppendEntryCommand reverse(String redId, String reverses, String date) {
        return append(preparer, "voucher.reversed", json().put("voucherId", redId).put("reverses", reverses)
                .put("date", date).put("reason", "金额录错"));
    }

    /** Records, reviews and posts a parking-fee voucher: three commands for a given-clause. */
    Object[] posted(String voucherId, String date) {
        return new Object[] {record(voucherId, date), review(voucherId), post(voucherId)};
    }


    AppendEntryCommand close(String period) {
        return append(reviewer, "period.closed", json().put("period", period));
    }

    AppendEntryCommand reopen(String period, String reason) {
        return append(auditor, "period.reopened", json().put("period", period).put("reason", reason));
    }

    AppendEntryCommand register(Signer signer) {
        return append(auditor, "key.registered", signer.grant());
    }

    AppendEntryCommand revoke(Signer by, String keyId) {
        return append(by, "key.revoked", json().put("keyId", keyId).put("reason", "离职"));
    }

    AppendEntryCommand addAccount(String code, String name, String parent) {
        return append(preparer, "account.added", json().put("code", code).put("name", name).put("parent", parent));
    }

    AppendEntryCommand disableAccount(String code) {
        return append(preparer, "account.disabled", json().put("code", code).put("reason", "停止经营"));
    }

    /** The Merkle root (hex) of every entry built so far: the log a statement drafted next rests on. */
    String root() {
        return Digests.hex(MerkleTree.root(leaves));
    }

    /**
     * A draft of the statement {@code statementId} of {@code from} … {@code to}, resting on the log
     * built so far; its content hash stands for a {@code statement.json} by the statement's id.
     */
    ObjectNode statementPayload(String statementId, String from, String to) {
        ObjectNode p = json().put("statementId", statementId).put("from", from).put("to", to)
                .put("contentHash", Digests.sha256Hex(statementId.getBytes(StandardCharsets.UTF_8)));
        p.putObject("checkpoint").put("size", index).put("root", root());
        return p.putNull("corrects").putNull("reason");
    }

    AppendEntryCommand draft(String statementId, String from, String to) {
        return draft(statementPayload(statementId, from, to));
    }

    AppendEntryCommand draft(ObjectNode payload) {
        drafts.put(payload.path("statementId").asText(), payload);
        return append(preparer, "statement.drafted", payload);
    }

    /** A correction (更正) of {@code corrects}, the same periods, with a reason. */
    AppendEntryCommand correct(String statementId, String corrects, String from, String to) {
        return draft(statementPayload(statementId, from, to).put("corrects", corrects).put("reason", "补录3月银行手续费"));
    }

    /** The sign-off payload that repeats the draft's content hash and checkpoint. */
    ObjectNode signOffPayload(String statementId) {
        ObjectNode draft = drafts.get(statementId);
        ObjectNode p = json().put("statementId", statementId).put("contentHash", draft.get("contentHash").asText());
        p.set("checkpoint", draft.get("checkpoint").deepCopy());
        return p;
    }

    AppendEntryCommand signOff(String statementId) {
        return append(auditor, "statement.signed", signOffPayload(statementId));
    }

    AppendEntryCommand publish(String statementId, String postingFrom, String postingUntil) {
        return append(auditor, "statement.published", json().put("statementId", statementId)
                .put("postingFrom", postingFrom).put("postingUntil", postingUntil));
    }

    AppendEntryCommand withdraw(String statementId, String reason) {
        return append(preparer, "statement.withdrawn", json().put("statementId", statementId).put("reason", reason));
    }

    /** Drafts, signs off and publishes a statement of March 2026, posted 2026-04-02 … 2026-04-16. */
    Object[] publishedMarch(String statementId) {
        return new Object[] {draft(statementId, START, START), signOff(statementId),
                publish(statementId, "2026-04-02", "2026-04-16")};
    }

    /** The owner objects, the commitments standing for who they are and what they say. */
    ObjectNode objectionPayload(String objectionId, String statementId, String answerBy) {
        return json().put("objectionId", objectionId).put("statementId", statementId)
                .put("owner", Digests.sha256Hex(("salt-1|" + owner.actor()).getBytes(StandardCharsets.UTF_8)))
                .put("text", Digests.sha256Hex("salt-2|停车费收入为何少于上季度？".getBytes(StandardCharsets.UTF_8)))
                .put("answerBy", answerBy);
    }

    AppendEntryCommand raise(String objectionId, String statementId, String answerBy) {
        return append(owner, "objection.raised", objectionPayload(objectionId, statementId, answerBy));
    }

    AppendEntryCommand accept(String objectionId) {
        return append(chair, "objection.accepted", json().put("objectionId", objectionId));
    }

    AppendEntryCommand answer(String objectionId, String answer) {
        return append(chair, "objection.answered", json().put("objectionId", objectionId).put("answer", answer));
    }

    AppendEntryCommand reviewObjection(String objectionId, String outcome) {
        return append(auditor, "objection.reviewed", json().put("objectionId", objectionId).put("outcome", outcome)
                .put("note", "已核对银行流水，答复属实。"));
    }

    AppendEntryCommand escalate(Signer by, String objectionId, String reason) {
        return append(by, "objection.escalated", json().put("objectionId", objectionId).put("reason", reason));
    }

    /** The auditor registers the owner's, the chair's and the clerk's keys. */
    Object[] registerDisclosureKeys() {
        return new Object[] {register(owner), register(chair), register(clerk)};
    }

    static ObjectNode balance(String account, String side, String amount) {
        return json().put("account", account).put(side, amount);
    }

    AppendEntryCommand openingBalances(ObjectNode... lines) {
        ObjectNode p = json();
        ArrayNode array = p.putArray("balances");
        for (ObjectNode line : lines) {
            array.add(line);
        }
        return append(preparer, "opening-balances.set", p);
    }


    /** Matches a {@link LedgerRefusal} with this code at this field. */
    static Matcher<Throwable> refusal(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof LedgerRefusal r && r.code().equals(code) && Objects.equals(r.field(), field);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description description) {
                description.appendText("was " + t);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + code + " at " + field);
            }
        };
    }
}
