-- 004: covering indexes for the lookups of one check (a check against 1,000,000
-- crossings of 200,000 persons in <= 1 ms at p99; measured by tests/bench/bench_store.cpp).
-- Profiling showed most of a check's time in table seeks after the index lookups: with the
-- columns the queries read inside the index, SQLite never touches the table rows.

-- A person's history: direction, date and checkpoint read from the index alone.
DROP INDEX crossings_person_date;
CREATE INDEX crossings_person_history ON crossings (person_id, local_date, id, direction, checkpoint);

-- Document -> person without a table seek.
CREATE INDEX documents_lookup ON documents (issuing_state, number, person_id);

-- Possible same persons: the surname key with birth date and nationality, so the pre-filter
-- "birth date or nationality agrees" is decided in the index and only candidates are read.
DROP INDEX persons_surname;
CREATE INDEX persons_surname_identity ON persons (surname_key, birth_date, nationality);
