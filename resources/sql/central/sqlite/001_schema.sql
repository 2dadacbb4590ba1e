-- 001: the central register of kiosks and their signed events, SQLite.

-- The kiosk registry: each kiosk's Ed25519 public key (printed by `kioskctl enroll`).
CREATE TABLE kiosks (
    id          TEXT PRIMARY KEY,
    checkpoint  TEXT NOT NULL,
    public_key  BLOB NOT NULL,               -- 32 raw bytes
    added_at    TEXT NOT NULL,
    revoked_at  TEXT
);

-- One row per accepted (kiosk, sequence): the dedupe/fork/gap index. Kept apart from the event
-- bodies so that PostgreSQL can enforce uniqueness while the bodies are partitioned by month.
CREATE TABLE event_index (
    kiosk_id    TEXT NOT NULL REFERENCES kiosks (id),
    sequence    INTEGER NOT NULL,
    event_id    TEXT NOT NULL UNIQUE,
    hash        BLOB NOT NULL,                -- SHA-256 of the signed bytes
    prev_hash   BLOB NOT NULL,
    feed_id     INTEGER NOT NULL UNIQUE,
    PRIMARY KEY (kiosk_id, sequence)
);

-- The events as received: bytes and signature exactly as the kiosk signed them.
CREATE TABLE events (
    feed_id     INTEGER PRIMARY KEY,          -- the feed cursor
    kiosk_id    TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    event_id    TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    signature   BLOB NOT NULL,
    received_at TEXT NOT NULL
);

-- Everything refused, and forks, for `stats` and for an investigator.
CREATE TABLE rejections (
    id          INTEGER PRIMARY KEY,
    kiosk_id    TEXT,
    sequence    INTEGER,
    event_id    TEXT,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    bytes       BLOB,
    signature   BLOB,
    received_at TEXT NOT NULL
);
CREATE INDEX rejections_kiosk ON rejections (kiosk_id, reason);

-- Reference data (watchlists, permits, visas, policy) as signed blobs, by kind and version.
CREATE TABLE reference_data (
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        BLOB NOT NULL,
    signature   BLOB NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
