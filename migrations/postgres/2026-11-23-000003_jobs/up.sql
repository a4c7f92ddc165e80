-- Job openings, jobseekers (privacy-minimal), matches between them, and placements with their
-- follow-along support contacts.
--
-- Hours are hundredths of an hour and pay is whole cents, so that both backends keep them exact.
-- Sets of choices (schedules, licences, features, municipality codes...) are stored as
-- comma-separated codes; the domain layer parses them.

CREATE TABLE jobseekers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A display name or pseudonym; emptied when the jobseeker is anonymised.
    display_name TEXT NOT NULL,
    coach_id BIGINT NOT NULL REFERENCES users (id),
    entered_on DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'job_search'
        CHECK (status IN ('job_search', 'working', 'paused', 'closed')),
    closed_on DATE,
    -- Consents, each explicit and dated.
    consent_employer_contact BOOLEAN NOT NULL DEFAULT FALSE,
    consent_employer_scope TEXT NOT NULL DEFAULT '',
    consent_needs BOOLEAN NOT NULL DEFAULT FALSE,
    consent_given_on DATE,
    disclosure TEXT NOT NULL DEFAULT 'none' CHECK (disclosure IN ('none', 'agreed', 'full')),
    disclosure_wording TEXT NOT NULL DEFAULT '',
    -- The person's own wishes.
    wanted_occupations TEXT NOT NULL DEFAULT '',
    avoided_occupations TEXT NOT NULL DEFAULT '',
    wanted_industries TEXT NOT NULL DEFAULT '',
    avoided_industries TEXT NOT NULL DEFAULT '',
    municipalities TEXT NOT NULL DEFAULT '',
    travel TEXT NOT NULL DEFAULT 'own' CHECK (travel IN ('own', 'county', 'anywhere')),
    hours_min BIGINT,
    hours_max BIGINT,
    schedules TEXT NOT NULL DEFAULT '',
    contract_types TEXT NOT NULL DEFAULT '',
    pay_expectation BIGINT,
    pay_unit TEXT CHECK (pay_unit IN ('hour', 'month')),
    strengths TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    licences TEXT NOT NULL DEFAULT '',
    -- Workplace adjustments as functional needs, kept only with `consent_needs`.
    needs TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    anonymised_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX jobseekers_coach ON jobseekers (coach_id, status);
CREATE INDEX jobseekers_status ON jobseekers (status);

CREATE TABLE openings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    -- The coach who found it or looks after it.
    coach_id BIGINT NOT NULL REFERENCES users (id),
    -- The contact it was found on, when it came from one.
    contact_id BIGINT REFERENCES contacts (id),
    title TEXT NOT NULL,
    occupation TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    municipality_code TEXT REFERENCES municipalities (code),
    hours_min BIGINT,
    hours_max BIGINT,
    schedules TEXT NOT NULL DEFAULT '',
    contract_type TEXT,
    pay BIGINT,
    pay_unit TEXT CHECK (pay_unit IN ('hour', 'month')),
    starts_on DATE,
    closes_on DATE,
    source TEXT NOT NULL DEFAULT 'coach_found'
        CHECK (source IN ('coach_found', 'public_ad', 'job_carved')),
    ad_url TEXT NOT NULL DEFAULT '',
    must_licences TEXT NOT NULL DEFAULT '',
    nice_licences TEXT NOT NULL DEFAULT '',
    must_have TEXT NOT NULL DEFAULT '',
    nice_to_have TEXT NOT NULL DEFAULT '',
    features TEXT NOT NULL DEFAULT '',
    wage_subsidy_possible BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'filled', 'closed')),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX openings_status ON openings (status, municipality_code);
CREATE INDEX openings_employer ON openings (employer_id, status);
CREATE INDEX openings_coach ON openings (coach_id, status);

CREATE TABLE matches (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opening_id BIGINT NOT NULL REFERENCES openings (id),
    jobseeker_id BIGINT NOT NULL REFERENCES jobseekers (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    stage TEXT NOT NULL DEFAULT 'suggested'
        CHECK (stage IN ('suggested', 'discussed', 'introduced', 'interview', 'hired', 'not_selected', 'withdrawn')),
    -- The score (0–100) when the match was made.
    score BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (opening_id, jobseeker_id)
);
CREATE INDEX matches_jobseeker ON matches (jobseeker_id);
CREATE INDEX matches_stage ON matches (stage, coach_id);

-- Each dated move of a match; employer-side moves show on the employer's timeline.
CREATE TABLE match_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_id BIGINT NOT NULL REFERENCES matches (id),
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    stage TEXT NOT NULL,
    occurred_on DATE NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX match_events_match ON match_events (match_id);
CREATE INDEX match_events_employer ON match_events (employer_id, occurred_on);

CREATE TABLE placements (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jobseeker_id BIGINT NOT NULL REFERENCES jobseekers (id),
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    opening_id BIGINT REFERENCES openings (id),
    match_id BIGINT REFERENCES matches (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    job_title TEXT NOT NULL,
    occupation TEXT NOT NULL DEFAULT '',
    starts_on DATE NOT NULL,
    ends_on DATE,
    hours_per_week BIGINT,
    pay BIGINT,
    pay_unit TEXT CHECK (pay_unit IN ('hour', 'month')),
    contract_type TEXT,
    competitive BOOLEAN NOT NULL DEFAULT TRUE,
    wage_subsidy BOOLEAN NOT NULL DEFAULT FALSE,
    wage_subsidy_percent BIGINT,
    disclosure TEXT NOT NULL DEFAULT 'none' CHECK (disclosure IN ('none', 'agreed', 'full')),
    end_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX placements_jobseeker ON placements (jobseeker_id);
CREATE INDEX placements_employer ON placements (employer_id);
CREATE INDEX placements_starts ON placements (starts_on);

-- Follow-along support after a job start: workplace visits, calls.
CREATE TABLE support_contacts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placement_id BIGINT NOT NULL REFERENCES placements (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    occurred_on DATE NOT NULL,
    channel TEXT NOT NULL,
    with_whom TEXT NOT NULL DEFAULT 'jobseeker' CHECK (with_whom IN ('jobseeker', 'employer', 'both')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX support_contacts_placement ON support_contacts (placement_id, occurred_on);

CREATE INDEX contacts_jobseeker ON contacts (jobseeker_id, occurred_at);
