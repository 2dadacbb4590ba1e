-- 001: the kiosk's local register. Dates are ISO-8601 calendar dates (TEXT,
-- 'YYYY-MM-DD'), local to the checkpoint for crossings (domain-rules §2: never UTC dates);
-- instants are ISO-8601 UTC. Country codes are ICAO 9303-3 codes without filler.
-- Names are stored as read plus a folded key (Kiosk::nameKey, app/core/namematch.h: fillers,
-- case, transliteration variants folded) so that lookups tolerate how a name was transcribed.

-- A person: the identity a history follows across passports. Found again by a
-- document, or by nationality + birth date + normalised names when a new passport appears.
CREATE TABLE persons (
    id            INTEGER PRIMARY KEY,
    nationality   TEXT NOT NULL,
    birth_date    TEXT,                      -- NULL when the MRZ gives no full date
    surname       TEXT NOT NULL,
    given_names   TEXT NOT NULL DEFAULT '',
    surname_key   TEXT NOT NULL,             -- Kiosk::nameKey(surname): transliteration-folded
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- Re-identification on a new passport: same nationality and birth date, then the shared name
-- matcher (app/core/namematch.h) decides among the few candidates.
CREATE INDEX persons_identity ON persons (nationality, birth_date);
-- Name-only candidates (POSSIBLE_SAME_PERSON): same folded surname, other nationality/birth date.
CREATE INDEX persons_surname ON persons (surname_key);

-- A travel document a person has presented. Issuing state + number identifies it (ICAO 9303).
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    issuing_state  TEXT NOT NULL,
    number         TEXT NOT NULL,
    document_code  TEXT NOT NULL DEFAULT 'P',
    expiry_date    TEXT,
    UNIQUE (issuing_state, number)
);
CREATE INDEX documents_person ON documents (person_id);

-- One recorded crossing (entry or exit) on the checkpoint's local calendar date.
-- kiosk_id / event_id link it to the signed event log; NULL for imported history.
CREATE TABLE crossings (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    direction     TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
    local_date    TEXT NOT NULL,
    checkpoint    TEXT NOT NULL DEFAULT '',
    kiosk_id      TEXT,
    event_id      TEXT UNIQUE,
    recorded_at   TEXT,
    source        TEXT NOT NULL DEFAULT 'local'  -- local | import | central
);
-- A check reads one person's history in date order.
CREATE INDEX crossings_person_date ON crossings (person_id, local_date, id);

-- Visas from the visa register, attached to the person and to the passport they are in.
CREATE TABLE visas (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    number        TEXT NOT NULL DEFAULT '',
    valid_from    TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    days          INTEGER NOT NULL CHECK (days >= 0),
    entries       INTEGER NOT NULL DEFAULT 0 CHECK (entries >= 0),  -- 0 = multiple
    source        TEXT NOT NULL DEFAULT 'register',
    CHECK (valid_from <= valid_until)
);
CREATE INDEX visas_person ON visas (person_id, valid_until);

-- Residence and work permits (domain-rules §1, §2; §44, §126-133). They follow the person.
CREATE TABLE permits (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('temporary_residence', 'permanent_residence', 'work')),
    number        TEXT NOT NULL DEFAULT '',
    valid_from    TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    CHECK (valid_from <= valid_until)
);
CREATE INDEX permits_person ON permits (person_id, valid_until);

-- Watchlist entries (domain-rules §5; §51, §169-170): a document (issuing state + number) or a
-- person (names + birth date + nationality). Matching is tolerant: the query pre-filters by
-- birth date (or, without one, by surname key) and the shared name matcher decides.
CREATE TABLE watchlist_entries (
    id              INTEGER PRIMARY KEY,
    entry_id        TEXT NOT NULL,             -- the list's own id: logged instead of names
    kind            TEXT NOT NULL CHECK (kind IN ('entry_ban', 'stolen_document', 'wanted', 'protected_person', 'exit_restriction')),
    surname         TEXT NOT NULL DEFAULT '',
    given_names     TEXT NOT NULL DEFAULT '',
    surname_key     TEXT NOT NULL DEFAULT '',
    birth_date      TEXT,
    nationality     TEXT,
    issuing_state   TEXT,
    document_number TEXT,
    basis           TEXT NOT NULL DEFAULT '',
    list_version    TEXT NOT NULL DEFAULT '',
    imported_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (kind, entry_id),
    CHECK ((issuing_state IS NOT NULL AND document_number IS NOT NULL) OR surname <> '')
);
CREATE INDEX watchlist_document ON watchlist_entries (issuing_state, document_number) WHERE document_number IS NOT NULL;
CREATE INDEX watchlist_birth ON watchlist_entries (birth_date) WHERE birth_date IS NOT NULL;
-- Entries without a birth date (and travellers whose MRZ gives none) are found by surname.
CREATE INDEX watchlist_surname ON watchlist_entries (surname_key) WHERE surname <> '';

-- Citizens' exit-restriction register (domain-rules §4, §236), synchronised from the central
-- side. A hit means REFER, never a silent refusal.
CREATE TABLE exit_restrictions (
    id              INTEGER PRIMARY KEY,
    entry_id        TEXT NOT NULL UNIQUE,
    surname         TEXT NOT NULL,
    given_names     TEXT NOT NULL DEFAULT '',
    surname_key     TEXT NOT NULL,
    birth_date      TEXT,
    nationality     TEXT NOT NULL DEFAULT 'AZE',
    issuing_state   TEXT,
    document_number TEXT,
    basis           TEXT NOT NULL DEFAULT '',  -- §236: State secrets, criminal proceedings, ...
    valid_from      TEXT,
    valid_until     TEXT
);
CREATE INDEX exit_restrictions_birth ON exit_restrictions (birth_date);
CREATE INDEX exit_restrictions_surname ON exit_restrictions (surname_key);
CREATE INDEX exit_restrictions_document ON exit_restrictions (issuing_state, document_number) WHERE document_number IS NOT NULL;

-- Each import of a list, for staleness (WATCHLIST_STALE) and audit.
CREATE TABLE list_imports (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,               -- watchlist | permits | visas | crossings | exit_restrictions
    source        TEXT NOT NULL,               -- file name or feed
    list_version  TEXT NOT NULL DEFAULT '',
    issued_at     TEXT,
    imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    row_count     INTEGER NOT NULL
);
CREATE INDEX list_imports_kind ON list_imports (kind, imported_at);

-- Policy versions held: the exact signed bytes, chosen by effective_from.
CREATE TABLE policy_versions (
    id              INTEGER PRIMARY KEY,
    version         TEXT NOT NULL UNIQUE,
    effective_from  TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    content         BLOB NOT NULL,
    signature       BLOB NOT NULL,
    installed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX policy_versions_effective ON policy_versions (effective_from);
