-- 010: indexes on the columns that reference documents. Deleting a document (a person removed
-- from the working set, app/store/workingset.h: their documents go by cascade) sets these
-- columns to NULL where they name it (ON DELETE SET NULL), and without an index SQLite finds
-- those rows by reading the whole table: with millions of pulled crossings a daily prune that
-- removes thousands of persons read the crossings table thousands of times (bench_nation).
CREATE INDEX crossings_document ON crossings (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX visas_document ON visas (document_id) WHERE document_id IS NOT NULL;
