-- Book snapshots are a cache of the aggregate's state. The state now carries the Merkle log's
-- compact range, which older snapshots lack; dropping them makes the next load replay the events
-- (and take a new snapshot) instead of restoring a state without it.
delete from snapshot_event_entry;
