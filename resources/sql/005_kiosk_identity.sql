-- 005: the kiosk's identity in its own database. `kioskctl enroll` writes it;
-- every later command and border-kiosk compare kiosk.ini's id and checkpoint (and the signing
-- key's public half) with it, so a copied INI or a swapped database is a clear error, never a
-- silent switch of identity. One row at most.
CREATE TABLE kiosk_identity (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    kiosk_id    TEXT NOT NULL CHECK (length(kiosk_id) > 0),
    checkpoint  TEXT NOT NULL CHECK (length(checkpoint) > 0),
    public_key  TEXT NOT NULL,      -- Ed25519 public key, 64 lower-case hex digits
    enrolled_at TEXT NOT NULL       -- UTC, ISO 8601
);
