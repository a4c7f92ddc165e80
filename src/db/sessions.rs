//! Server-side sessions: made at sign-in, ended by signing out, by a password or role change,
//! by an admin, after an idle time and after an absolute lifetime (`auth::sessions`).

use super::schema::sessions;
use super::{DbConnection, DbResult};
use crate::auth::sessions::SessionPolicy;
use crate::auth::token;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Starts a session for the user; returns the token for the cookie (only its hash is stored).
pub fn create(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
    policy: &SessionPolicy,
) -> DbResult<String> {
    let token = token::generate();
    // Signing in is rare enough to tidy up here: ended sessions go.
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now)
                .or(sessions::last_seen_at.le(now - policy.idle)),
        ),
    )
    .execute(conn)?;
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token::hash(&token)),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::expires_at.eq(now + policy.lifetime),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user of a live session: the token is valid, the session neither idle too long nor past
/// its lifetime, the user still active. Notes the request's time (at most once a minute).
pub fn user_of(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
    policy: &SessionPolicy,
) -> DbResult<Option<super::users::User>> {
    use super::schema::users;
    let hash = token::hash(token);
    let found: Option<(i64, NaiveDateTime)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(&hash))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(now - policy.idle))
        .filter(users::active.eq(true))
        .select((users::id, sessions::last_seen_at))
        .first(conn)
        .optional()?;
    let Some((id, last_seen)) = found else {
        return Ok(None);
    };
    if now - last_seen >= policy.touch_after() {
        diesel::update(sessions::table.filter(sessions::token_hash.eq(&hash)))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    super::users::find(conn, id)
}

pub fn end(conn: &mut DbConnection, token: &str) -> DbResult<()> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(token::hash(token))))
        .execute(conn)?;
    Ok(())
}

/// Ends every session of the user; returns how many there were.
pub fn end_all_for_user(conn: &mut DbConnection, user_id: i64) -> DbResult<usize> {
    Ok(diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?)
}

/// Ends every session of the user but the one with `keep` (the one making the change).
pub fn end_others(conn: &mut DbConnection, user_id: i64, keep: &str) -> DbResult<usize> {
    Ok(diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::token_hash.ne(token::hash(keep))),
    )
    .execute(conn)?)
}

/// How many live sessions the user has (for the admin page and tests).
pub fn count_for_user(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
    policy: &SessionPolicy,
) -> DbResult<i64> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(now - policy.idle))
        .count()
        .get_result(conn)?)
}
