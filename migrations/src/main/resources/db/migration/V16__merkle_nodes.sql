-- A book's log as stored Merkle subtrees (DESIGN.md §3), so that proofs and roots read O(log n)
-- rows instead of every entry hash, and a book's size and head are one row.
--
-- merkle_node: every perfect subtree of a book's log once it is complete. Level 0 is the leaf hash
-- of entry node_index; level L, index i is MTH of entries [i·2^L, (i+1)·2^L). Written by the
-- ledger index in the transaction that stores the entry (one row per entry plus, on average, one
-- more).
create table merkle_node (
    book_id    varchar(64) not null,
    level      smallint    not null,
    node_index bigint      not null,
    hash       bytea       not null,
    constraint merkle_node_pk primary key (book_id, level, node_index),
    constraint merkle_node_hash_size check (octet_length(hash) = 32)
);

-- book_log: one row per book, updated with every entry: its size, its last entry, and its compact
-- range (the roots of the perfect subtrees of the whole log, largest first, 32 bytes each), which
-- is all an append needs to complete the next nodes.
create table book_log (
    book_id          varchar(64) not null,
    tree_size        bigint      not null,
    head_hash        char(64)    not null,
    head_recorded_at timestamptz not null,
    compact_range    bytea       not null,
    constraint book_log_pk primary key (book_id),
    constraint book_log_range_size check (octet_length(compact_range) % 32 = 0)
);

-- A book's entries of some kinds (its keys, its tenders) without reading the whole book.
create index ledger_entry_kind_idx on ledger_entry (book_id, kind, entry_index);

-- Rebuilds one book's nodes and row from its ledger_entry rows. Used once below for the books
-- that exist when this migration runs; the tamper tests use it as an operator with database access
-- would, to rewrite every trace of an entry.
create function ledger_merkle_rebuild(p_book varchar) returns void language plpgsql as $$
declare
    lvl   int := 1;
    added bigint;
begin
    delete from merkle_node where book_id = p_book;
    delete from book_log where book_id = p_book;
    insert into merkle_node (book_id, level, node_index, hash)
        select book_id, 0, entry_index, decode(entry_hash, 'hex') from ledger_entry where book_id = p_book;
    loop
        insert into merkle_node (book_id, level, node_index, hash)
            select l.book_id, lvl, l.node_index / 2, sha256('\x01'::bytea || l.hash || r.hash)
            from merkle_node l
            join merkle_node r on r.book_id = l.book_id and r.level = l.level and r.node_index = l.node_index + 1
            where l.book_id = p_book and l.level = lvl - 1 and l.node_index % 2 = 0;
        get diagnostics added = row_count;
        exit when added = 0;
        lvl := lvl + 1;
    end loop;
    insert into book_log (book_id, tree_size, head_hash, head_recorded_at, compact_range)
        select e.book_id, e.entry_index + 1, e.entry_hash, e.recorded_at,
               coalesce((select string_agg(n.hash, ''::bytea order by n.level desc) from merkle_node n
                         where n.book_id = e.book_id
                           and ((e.entry_index + 1) >> n.level) & 1 = 1
                           and n.node_index = ((e.entry_index + 1) >> n.level) - 1), ''::bytea)
        from ledger_entry e
        where e.book_id = p_book
          and e.entry_index = (select max(entry_index) from ledger_entry where book_id = p_book);
end $$;

select ledger_merkle_rebuild(book_id) from (select distinct book_id from ledger_entry) books;
