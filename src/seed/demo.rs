//! The demo organisation: two teams in Vantaa and Kerava, their coaches, leads and an admin.
//! Deterministic, so that every newcomer sees the same thing.

use crate::auth::password;
use crate::db::{self, settings, users, DbConnection, DbError, DbResult};
use crate::domain::role::Role;
use crate::i18n::Lang;
use serde::Deserialize;

const USERS: &str = include_str!("../../seed/demo/users.csv");

/// The demo accounts' shared password. Demo data only: real deployments start with `--no-demo`.
pub const DEMO_PASSWORD: &str = "verkosto-demo";
pub const ORGANISATION_NAME: &str = "Vantaan ja Keravan hyvinvointialue · Työhönvalmennus";

#[derive(Debug, Clone, Deserialize)]
pub struct DemoUser {
    pub email: String,
    pub name: String,
    pub role: String,
    pub team: String,
}

pub fn users() -> DbResult<Vec<DemoUser>> {
    csv::Reader::from_reader(USERS.as_bytes())
        .deserialize()
        .collect::<Result<Vec<DemoUser>, _>>()
        .map_err(|e| DbError::Invalid(format!("demo users are malformed: {e}")))
}

/// The first demo account of each role, for the sign-in hint printed at start-up.
pub fn sign_ins() -> DbResult<Vec<(Role, String)>> {
    let all = users()?;
    Ok(Role::ALL
        .iter()
        .filter_map(|role| {
            all.iter()
                .find(|u| Role::parse(&u.role) == Some(*role))
                .map(|u| (*role, u.email.clone()))
        })
        .collect())
}

/// Whether the demo organisation is in this database.
pub fn is_loaded(conn: &mut DbConnection) -> DbResult<bool> {
    let first = users()?
        .into_iter()
        .next()
        .ok_or_else(|| DbError::Invalid("no demo users".into()))?;
    Ok(users::id_by_email(conn, &first.email)?.is_some())
}

/// What [`load`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoLoad {
    Loaded,
    AlreadyThere,
    /// The database holds users or employers of its own: the demo, with its published
    /// password, never goes into real data.
    LeftOut,
}

/// Loads the demo organisation into an empty database (no users, no employers), once.
pub fn load(conn: &mut DbConnection) -> DbResult<DemoLoad> {
    if is_loaded(conn)? {
        return Ok(DemoLoad::AlreadyThere);
    }
    let demo_users = users()?;
    // One hash for all demo accounts: they share the published demo password anyway, and
    // hashing once keeps a fresh start fast.
    let hash = password::hash(DEMO_PASSWORD)
        .map_err(|e| DbError::Invalid(format!("cannot hash the demo password: {e}")))?;
    let now = db::now();
    conn.write(|conn| {
        if holds_data(conn)? {
            return Ok(DemoLoad::LeftOut);
        }
        settings::set(conn, settings::ORGANISATION_NAME, ORGANISATION_NAME)?;
        for u in &demo_users {
            let role = Role::parse(&u.role)
                .ok_or_else(|| DbError::Invalid(format!("demo role {:?}", u.role)))?;
            let team_id = users::ensure_team(conn, &u.team, now)?;
            users::insert(
                conn,
                &users::NewUser {
                    email: &u.email,
                    name: &u.name,
                    role,
                    team_id,
                    password_hash: &hash,
                    language: Lang::Fi,
                },
                now,
            )?;
        }
        super::demo_network::load(conn, now)?;
        super::demo_jobs::load(conn, now)?;
        Ok(DemoLoad::Loaded)
    })
}

/// Whether anybody's users or employers are in the database already.
fn holds_data(conn: &mut DbConnection) -> DbResult<bool> {
    use crate::db::schema::{employers, users};
    use diesel::prelude::*;
    let users: i64 = users::table.count().get_result(conn)?;
    let employers: i64 = employers::table.count().get_result(conn)?;
    Ok(users + employers > 0)
}
