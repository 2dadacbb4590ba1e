-- 006: crossings bound to the signed events they come from.
-- A crossing row is a copy of what a signed event says; a check reads the copy (it is indexed
-- by person), so the copy must be checked against the signed bytes before a verdict uses it.
-- To find the signed events of a person cheaply, and so notice a crossing row that was deleted,
-- each crossing event names its document here: "<issuing state>/<number>", as in the signed
-- bytes' document object; NULL for events that record no crossing (refer, refusal). The column
-- is not signed: `kioskctl log verify` checks it, with kiosk_id and recorded_at, against the bytes.
ALTER TABLE events ADD COLUMN crossing_document TEXT;
ALTER TABLE remote_events ADD COLUMN crossing_document TEXT;

UPDATE events SET crossing_document =
    json_extract(CAST(bytes AS TEXT), '$.document.issuingState') || '/' || json_extract(CAST(bytes AS TEXT), '$.document.number')
    WHERE json_extract(CAST(bytes AS TEXT), '$.kind') IN ('crossing', 'override');
UPDATE remote_events SET crossing_document =
    json_extract(CAST(bytes AS TEXT), '$.document.issuingState') || '/' || json_extract(CAST(bytes AS TEXT), '$.document.number')
    WHERE json_extract(CAST(bytes AS TEXT), '$.kind') IN ('crossing', 'override');

CREATE INDEX events_crossing_document ON events (crossing_document) WHERE crossing_document IS NOT NULL;
CREATE INDEX remote_events_crossing_document ON remote_events (crossing_document) WHERE crossing_document IS NOT NULL;
