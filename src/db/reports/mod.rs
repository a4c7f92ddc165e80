//! The queries behind the team lead's reports; the numbers are computed in `domain`.

pub mod coverage;
pub mod job_development;
pub mod relationships;

use super::schema::users;
use super::{DbConnection, DbResult};
use diesel::prelude::*;
use std::collections::HashMap;

/// A user as the reports name them.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub team_id: i64,
    pub active: bool,
}

/// Everybody, active or not (the reports name coaches who have left), by id.
pub fn people(conn: &mut DbConnection) -> DbResult<HashMap<i64, Person>> {
    let rows: Vec<(i64, String, String, i64, bool)> = users::table
        .select((
            users::id,
            users::name,
            users::role,
            users::team_id,
            users::active,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, role, team_id, active)| {
            (
                id,
                Person {
                    id,
                    name,
                    role,
                    team_id,
                    active,
                },
            )
        })
        .collect())
}
