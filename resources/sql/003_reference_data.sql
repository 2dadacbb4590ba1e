-- 003: reference data pulled from the central side: policy, watchlists, permits,
-- visas, each a signed blob by kind and version. A version is stored only after its signature
-- verified; the newest stored version of a kind is the one in use (and is verified again when
-- it is loaded).
CREATE TABLE reference_data (
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        BLOB NOT NULL,
    signature   BLOB NOT NULL,
    fetched_at  TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
