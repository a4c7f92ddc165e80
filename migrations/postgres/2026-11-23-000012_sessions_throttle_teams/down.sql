DROP INDEX teams_name_folded;
ALTER TABLE teams DROP COLUMN name_key;
DROP TABLE login_throttle;
CREATE TABLE login_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account, attempted_at);
CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at);
DROP TABLE sessions;
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
