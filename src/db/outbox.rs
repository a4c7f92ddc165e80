//! The outbox: every email is written here first, in the same transaction as the change that
//! causes it, and a delivery worker sends it later.
//!
//! A message is claimed by one instance at a time: the claim is one UPDATE that succeeds only
//! for a message that is due (queued, its backoff over) or whose previous sender's lease ran out.
//! On PostgreSQL the candidate row is picked `FOR UPDATE SKIP LOCKED`, so that instances never
//! wait for each other; on SQLite the single writer makes the same statement atomic.

use super::reminders;
use super::schema::{digest_runs, outbox};
use super::{DbConnection, DbError, DbResult};
use crate::domain::digest::AfterFailure;
use crate::mail::compose::{self, Composed};
use crate::mail::transport::Outgoing;
use crate::mail::Site;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;

crate::labelled_enum! {
    pub enum State prefix "outbox-state" {
        Queued => "queued",
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
    }
}

/// Writes a composed message unless one with its key is there already; `Some(id)` when new.
/// Safe inside any transaction on both backends: a duplicate key is skipped, not an error that
/// would abort a PostgreSQL transaction.
pub fn enqueue(conn: &mut DbConnection, m: &Composed, now: NaiveDateTime) -> DbResult<Option<i64>> {
    let id = crate::on_each_backend!(conn, |c| diesel::insert_into(outbox::table)
        .values((
            outbox::dedup_key.eq(&m.dedup_key),
            outbox::kind.eq(m.kind.as_str()),
            outbox::user_id.eq(Some(m.user_id)),
            outbox::recipient.eq(&m.recipient),
            outbox::language.eq(m.lang.code()),
            outbox::subject.eq(&m.subject),
            outbox::message_id.eq(&m.message_id),
            outbox::message.eq(&m.message),
            outbox::state.eq(State::Queued.as_str()),
            outbox::attempts.eq(0_i64),
            outbox::next_attempt_at.eq(now),
            outbox::created_at.eq(now),
            outbox::updated_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .returning(outbox::id)
        .get_result::<i64>(c)
        .optional())?;
    Ok(id)
}

/// Queues the notice that `by` handed these follow-ups, and `also` these many other items, to
/// `to`, inside the caller's transaction (a reassign, or the handover of a leaving coach).
/// Nothing when `to` is the one acting, or no longer active, or received nothing.
pub fn enqueue_assignment_notice(
    conn: &mut DbConnection,
    site: &Site,
    to: i64,
    by: i64,
    follow_up_ids: &[i64],
    also: &compose::Also,
    now: NaiveDateTime,
) -> DbResult<Option<i64>> {
    if to == by || (follow_up_ids.is_empty() && also.is_empty()) {
        return Ok(None);
    }
    let Some(recipient) = reminders::recipient(conn, to)? else {
        return Ok(None);
    };
    let assigner = super::users::find(conn, by)?
        .map(|u| u.name)
        .unwrap_or_default();
    let items = reminders::items(conn, follow_up_ids)?;
    let today = crate::format::today_helsinki(now);
    let composed = compose::assigned(site, &recipient, &assigner, &items, also, today, now)
        .map_err(|e| DbError::Invalid(e.to_string()))?;
    enqueue(conn, &composed, now)
}

/// A claimed message and how many attempts it has had, this one included.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub outgoing: Outgoing,
    pub attempts: i64,
}

/// How far a delivery pass reaches.
#[derive(Debug, Clone, Copy)]
pub struct ClaimRules {
    pub now: NaiveDateTime,
    pub lease: TimeDelta,
    /// Ignore the backoff (`send-mail --now`).
    pub force: bool,
    /// Only messages not touched since the pass began, so that a pass tries each once.
    pub pass_started: NaiveDateTime,
}

#[derive(diesel::QueryableByName)]
struct ClaimedRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    dedup_key: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    recipient: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    message: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    attempts: i64,
}

/// The claim as one statement: the candidate is chosen and taken at once, and the outer
/// condition repeats the inner one, so a row another instance took in between is not taken
/// again. `$1` owner, `$2` lease end, `$3` now, `$4` due before, `$5` pass start.
const CLAIM: &str = "UPDATE outbox SET state = 'sending', attempts = attempts + 1, \
     lease_owner = $1, lease_until = $2, updated_at = $3 \
     WHERE id = (SELECT id FROM outbox WHERE {CLAIMABLE} \
                 ORDER BY next_attempt_at, id LIMIT 1 {LOCK}) \
       AND {CLAIMABLE} \
     RETURNING id, dedup_key, recipient, message, attempts";
