-- Double submits are harmless: every create form carries a random key, remembered here with
-- what the first submit created, so a second tap or a retry lands on the same record.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- Where the first submit led: the record it created.
    location TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
