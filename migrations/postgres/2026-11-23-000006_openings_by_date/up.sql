-- The openings list: newest first within a status.
CREATE INDEX openings_status_created ON openings (status, created_at, id);
