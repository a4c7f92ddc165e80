-- The shared employer register: employers, contact persons, the contact timeline, follow-ups,
-- and the audit trail of every change to them.
CREATE TABLE employers (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    business_id TEXT UNIQUE,
    name TEXT NOT NULL,
    other_names TEXT NOT NULL DEFAULT '',
    -- Lower-cased, accents folded: name, other names and business ID, for LIKE search.
    search_text TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    industry_code_set TEXT,
    industry_code TEXT,
    municipality_code TEXT REFERENCES municipalities (code),
    address TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    size_class TEXT,
    sector TEXT NOT NULL DEFAULT 'private' CHECK (sector IN ('private', 'public', 'third')),
    stage TEXT NOT NULL DEFAULT 'prospect'
        CHECK (stage IN ('prospect', 'contacted', 'partner', 'has_hired', 'dormant', 'do_not_contact')),
    do_not_contact_reason TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    accommodations TEXT NOT NULL DEFAULT '',
    lead_user_id BIGINT REFERENCES users (id),
    -- Kept in step with the newest contact, in the same transaction, so that the register can
    -- sort and filter by it over 50,000 employers without a scan of the contacts.
    last_contact_at TIMESTAMP,
    last_contact_id BIGINT,
    archived_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX employers_sort_name ON employers (sort_name, id);
CREATE INDEX employers_last_contact ON employers (last_contact_at, id);
CREATE INDEX employers_municipality ON employers (municipality_code);
CREATE INDEX employers_industry ON employers (industry_code);
CREATE INDEX employers_stage ON employers (stage);
CREATE INDEX employers_lead ON employers (lead_user_id);

CREATE TABLE contact_persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT,
    notes TEXT NOT NULL DEFAULT '',
    left_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contact_persons_employer ON contact_persons (employer_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    contact_person_id BIGINT REFERENCES contact_persons (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    occurred_at TIMESTAMP NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT,
    client_specific BOOLEAN NOT NULL DEFAULT 0,
    -- Jobseekers arrive in a later migration; the link is kept optional until then.
    jobseeker_id BIGINT,
    outcome TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_employer ON contacts (employer_id, occurred_at);
CREATE INDEX contacts_coach ON contacts (coach_id, occurred_at);
CREATE INDEX contacts_occurred ON contacts (occurred_at);

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    employer_id BIGINT NOT NULL REFERENCES employers (id),
    contact_id BIGINT REFERENCES contacts (id),
    assignee_id BIGINT NOT NULL REFERENCES users (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    due_on DATE NOT NULL,
    what TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'snoozed', 'done')),
    result_note TEXT NOT NULL DEFAULT '',
    done_at TIMESTAMP,
    done_by BIGINT REFERENCES users (id),
    -- For reminders: when the assignee last got a notice or digest about this follow-up.
    last_reminded_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX follow_ups_assignee ON follow_ups (assignee_id, status, due_on);
CREATE INDEX follow_ups_employer ON follow_ups (employer_id, status, due_on);
CREATE INDEX follow_ups_contact ON follow_ups (contact_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    at TIMESTAMP NOT NULL,
    user_id BIGINT REFERENCES users (id),
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    employer_id BIGINT,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_log_employer ON audit_log (employer_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
