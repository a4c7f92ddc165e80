//! Server-side sessions and the sign-in attempt log.

use super::schema::{login_attempts, sessions};
use super::{DbConnection, DbResult};
use crate::auth::token;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

pub const SESSION_DAYS: i64 = 14;

/// Starts a session for the user; returns the token for the cookie (only its hash is stored).
pub fn create(conn: &mut DbConnection, user_id: i64, now: NaiveDateTime) -> DbResult<String> {
    let token = token::generate();
    // Signing in is rare enough to tidy up here: expired sessions go.
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now))).execute(conn)?;
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token::hash(&token)),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::expires_at.eq(now + TimeDelta::days(SESSION_DAYS)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user of a live session, if the token is valid, unexpired and the user still active.
pub fn user_of(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> DbResult<Option<super::users::User>> {
    use super::schema::users;
    let user_id: Option<i64> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token::hash(token)))
        .filter(sessions::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select(users::id)
        .first(conn)
        .optional()?;
    match user_id {
        Some(id) => super::users::find(conn, id),
        None => Ok(None),
    }
}

pub fn end(conn: &mut DbConnection, token: &str) -> DbResult<()> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(token::hash(token))))
        .execute(conn)?;
    Ok(())
}

pub fn end_all_for_user(conn: &mut DbConnection, user_id: i64) -> DbResult<()> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}

pub fn record_failure(
    conn: &mut DbConnection,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> DbResult<()> {
    // Failures older than the throttling window no longer count: keep the table small.
    let stale = crate::auth::throttle::window_start(now);
    diesel::delete(login_attempts::table.filter(login_attempts::attempted_at.lt(stale)))
        .execute(conn)?;
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::account.eq(account),
            login_attempts::address.eq(address),
            login_attempts::attempted_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Failures within the window: (for this account, from this address).
pub fn recent_failures(
    conn: &mut DbConnection,
    account: &str,
    address: &str,
    since: NaiveDateTime,
) -> DbResult<(i64, i64)> {
    let by_account = login_attempts::table
        .filter(login_attempts::account.eq(account))
        .filter(login_attempts::attempted_at.gt(since))
        .count()
        .get_result(conn)?;
    let by_address = login_attempts::table
        .filter(login_attempts::address.eq(address))
        .filter(login_attempts::attempted_at.gt(since))
        .count()
        .get_result(conn)?;
    Ok((by_account, by_address))
}

/// A successful sign-in forgives the account's earlier failures.
pub fn clear_failures(conn: &mut DbConnection, account: &str) -> DbResult<()> {
    diesel::delete(login_attempts::table.filter(login_attempts::account.eq(account)))
        .execute(conn)?;
    Ok(())
}
