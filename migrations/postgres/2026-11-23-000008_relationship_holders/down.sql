DROP INDEX employers_one_coach;
DROP INDEX employers_last_contact_coach;
ALTER TABLE employers DROP COLUMN other_coach_contact_at;
ALTER TABLE employers DROP COLUMN last_contact_coach_id;
