DROP INDEX contacts_jobseeker_channel;
DROP INDEX employers_coverage;
DROP INDEX contacts_employer_time_coach;
CREATE INDEX contacts_employer_coach ON contacts (employer_id, coach_id);
