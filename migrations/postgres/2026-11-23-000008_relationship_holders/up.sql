-- Who holds each employer relationship, kept beside the newest contact: the coach of the newest
-- contact, and the newest contact by anybody else. An employer was talked to by one coach only
-- since a date exactly when its newest contact is on or after that date and the newest contact by
-- anybody else is not. The relationship report then reads 50,000 employers instead of a year of
-- contacts (benches/reports.rs). Kept by db::employers::touch_last_contact.
ALTER TABLE employers ADD COLUMN last_contact_coach_id BIGINT REFERENCES users (id);
ALTER TABLE employers ADD COLUMN other_coach_contact_at TIMESTAMP;
UPDATE employers SET
    last_contact_coach_id = (SELECT c.coach_id FROM contacts c WHERE c.id = employers.last_contact_id),
    other_coach_contact_at = (
        SELECT MAX(c.occurred_at) FROM contacts c
        WHERE c.employer_id = employers.id
          AND c.coach_id <> (SELECT l.coach_id FROM contacts l WHERE l.id = employers.last_contact_id)
    );
-- Orphaned employers start from those whose newest contact was by someone who left.
CREATE INDEX employers_last_contact_coach ON employers (last_contact_coach_id);
-- One-coach employers: nobody else talked to them since a date, and their coach did.
CREATE INDEX employers_one_coach ON employers (other_coach_contact_at, last_contact_at);