const CLAIMABLE: &str = "((state = 'queued' AND next_attempt_at <= $4 AND updated_at < $5) \
     OR (state = 'sending' AND lease_until < $3))";

fn claim_sql(postgres: bool) -> String {
    let sql = CLAIM.replace("{CLAIMABLE}", CLAIMABLE);
    if postgres {
        // Instances skip a row another one is taking instead of waiting for it.
        sql.replace("{LOCK}", "FOR UPDATE SKIP LOCKED")
    } else {
        // SQLite numbers its parameters ?1, ?2…; its one writer makes the statement atomic.
        sql.replace("{LOCK}", "").replace('$', "?")
    }
}

macro_rules! claim_statement {
    ($c:expr, $sql:expr, $owner:expr, $r:expr) => {{
        use diesel::sql_types::{Text, Timestamp};
        let due_before = if $r.force {
            $r.now + TimeDelta::days(36500)
        } else {
            $r.now
        };
        diesel::sql_query($sql)
            .bind::<Text, _>($owner)
            .bind::<Timestamp, _>($r.now + $r.lease)
            .bind::<Timestamp, _>($r.now)
            .bind::<Timestamp, _>(due_before)
            .bind::<Timestamp, _>($r.pass_started)
            .get_result::<ClaimedRow>($c)
            .optional()
    }};
}

/// Claims the next due message for `owner` until the lease runs out; `None` when nothing is due.
pub fn claim_next(
    conn: &mut DbConnection,
    owner: &str,
    rules: &ClaimRules,
) -> DbResult<Option<Claimed>> {
    let row = match conn {
        DbConnection::Postgres(c) => claim_statement!(c, claim_sql(true), owner, rules),
        DbConnection::Sqlite(c) => claim_statement!(c, claim_sql(false), owner, rules),
    }?;
    Ok(row.map(|r| Claimed {
        outgoing: Outgoing {
            id: r.id,
            dedup_key: r.dedup_key,
            recipient: r.recipient,
            message: r.message,
        },
        attempts: r.attempts,
    }))
}

