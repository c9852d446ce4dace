package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An entry is stored together with its index rows or not at all: when a {@code ledger-index} handler
 * fails (here the index table refuses the row, as it once did for an over-long id), the append is
 * answered with a problem and leaves nothing behind — no event, no index row, the head unchanged —
 * and the same entry is accepted once the fault is gone.
 */
class IndexFailureIT extends ServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingIndexHandlerFailsTheWholeAppend() {
        TestBook book = TestBook.open(client);
        long size = book.size();
        long events = events(book.id);
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("120.00"));

        JdbcTemplate owner = schemaOwner();
        owner.execute("""
                create or replace function index_fault_for_test() returns trigger language plpgsql as $$
                begin
                  if new.book_id = '%s' then raise exception 'index row refused (injected by IndexFailureIT)'; end if;
                  return new;
                end $$""".formatted(book.id));
        owner.execute("create trigger index_fault_for_test before insert on ledger_entry for each row "
                + "execute function index_fault_for_test()");
        Answer failed;
        try {
            failed = client.submit(entry, "en");
        } finally {
            owner.execute("drop trigger index_fault_for_test on ledger_entry");
            owner.execute("drop function index_fault_for_test()");
        }

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.json().path("code").asText()).isEqualTo("service.storage.failed");
        assertThat(failed.json().path("detail").asText()).contains("nothing of it was kept");
        assertThat(events(book.id)).as("no event stored without its index").isEqualTo(events);
        assertThat(book.size()).isEqualTo(size);

        book.accept(entry);
        assertThat(book.size()).isEqualTo(size + 1);
        assertThat(events(book.id)).isEqualTo(events + 1);
        assertThat(client.get("/api/books/" + book.id + "/verify").json().path("ok").asBoolean()).isTrue();
    }

    private long events(String book) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, book);
    }
}
