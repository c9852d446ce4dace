-- A book's lease wanted by a writer queued on another service node (BookLeases): its node's first
-- queued writer marks the lease row when the lease has stayed away from it for a while, and the node
-- that holds the lease then lets it go at its next hand-over (the row stays, expired) instead of
-- handing it to its own queue; until wanted_at + a moment only the wanting node may take it. A grant
-- clears the mark.
alter table book_lease add column wanted_by varchar(36);
alter table book_lease add column wanted_at timestamptz;
