//! Double submits are harmless: a create form carries a random key (rendered with the CSRF
//! field), and the first submit that creates something remembers the key with where it led.
//! A second tap, a browser retry or an offline queue sending again lands on the first record
//! instead of making a second one.

use super::schema::idempotency_keys;
use super::{DbConnection, DbError, DbResult};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The form field that carries the key.
pub const FIELD: &str = "once";

/// A key as a form sends it: 16 to 128 URL-safe characters (the app makes 43).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let ok = (16..=128).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a create did: made something now, or had made it at an earlier submit of the same
/// form (with where that led).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Once<T> {
    Done(T),
    Replayed(String),
}

/// Runs `create` in one write transaction, unless `key` was used already by this user, in
/// which case nothing is written and the first result's location is returned. `create`
/// returns its value and, when it made something, the location to remember; a refusal (a
/// form error) remembers nothing, so the corrected form can be sent with the same key.
///
/// Two submits of one key at the same moment: on SQLite the write lock orders them and the
/// second reads the first's key; on PostgreSQL the second's insert of the key waits for the
/// first and then fails on the primary key, its whole transaction (the second record too)
/// rolls back, and the first's location is read afresh.
pub fn once<T, F>(
    conn: &mut DbConnection,
    key: Option<&IdempotencyKey>,
    user_id: i64,
    now: NaiveDateTime,
    create: F,
) -> DbResult<Once<T>>
where
    F: FnOnce(&mut DbConnection) -> DbResult<(T, Option<String>)>,
{
    let Some(key) = key else {
        return conn.write(|conn| Ok(Once::Done(create(conn)?.0)));
    };
    let attempt = conn.write(|conn| {
        if let Some(location) = replayed(conn, key, user_id)? {
            return Ok(Once::Replayed(location));
        }
        let (value, location) = create(conn)?;
        if let Some(location) = location {
            diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::key.eq(key.as_str()),
                    idempotency_keys::user_id.eq(user_id),
                    idempotency_keys::location.eq(location),
                    idempotency_keys::created_at.eq(now),
                ))
                .execute(conn)?;
        }
        Ok(Once::Done(value))
    });
    match attempt {
        Err(e) if is_key_clash(&e) => match conn.write(|conn| replayed(conn, key, user_id))? {
            Some(location) => Ok(Once::Replayed(location)),
            None => Err(e),
        },
        other => other,
    }
}

/// [`once`] for a create that answers with the location of what it made, or a refusal.
pub fn create_once<R, F>(
    conn: &mut DbConnection,
    key: Option<&IdempotencyKey>,
    user_id: i64,
    now: NaiveDateTime,
    create: F,
) -> DbResult<Once<Result<String, R>>>
where
    F: FnOnce(&mut DbConnection) -> DbResult<Result<String, R>>,
{
    once(conn, key, user_id, now, |conn| {
        let result = create(conn)?;
        let location = result.as_ref().ok().cloned();
        Ok((result, location))
    })
}

/// Where the first submit with this key led, if this user sent it before. A key of another
/// user is never honoured (keys are random; a clash means a forged key) and is treated as a
/// clash, so nothing is written under it.
fn replayed(
    conn: &mut DbConnection,
    key: &IdempotencyKey,
    user_id: i64,
) -> DbResult<Option<String>> {
    let row: Option<(i64, String)> = idempotency_keys::table
        .find(key.as_str())
        .select((idempotency_keys::user_id, idempotency_keys::location))
        .first(conn)
        .optional()?;
    match row {
        Some((owner, location)) if owner == user_id => Ok(Some(location)),
        Some(_) => Ok(Some("/".to_owned())),
        None => Ok(None),
    }
}

fn is_key_clash(e: &DbError) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        DbError::Query(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)) => {
            info.table_name() == Some("idempotency_keys")
                || info.message().contains("idempotency_keys")
        }
        _ => false,
    }
}

/// Forgets keys older than `before`: a retry comes within minutes, an offline phone within
/// days; a month is kept.
pub fn forget_before(conn: &mut DbConnection, before: NaiveDateTime) -> DbResult<usize> {
    Ok(
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
            .execute(conn)?,
    )
}

#[cfg(test)]
mod tests {
    use super::IdempotencyKey;

    #[test]
    fn a_key_is_a_long_url_safe_token() {
        assert!(IdempotencyKey::parse(&crate::auth::token::generate()).is_some());
        assert!(IdempotencyKey::parse("abcDEF0123456789_-").is_some());
        for bad in [
            "",
            "short",
            "has space in it 123",
            "quote\"in-a-key-1234",
            "ä".repeat(20).as_str(),
        ] {
            assert_eq!(IdempotencyKey::parse(bad), None, "{bad:?}");
        }
        assert_eq!(IdempotencyKey::parse(&"a".repeat(129)), None);
    }
}
