-- 001: the central register of kiosks and their signed events, PostgreSQL.
-- Several service instances may run against this database at once: uniqueness lives in
-- event_index (not partitioned), the bodies in `events`, partitioned by month of receipt.

CREATE TABLE kiosks (
    id          TEXT PRIMARY KEY,
    checkpoint  TEXT NOT NULL,
    public_key  BYTEA NOT NULL,
    added_at    TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE SEQUENCE feed_seq;

CREATE TABLE event_index (
    kiosk_id    TEXT NOT NULL REFERENCES kiosks (id),
    sequence    BIGINT NOT NULL,
    event_id    TEXT NOT NULL UNIQUE,
    hash        BYTEA NOT NULL,
    prev_hash   BYTEA NOT NULL,
    feed_id     BIGINT NOT NULL UNIQUE,
    PRIMARY KEY (kiosk_id, sequence)
);

-- Partitioned by the month of receipt; the service creates each month's partition
-- (events_yYYYYmMM) when the first event of that month arrives.
CREATE TABLE events (
    feed_id     BIGINT NOT NULL,
    kiosk_id    TEXT NOT NULL,
    sequence    BIGINT NOT NULL,
    event_id    TEXT NOT NULL,
    bytes       BYTEA NOT NULL,
    signature   BYTEA NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_id, received_at)
) PARTITION BY RANGE (received_at);

CREATE TABLE rejections (
    id          BIGSERIAL PRIMARY KEY,
    kiosk_id    TEXT,
    sequence    BIGINT,
    event_id    TEXT,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    bytes       BYTEA,
    signature   BYTEA,
    received_at TEXT NOT NULL
);
CREATE INDEX rejections_kiosk ON rejections (kiosk_id, reason);

CREATE TABLE reference_data (
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        BYTEA NOT NULL,
    signature   BYTEA NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
