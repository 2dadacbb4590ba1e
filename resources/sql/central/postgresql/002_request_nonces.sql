-- 002: the nonces of signed requests, PostgreSQL. In the database, not in one
-- process's memory, so that a request captured on its way to one border-central instance is
-- refused when replayed to another instance on the same database (the stateless
-- service). The key is the replay check: a second insert of (kiosk, nonce) conflicts, and
-- two instances inserting the same nonce at once cannot both succeed.
CREATE TABLE request_nonces (
    kiosk_id      TEXT NOT NULL,
    nonce         TEXT NOT NULL,                -- 32 hex digits, as signed
    forget_after  BIGINT NOT NULL,              -- Unix seconds of the central clock
    PRIMARY KEY (kiosk_id, nonce)
);
CREATE INDEX request_nonces_expiry ON request_nonces (forget_after);
