-- Indexes for the team lead's reports.
-- Contacts by time with what the reports read from them, so that weekly face-to-face counts,
-- "one coach in 12 months" and a team's recent contacts are read from the index alone.
CREATE INDEX contacts_reports ON contacts (occurred_at, coach_id, channel, client_specific, employer_id);
-- "Has anybody still here talked to this employer": one probe per employer.
CREATE INDEX contacts_employer_coach ON contacts (employer_id, coach_id);
-- Placements per employer within a period.
CREATE INDEX placements_employer_starts ON placements (employer_id, starts_on);
