-- Feed events that did not verify when they were pulled: an event of a kiosk
-- enrolled after this round's registry request, or one whose bytes or signature do not check.
-- The feed cursor moves past them only because they are kept here; every round retries them
-- after its registry refresh, and `kioskctl sync --status` counts them (unverifiedPulls), so
-- another checkpoint's crossing is never silently lost.
CREATE TABLE pull_pending (
    feed_id     INTEGER PRIMARY KEY,
    bytes       BLOB NOT NULL,
    signature   BLOB NOT NULL,
    reason      TEXT NOT NULL,              -- why the last attempt failed (a code)
    first_seen  TEXT NOT NULL,              -- ISO 8601 UTC
    attempts    INTEGER NOT NULL DEFAULT 1
);
