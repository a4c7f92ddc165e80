//! Organisation-wide settings as key/value rows.

use super::schema::settings;
use super::{DbConnection, DbResult};
use diesel::prelude::*;

pub const ORGANISATION_NAME: &str = "organisation_name";
/// The Helsinki time of the morning digest, `07:30`.
pub const DIGEST_TIME: &str = "digest_time";

pub fn get(conn: &mut DbConnection, key: &str) -> DbResult<Option<String>> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

/// Sets a value; delete-then-insert keeps it portable (no upsert through MultiConnection).
pub fn set(conn: &mut DbConnection, key: &str, value: &str) -> DbResult<()> {
    conn.write(|conn| {
        diesel::delete(settings::table.find(key)).execute(conn)?;
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(conn)?;
        Ok(())
    })
}
