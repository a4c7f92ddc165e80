//! The sign-in throttle's counters (see `auth::throttle`): one row per key, each place reserved
//! by a conditional `UPDATE` inside one transaction, so that parallel attempts are counted one
//! by one on both backends (a row lock on PostgreSQL, the single writer on SQLite).

use super::schema::login_throttle;
use super::{DbConnection, DbResult};
use crate::auth::throttle::{account_key, address_key, pair_key, ThrottlePolicy};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// The password may be checked; the account's failures from anywhere, this one included.
    Admitted { account_failures: i64 },
    /// Too many failures for this account from this address, or from this address at all.
    Refused,
}

enum Stop {
    Refused,
    /// A counter row went missing between making it and counting (tidied away by a parallel
    /// sign-in): make it again and count again.
    Missing,
    Db(DieselError),
}

impl From<DieselError> for Stop {
    fn from(e: DieselError) -> Self {
        Stop::Db(e)
    }
}

/// The counter row for `key`, made when missing (a parallel request may make it first).
fn ensure(conn: &mut DbConnection, key: &str, now: NaiveDateTime) -> DbResult<()> {
    let exists: i64 = login_throttle::table
        .filter(login_throttle::key.eq(key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(());
    }
    let inserted = diesel::insert_into(login_throttle::table)
        .values((
            login_throttle::key.eq(key),
            login_throttle::failures.eq(0_i64),
            login_throttle::window_started.eq(now),
            login_throttle::last_check.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) | Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn exists(conn: &mut DbConnection, key: &str) -> Result<bool, DieselError> {
    let n: i64 = login_throttle::table
        .filter(login_throttle::key.eq(key))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Takes one place in `key`'s counter if fewer than `limit` are taken (any limit when `None`).
fn take(
    conn: &mut DbConnection,
    key: &str,
    limit: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), Stop> {
    let target = login_throttle::table.filter(login_throttle::key.eq(key));
    let changed = match limit {
        Some(limit) => diesel::update(target.filter(login_throttle::failures.lt(limit)))
            .set((
                login_throttle::failures.eq(login_throttle::failures + 1),
                login_throttle::last_check.eq(now),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                login_throttle::failures.eq(login_throttle::failures + 1),
                login_throttle::last_check.eq(now),
            ))
            .execute(conn)?,
    };
    match changed {
        1 => Ok(()),
        _ if exists(conn, key)? => Err(Stop::Refused),
        _ => Err(Stop::Missing),
    }
}

/// Reserves a password check for `account` from `address`, counting it as a failure until
/// [`forgive`] says it succeeded.
pub fn reserve(
    conn: &mut DbConnection,
    policy: &ThrottlePolicy,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> DbResult<Reservation> {
    let pair = pair_key(account, address);
    let by_address = address_key(address);
    let by_account = account_key(account);
    for _ in 0..3 {
        for key in [&pair, &by_address, &by_account] {
            ensure(conn, key, now)?;
        }
        let outcome = conn.write(|conn| -> Result<i64, Stop> {
            // A window that has passed starts again from nothing.
            diesel::update(
                login_throttle::table
                    .filter(login_throttle::key.eq_any([&pair, &by_address, &by_account]))
                    .filter(login_throttle::window_started.le(policy.window_start(now))),
            )
            .set((
                login_throttle::failures.eq(0_i64),
                login_throttle::window_started.eq(now),
            ))
            .execute(conn)?;
            take(conn, &pair, Some(policy.per_account_and_address), now)?;
            take(conn, &by_address, Some(policy.per_address), now)?;
            take(conn, &by_account, None, now)?;
            Ok(login_throttle::table
                .filter(login_throttle::key.eq(&by_account))
                .select(login_throttle::failures)
                .first(conn)?)
        });
        match outcome {
            Ok(account_failures) => return Ok(Reservation::Admitted { account_failures }),
            Err(Stop::Refused) => return Ok(Reservation::Refused),
            Err(Stop::Missing) => continue,
            Err(Stop::Db(e)) => return Err(e.into()),
        }
    }
    Ok(Reservation::Refused)
}

/// A successful sign-in: the account's failures are forgiven and its place at the address is
/// given back. Counters idle for two windows are tidied away.
pub fn forgive(
    conn: &mut DbConnection,
    policy: &ThrottlePolicy,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> DbResult<()> {
    let pair = pair_key(account, address);
    let by_address = address_key(address);
    let by_account = account_key(account);
    diesel::delete(login_throttle::table.filter(login_throttle::key.eq_any([&pair, &by_account])))
        .execute(conn)?;
    diesel::update(
        login_throttle::table
            .filter(login_throttle::key.eq(&by_address))
            .filter(login_throttle::failures.gt(0_i64)),
    )
    .set(login_throttle::failures.eq(login_throttle::failures - 1))
    .execute(conn)?;
    let stale = policy.window_start(policy.window_start(now));
    diesel::delete(
        login_throttle::table
            .filter(login_throttle::window_started.lt(stale))
            .filter(login_throttle::key.ne(&by_address)),
    )
    .execute(conn)?;
    Ok(())
}
