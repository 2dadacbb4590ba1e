-- 002: the signed, hash-chained event log and the outbox.
-- An event's bytes are stored exactly as signed (sync/eventlog/event.h describes them) and
-- never re-serialised; `hash` is SHA-256 of `bytes`, the next event's prev_hash.

-- This kiosk's own chain, sequence contiguous from 1.
CREATE TABLE events (
    sequence    INTEGER PRIMARY KEY CHECK (sequence >= 1),
    event_id    TEXT NOT NULL UNIQUE,
    kiosk_id    TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    signature   BLOB NOT NULL,
    hash        BLOB NOT NULL,
    recorded_at TEXT NOT NULL               -- UTC instant, for the outbox's oldest-pending age
);

-- What the central side has not acknowledged yet. An entry leaves only when the answer was
-- "stored" or "duplicate"; a rejected one stays, with the reason, for an officer to see.
CREATE TABLE outbox (
    sequence    INTEGER PRIMARY KEY REFERENCES events (sequence),
    attempts    INTEGER NOT NULL DEFAULT 0,
    rejected_reason TEXT,                   -- NULL while pending
    rejected_detail TEXT,
    last_attempt_at TEXT
);
CREATE INDEX outbox_pending ON outbox (rejected_reason, sequence);

-- Events recorded at other checkpoints, pulled from the central feed after their signature
-- verified against the published kiosk registry.
CREATE TABLE remote_events (
    kiosk_id    TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    event_id    TEXT NOT NULL UNIQUE,
    bytes       BLOB NOT NULL,
    signature   BLOB NOT NULL,
    feed_id     INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, sequence)
);

-- The kiosk registry as the central side published it (public keys of every kiosk).
CREATE TABLE kiosk_registry (
    kiosk_id    TEXT PRIMARY KEY,
    checkpoint  TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
);

-- Small sync facts: feed cursor, last success, last error.
CREATE TABLE sync_state (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
