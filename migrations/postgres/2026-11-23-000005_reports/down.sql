DROP INDEX placements_employer_starts;
DROP INDEX contacts_employer_coach;
DROP INDEX contacts_reports;
