-- Email: a durable outbox written in the same transaction as the change that causes a message,
-- the morning digest's planning runs, and each user's digest preference.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    -- The same reminder is never queued twice: digest:<user>:<local date>, assigned:<...>.
    dedup_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'assigned')),
    user_id BIGINT REFERENCES users (id),
    recipient TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    subject TEXT NOT NULL,
    message_id TEXT NOT NULL,
    -- The whole RFC 5322 message, exactly as it is sent and as the admin reads it.
    message TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- An instance that claims a message holds it until lease_until; if it dies mid-send the
    -- lease runs out and another instance (or the same one, restarted) takes it over.
    lease_owner TEXT,
    lease_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX outbox_user ON outbox (user_id);

-- One row per Helsinki date on which the morning digests were planned.
CREATE TABLE digest_runs (
    local_date DATE PRIMARY KEY NOT NULL,
    planned_at TIMESTAMP NOT NULL,
    queued BIGINT NOT NULL DEFAULT 0
);

ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'all'
    CHECK (digest IN ('all', 'overdue', 'off'));
