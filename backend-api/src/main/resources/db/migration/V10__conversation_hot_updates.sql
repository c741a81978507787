-- A turn's closing write to its conversation (the new dialogue state, a pause, a request for a person) changes no
-- indexed column, so PostgreSQL can update the row in place, without new index entries (a heap-only update), when the
-- row's page has room. Keep a fifth of each page free for that; pages written before this get the room as they fill
-- and are pruned.
ALTER TABLE conversation SET (fillfactor = 80);
