package org.gongzhang.service.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database fault injected for one book: a trigger on a table that refuses every row of the book,
 * at once when it fires {@code before …}, at commit (a deferred constraint trigger) when
 * {@code after …}; gone when closed. Needs the schema owner's connection
 * ({@link ServiceIT#schemaOwner()}). Dropping the trigger waits for every open transaction that
 * used the table.
 */
public final class RowFault implements AutoCloseable {

    private final JdbcTemplate owner;
    private final String table;

    private RowFault(JdbcTemplate owner, String table) {
        this.owner = owner;
        this.table = table;
    }

    /** Refuses {@code book}'s rows on {@code table} {@code when} ("before insert", "after update", …). */
    public static RowFault refuse(JdbcTemplate owner, String table, String when, String book) {
        return refuse(owner, table, when, book, "true");
    }

    /**
     * Refuses those of {@code book}'s rows on {@code table} for which {@code condition} holds, an SQL
     * condition over the row {@code new} (e.g. {@code new.entry_index >= 7}).
     */
    public static RowFault refuse(JdbcTemplate owner, String table, String when, String book, String condition) {
        owner.execute("""
                create or replace function fault_for_test() returns trigger language plpgsql as $$
                begin
                  if new.book_id = '%s' and (%s) then raise exception 'row refused (injected by a test)'; end if;
                  return new;
                end $$""".formatted(book, condition));
        String trigger = when.startsWith("after")
                ? "create constraint trigger fault_for_test " + when + " on " + table + " deferrable initially deferred"
                : "create trigger fault_for_test " + when + " on " + table;
        owner.execute(trigger + " for each row execute function fault_for_test()");
        return new RowFault(owner, table);
    }

    @Override
    public void close() {
        owner.execute("drop trigger fault_for_test on " + table);
        owner.execute("drop function fault_for_test()");
    }
}