/// Marks a message sent, if `owner` still holds it.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: i64,
    owner: &str,
    now: NaiveDateTime,
) -> DbResult<bool> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::lease_owner.eq(owner)),
    )
    .set((
        outbox::state.eq(State::Sent.as_str()),
        outbox::sent_at.eq(Some(now)),
        outbox::lease_owner.eq(None::<String>),
        outbox::lease_until.eq(None::<NaiveDateTime>),
        outbox::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed attempt: back to the queue after the wait, or failed for good.
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    id: i64,
    owner: &str,
    error: &str,
    next: AfterFailure,
    now: NaiveDateTime,
) -> DbResult<bool> {
    let (state, next_at) = match next {
        AfterFailure::RetryIn(wait) => (State::Queued, now + wait),
        AfterFailure::GiveUp => (State::Failed, now),
    };
    let error: String = error.chars().take(2000).collect();
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::lease_owner.eq(owner)),
    )
    .set((
        outbox::state.eq(state.as_str()),
        outbox::next_attempt_at.eq(next_at),
        outbox::last_error.eq(Some(error)),
        outbox::lease_owner.eq(None::<String>),
        outbox::lease_until.eq(None::<NaiveDateTime>),
        outbox::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// An admin's retry of a failed message: queued again, due at once, with a fresh count.
pub fn retry(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::state.eq(State::Failed.as_str())),
    )
    .set((
        outbox::state.eq(State::Queued.as_str()),
        outbox::attempts.eq(0_i64),
        outbox::next_attempt_at.eq(now),
        // A little in the past, so that a delivery pass running right now takes it too.
        outbox::updated_at.eq(now - TimeDelta::seconds(1)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
}

impl Counts {
    pub fn of(&self, state: State) -> i64 {
        match state {
            State::Queued => self.queued,
            State::Sending => self.sending,
            State::Sent => self.sent,
            State::Failed => self.failed,
        }
    }

    pub fn total(&self) -> i64 {
        self.queued + self.sending + self.sent + self.failed
    }
}

pub fn counts(conn: &mut DbConnection) -> DbResult<Counts> {
    let rows: Vec<(String, i64)> = outbox::table
        .group_by(outbox::state)
        .select((outbox::state, diesel::dsl::count_star()))
        .load(conn)?;
    let mut counts = Counts::default();
    for (state, n) in rows {
        match State::parse(&state) {
            Some(State::Queued) => counts.queued = n,
            Some(State::Sending) => counts.sending = n,
            Some(State::Sent) => counts.sent = n,
            Some(State::Failed) => counts.failed = n,
            None => {}
        }
    }
    Ok(counts)
}

/// A message as the admin list shows it (without its body).
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub dedup_key: String,
    pub kind: String,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub message_id: String,
    pub state: State,
    pub attempts: i64,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

type EntryRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    NaiveDateTime,
    Option<String>,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

type EntryColumns = (
    outbox::id,
    outbox::dedup_key,
    outbox::kind,
    outbox::recipient,
    outbox::language,
    outbox::subject,
    outbox::message_id,
    outbox::state,
    outbox::attempts,
    outbox::next_attempt_at,
    outbox::last_error,
    outbox::sent_at,
    outbox::created_at,
);

const ENTRY_COLUMNS: EntryColumns = (
    outbox::id,
    outbox::dedup_key,
    outbox::kind,
    outbox::recipient,
    outbox::language,
    outbox::subject,
    outbox::message_id,
    outbox::state,
    outbox::attempts,
    outbox::next_attempt_at,
    outbox::last_error,
    outbox::sent_at,
    outbox::created_at,
);

fn entry(r: EntryRow) -> Entry {
    Entry {
        id: r.0,
        dedup_key: r.1,
        kind: r.2,
        recipient: r.3,
        language: r.4,
        subject: r.5,
        message_id: r.6,
        state: State::parse(&r.7).unwrap_or(State::Queued),
        attempts: r.8,
        next_attempt_at: r.9,
        last_error: r.10,
        sent_at: r.11,
        created_at: r.12,
    }
}

/// The newest messages, of one state or all.
pub fn list(conn: &mut DbConnection, state: Option<State>, limit: i64) -> DbResult<Vec<Entry>> {
    let mut query = outbox::table.into_boxed();
    if let Some(state) = state {
        query = query.filter(outbox::state.eq(state.as_str()));
    }
    Ok(query
        .order(outbox::id.desc())
        .limit(limit)
        .select(ENTRY_COLUMNS)
        .load::<EntryRow>(conn)?
        .into_iter()
        .map(entry)
        .collect())
}

/// One message with its full text.
pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<(Entry, String)>> {
    Ok(outbox::table
        .find(id)
        .select((ENTRY_COLUMNS, outbox::message))
        .first::<(EntryRow, String)>(conn)
        .optional()?
        .map(|(r, m)| (entry(r), m)))
}

/// Claims the digest planning of a Helsinki date; `false` when it was planned already.
pub fn start_digest_run(
    conn: &mut DbConnection,
    date: NaiveDate,
    now: NaiveDateTime,
) -> DbResult<bool> {
    let n = crate::on_each_backend!(conn, |c| diesel::insert_into(digest_runs::table)
        .values((
            digest_runs::local_date.eq(date),
            digest_runs::planned_at.eq(now),
            digest_runs::queued.eq(0_i64),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(n == 1)
}

pub fn finish_digest_run(conn: &mut DbConnection, date: NaiveDate, queued: i64) -> DbResult<()> {
    diesel::update(digest_runs::table.find(date))
        .set(digest_runs::queued.eq(digest_runs::queued + queued))
        .execute(conn)?;
    Ok(())
}

/// The newest planning run: its date, when, how many digests.
pub fn last_digest_run(
    conn: &mut DbConnection,
) -> DbResult<Option<(NaiveDate, NaiveDateTime, i64)>> {
    Ok(digest_runs::table
        .order(digest_runs::local_date.desc())
        .select((
            digest_runs::local_date,
            digest_runs::planned_at,
            digest_runs::queued,
        ))
        .first(conn)
        .optional()?)
}
