-- 009: a kiosk's pulled events, smaller and indexed for the working set (app/store/workingset.h).
-- encoding: 0 = `bytes` are the signed bytes as they are; 1 = raw DEFLATE of them with the preset
--   dictionary of app/store/eventpacking_p.h (version 1), which reads back to the same bytes
--   exactly (checked when packed). The signed bytes are the larger half of a kiosk's file.
-- keeps: 1 when the event's reasons hold one that keeps a crossing whatever its age (OVERSTAY
--   or a watchlist reason: workingset.h), set by the sync client that parsed the event.
-- local_date: the event's local date at its checkpoint (recordedAt's date).
ALTER TABLE remote_events ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE remote_events ADD COLUMN keeps INTEGER NOT NULL DEFAULT 0;
ALTER TABLE remote_events ADD COLUMN local_date TEXT;

UPDATE remote_events SET
    local_date = substr(json_extract(CAST(bytes AS TEXT), '$.recordedAt'), 1, 10),
    keeps = EXISTS (SELECT 1 FROM json_each(CAST(bytes AS TEXT), '$.reasons') j
                    WHERE j.value IN ('OVERSTAY', 'ENTRY_BAN', 'WANTED', 'DOCUMENT_REPORTED_STOLEN', 'PROTECTED_PERSON', 'EXIT_RESTRICTION'));

CREATE INDEX remote_events_other_date ON remote_events (local_date) WHERE crossing_document IS NULL;
