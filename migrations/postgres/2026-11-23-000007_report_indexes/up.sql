-- Indexes measured on 50,000 employers and 1,000,000 contacts (benches/reports.rs).
-- Who talked to each employer and when, read from the index alone: "one coach in the last 12
-- months" and "has anybody still here talked to this employer". Replaces the narrower one.
DROP INDEX contacts_employer_coach;
CREATE INDEX contacts_employer_time_coach ON contacts (employer_id, occurred_at, coach_id);
-- The coverage matrix groups live employers by industry and municipality from the index alone.
CREATE INDEX employers_coverage ON employers (industry_code, municipality_code, archived_at, last_contact_at);
-- The first face-to-face contact on a jobseeker's behalf.
CREATE INDEX contacts_jobseeker_channel ON contacts (jobseeker_id, channel, occurred_at);
