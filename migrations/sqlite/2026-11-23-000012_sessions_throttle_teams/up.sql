-- Sessions end after an idle time and a lifetime; the table is remade with the time of the
-- last request (everybody signs in again once after this upgrade).
DROP TABLE sessions;
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Sign-in throttling counts in one row per key (account and address, address, account),
-- reserved with a conditional UPDATE before each password check.
DROP TABLE login_attempts;
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    window_started TIMESTAMP NOT NULL,
    last_check TIMESTAMP NOT NULL
);

-- Team names are unique ignoring case: the key is the lower-cased name (made in Rust for new
-- teams; here SQLite's lower() for existing ones, a clash kept apart by the id).
ALTER TABLE teams ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE teams SET name_key = lower(trim(name));
UPDATE teams SET name_key = name_key || '#' || id
WHERE EXISTS (SELECT 1 FROM teams t2 WHERE t2.name_key = teams.name_key AND t2.id < teams.id);
CREATE UNIQUE INDEX teams_name_folded ON teams (name_key);
