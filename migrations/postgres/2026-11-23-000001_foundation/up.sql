-- Foundation: organisation settings, teams, users, sessions, sign-in throttling, reference data.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE teams (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('coach', 'team_lead', 'admin')),
    team_id BIGINT NOT NULL REFERENCES teams (id),
    password_hash TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    deactivated_at TIMESTAMP
);
CREATE INDEX users_team ON users (team_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account, attempted_at);
CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at);

CREATE TABLE wellbeing_counties (
    code TEXT PRIMARY KEY NOT NULL,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE municipalities (
    code TEXT PRIMARY KEY NOT NULL,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL,
    county_code TEXT NOT NULL REFERENCES wellbeing_counties (code)
);
CREATE INDEX municipalities_county ON municipalities (county_code);

-- code_set keeps TOL 2008 and TOL 2025 side by side.
CREATE TABLE industries (
    code_set TEXT NOT NULL,
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('section', 'division')),
    parent TEXT,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL,
    PRIMARY KEY (code_set, code)
);
