-- 008: the kiosk's working set (app/store/workingset.h). The daily prune looks only at the
-- persons who have a pulled crossing older than the cutoff: this index finds them without
-- reading every crossing, so a prune costs about one day's expired crossings, not the file.
CREATE INDEX crossings_pulled_date ON crossings (local_date, person_id) WHERE source = 'central';
