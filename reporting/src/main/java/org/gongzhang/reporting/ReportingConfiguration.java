package org.gongzhang.reporting;

import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.gongzhang.reporting.exchange.ExchangeQueries;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.gongzhang.reporting.statement.StatementQueries;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reporting module's beans: the projection the {@code reporting} tracking processor feeds, the
 * queries that read what it wrote, and the PDF printer of their views. An application imports this class.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {

    @Bean
    LedgerProjection ledgerProjection(JdbcTemplate jdbc) {
        return new LedgerProjection(jdbc);
    }

    @Bean
    Snapshot reportingSnapshot(PlatformTransactionManager transactionManager) {
        return new Snapshot(transactionManager);
    }

    @Bean
    ReportBooks reportBooks(JdbcTemplate jdbc) {
        return new ReportBooks(jdbc);
    }

    @Bean
    TrialBalanceQueries trialBalanceQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        return new TrialBalanceQueries(jdbc, snapshot);
    }

    @Bean
    AccountLedgerQueries accountLedgerQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        return new AccountLedgerQueries(jdbc, snapshot);
    }

    @Bean
    BookWork bookWork(JdbcTemplate jdbc) {
        return new BookWork(jdbc);
    }

    @Bean
    VoucherQueries voucherQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        return new VoucherQueries(jdbc, snapshot);
    }

    @Bean
    ExchangeQueries exchangeQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        return new ExchangeQueries(jdbc, snapshot);
    }

    @Bean
    StatementQueries statementQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        return new StatementQueries(jdbc, snapshot);
    }

    @Bean
    ReportPdfs reportPdfs() {
        return new ReportPdfs();
    }
}
