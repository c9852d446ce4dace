package org.gongzhang.service.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.service.attachment.AttachmentStore;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.entry.BookWrites;
import org.gongzhang.verifier.entry.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementPublication;
import org.gongzhang.service.governance.Governance;
import org.gongzhang.service.log.BookAudit;
import org.gongzhang.service.security.Users;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo once, when the service holds no book: 北山街道 → 新河社区 → 兰园小区 and 桂苑小区,
 * each with a public-income book covering the twelve months before the current one and the
 * current month so far. Dates follow the injected clock, so the demo is always "last year". Each
 * book ends on a signed checkpoint over all of it, which the configured witnesses then cosign.
 */
@Component
class DemoData implements ApplicationRunner {

    static final List<DemoCompound> COMPOUNDS = List.of(
            new DemoCompound("lanyuan", "兰园小区", "lanyuan-public", 120, "城市之光传媒有限公司", "中国铁塔股份有限公司杭州市分公司"),
            new DemoCompound("guiyuan", "桂苑小区", "guiyuan-public", 86, "新潮传媒集团有限公司", "中国铁塔股份有限公司杭州市分公司"));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DemoProperties properties;
    private final BookDirectory directory;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final AttachmentStore attachments;
    private final Users users;
    private final StatementPublication publication;
    private final Objections objections;
    private final Governance governance;
    private final BookAudit audit;
    private final Clock clock;
    private final DemoWrites writes;

    DemoData(DemoProperties properties, BookDirectory directory, CustodialKeys keys, CustodialSigner signer,
            AttachmentStore attachments, Users users, StatementPublication publication, Objections objections,
            Governance governance, BookAudit audit, Clock clock, BookWrites writes,
            PlatformTransactionManager transactions) {
        this.writes = new DemoWrites(writes, new TransactionTemplate(transactions));
        this.governance = governance;
        this.audit = audit;
        this.users = users;
        this.publication = publication;
        this.objections = objections;
        this.properties = properties;
        this.directory = directory;
        this.keys = keys;
        this.signer = signer;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || !directory.all().isEmpty()) {
            return;
        }
        DemoCast cast = new DemoCast(keys.forActor("agent:li-na", Role.AGENT_PREPARER),
                keys.forActor("agent:wang-qiang", Role.AGENT_REVIEWER),
                keys.forActor("community:zhao-min", Role.COMMUNITY_AUDITOR));
        // the preparer both books register in their year, made now: made inside a month's transaction
        // (DemoBook#together), one book's new key would be unseen by the other's until that commit
        keys.forActor(DemoYear.SECOND_PREPARER, Role.AGENT_PREPARER);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        DemoPostings postings = new DemoPostings(signer, today);
        // the compounds' books are independent: each is written on a thread of its own, which
        // shortens a first start by the time of the smaller book
        eachCompound(compound -> {
            DemoBook book = new DemoBook(signer, attachments, cast, compound.book(), today, postings, writes);
            new DemoYear(book, compound, ChartOfAccounts.defaultPublicIncome().toPayload(), keys).write();
            log.info("Demo book {} loaded", compound.book());
        });
        DemoPeople people = new DemoPeople(users, keys, signer, properties.password());
        people.writeStaff();
        DemoDisclosure disclosure = new DemoDisclosure(directory, users, publication, objections);
        DemoGovernance spending = new DemoGovernance(directory, users, governance, keys, signer, audit, postings);
        eachCompound(compound -> {
            people.writeCompound(compound, cast.auditor());
            disclosure.write(compound, signer.today());
            spending.write(compound, signer.today());
            // the open periods' postings in one transaction too, as the year's months (DemoWrites)
            writes.together(compound.book(), () -> postings.postOpenPeriods(compound.book()));
            audit.checkpoint(compound.book());
        });
        log.info("Demo logins created (password: ledger.demo.password)");
    }

    /** Runs {@code work} for every compound at once, one thread each; the first failure stops the start. */
    private static void eachCompound(java.util.function.Consumer<DemoCompound> work) {
        ExecutorService threads = Executors.newFixedThreadPool(COMPOUNDS.size(), r -> new Thread(r, "demo-data"));
        try {
            List<Future<Boolean>> done = COMPOUNDS.stream()
                    .map(c -> threads.submit(() -> work.accept(c), true)).toList();
            for (Future<Boolean> compound : done) {
                compound.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the demo", e);
        } finally {
            threads.shutdownNow();
        }
    }

    static YearMonth firstPeriod(LocalDate today) {
        return YearMonth.from(today).minusMonths(12);
    }
}
