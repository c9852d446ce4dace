package org.gongzhang.service.disclosure;

import java.sql.Date;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.ObjectionAcceptedEvent;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionEscalatedEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.core.book.api.ObjectionReviewedEvent;
import org.gongzhang.core.book.api.StatementDraftedEvent;
import org.gongzhang.core.book.api.StatementPublishedEvent;
import org.gongzhang.core.book.api.StatementSignedEvent;
import org.gongzhang.core.book.api.StatementWithdrawnEvent;
import org.gongzhang.core.book.api.payload.ObjectionAnswered;
import org.gongzhang.core.book.api.payload.ObjectionRaised;
import org.gongzhang.core.book.api.payload.ObjectionReviewed;
import org.gongzhang.core.book.api.payload.StatementDrafted;
import org.gongzhang.core.book.api.payload.StatementPublished;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's index of statement versions and objections, written in the transaction that
 * stores each entry (the {@code ledger-index} group is subscribing), so it never disagrees with
 * the log. Rebuildable from the entries; holds nothing the entries do not say.
 */
@Component
@ProcessingGroup("ledger-index")
class DisclosureIndex {

    private final JdbcTemplate jdbc;

    DisclosureIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatementDraftedEvent event) {
        EntryHeader header = event.header();
        StatementDrafted drafted = StatementDrafted.from(event.entry());
        int version = drafted.corrects() == null ? 1 : jdbc.queryForObject(
                "select version + 1 from statement_version where statement_id = ?", Integer.class, drafted.corrects());
        jdbc.update("""
                insert into statement_version (statement_id, book_id, period_from, period_to, version, corrects, reason,
                    content_sha256, tree_size, root, drafted_index, drafted_by, drafted_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFTED')""",
                drafted.statementId(), header.book(), drafted.from().toString(), drafted.to().toString(), version,
                drafted.corrects(), drafted.reason(), drafted.contentHash(), drafted.checkpoint().size(),
                drafted.checkpoint().root(), header.index(), header.actor(), date(header.businessDate()));
    }

    @EventHandler
    void on(StatementWithdrawnEvent event) {
        jdbc.update("update statement_version set status = 'WITHDRAWN' where statement_id = ?", statementId(event.header()));
    }

    @EventHandler
    void on(StatementSignedEvent event) {
        EntryHeader header = event.header();
        jdbc.update("update statement_version set status = 'SIGNED', signed_index = ?, signed_by = ?, signed_at = ? where statement_id = ?",
                header.index(), header.actor(), date(header.businessDate()), statementId(header));
    }

    @EventHandler
    void on(StatementPublishedEvent event) {
        EntryHeader header = event.header();
        StatementPublished published = StatementPublished.from(event.entry());
        jdbc.update("""
                update statement_version set status = 'PUBLISHED', published_index = ?, posting_from = ?, posting_until = ?
                where statement_id = ?""",
                header.index(), date(published.postingFrom()), date(published.postingUntil()), published.statementId());
        jdbc.update("""
                update statement_version old set superseded_by = ?
                from statement_version v where v.statement_id = ? and v.corrects = old.statement_id""",
                published.statementId(), published.statementId());
    }

    @EventHandler
    void on(ObjectionRaisedEvent event) {
        EntryHeader header = event.header();
        ObjectionRaised raised = ObjectionRaised.from(event.entry());
        jdbc.update("""
                insert into objection (objection_id, book_id, statement_id, status, raised_index, raised_at, answer_by)
                values (?, ?, ?, 'SUBMITTED', ?, ?, ?)""",
                raised.objectionId(), header.book(), raised.statementId(), header.index(),
                date(header.businessDate()), date(raised.answerBy()));
    }

    @EventHandler
    void on(ObjectionAcceptedEvent event) {
        jdbc.update("update objection set status = 'ACCEPTED' where objection_id = ?", objectionId(event.header()));
    }

    @EventHandler
    void on(ObjectionAnsweredEvent event) {
        EntryHeader header = event.header();
        ObjectionAnswered answered = ObjectionAnswered.from(event.entry());
        jdbc.update("update objection set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where objection_id = ?",
                answered.answer(), header.actor(), date(header.businessDate()), answered.objectionId());
    }

    @EventHandler
    void on(ObjectionReviewedEvent event) {
        ObjectionReviewed reviewed = ObjectionReviewed.from(event.entry());
        jdbc.update("update objection set status = 'REVIEWED', outcome = ?, review_note = ? where objection_id = ?",
                reviewed.outcome().name(), reviewed.note(), reviewed.objectionId());
    }

    @EventHandler
    void on(ObjectionEscalatedEvent event) {
        EntryHeader header = event.header();
        jdbc.update("update objection set status = 'ESCALATED', escalated_at = ? where objection_id = ?",
                date(header.businessDate()), objectionId(header));
    }

    private static String statementId(EntryHeader header) {
        return header.payload().path("statementId").asText();
    }

    private static String objectionId(EntryHeader header) {
        return header.payload().path("objectionId").asText();
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }
}
