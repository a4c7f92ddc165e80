//! Users and teams.

use super::schema::{teams, users};
use super::{DbConnection, DbError, DbResult, Scope};
use crate::domain::role::Role;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team_id: i64,
    pub team_name: String,
    pub language: Lang,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub member_count: i64,
}

type UserRow = (i64, String, String, String, i64, String, String, bool);

fn user_columns() -> (
    users::id,
    users::email,
    users::name,
    users::role,
    users::team_id,
    teams::name,
    users::language,
    users::active,
) {
    (
        users::id,
        users::email,
        users::name,
        users::role,
        users::team_id,
        teams::name,
        users::language,
        users::active,
    )
}

fn from_row(row: UserRow) -> DbResult<User> {
    let (id, email, name, role, team_id, team_name, language, active) = row;
    Ok(User {
        id,
        email,
        name,
        role: Role::parse(&role)
            .ok_or_else(|| DbError::Invalid(format!("unknown role {role:?} for user {id}")))?,
        team_id,
        team_name,
        language: Lang::parse(&language).unwrap_or_default(),
        active,
    })
}

pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<User>> {
    users::table
        .inner_join(teams::table)
        .filter(users::id.eq(id))
        .select(user_columns())
        .first::<UserRow>(conn)
        .optional()?
        .map(from_row)
        .transpose()
}

/// The user and their password hash, for signing in.
pub fn find_for_sign_in(conn: &mut DbConnection, email: &str) -> DbResult<Option<(User, String)>> {
    let row = users::table
        .inner_join(teams::table)
        .filter(users::email.eq(email))
        .select((user_columns(), users::password_hash))
        .first::<(UserRow, String)>(conn)
        .optional()?;
    row.map(|(u, h)| from_row(u).map(|u| (u, h))).transpose()
}

pub fn list(conn: &mut DbConnection) -> DbResult<Vec<User>> {
    users::table
        .inner_join(teams::table)
        .order((users::active.desc(), teams::name.asc(), users::name.asc()))
        .select(user_columns())
        .load::<UserRow>(conn)?
        .into_iter()
        .map(from_row)
        .collect()
}

pub fn count(conn: &mut DbConnection) -> DbResult<i64> {
    Ok(users::table.count().get_result(conn)?)
}

pub fn email_taken(conn: &mut DbConnection, email: &str) -> DbResult<bool> {
    let n: i64 = users::table
        .filter(users::email.eq(email))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// What makes two team names the same: case is ignored ("Vantaa" and "VANTAA" are one team).
pub fn team_key(name: &str) -> String {
    crate::domain::text::squeeze(name).to_lowercase()
}

/// The id of the team with this name (case ignored), if there is one.
pub fn team_by_name(conn: &mut DbConnection, name: &str) -> DbResult<Option<i64>> {
    Ok(teams::table
        .filter(teams::name_key.eq(team_key(name)))
        .select(teams::id)
        .first(conn)
        .optional()?)
}

/// The team's id, creating the team when it does not exist yet (case ignored).
pub fn ensure_team(conn: &mut DbConnection, name: &str, now: NaiveDateTime) -> DbResult<i64> {
    match team_by_name(conn, name)? {
        Some(id) => Ok(id),
        None => Ok(diesel::insert_into(teams::table)
            .values((
                teams::name.eq(name),
                teams::name_key.eq(team_key(name)),
                teams::created_at.eq(now),
            ))
            .returning(teams::id)
            .get_result(conn)?),
    }
}

/// A new team; `None` when a team of that name (case ignored) exists already. The unique key
/// settles a race between two admins.
pub fn add_team(conn: &mut DbConnection, name: &str, now: NaiveDateTime) -> DbResult<Option<i64>> {
    if team_by_name(conn, name)?.is_some() {
        return Ok(None);
    }
    let inserted = diesel::insert_into(teams::table)
        .values((
            teams::name.eq(name),
            teams::name_key.eq(team_key(name)),
            teams::created_at.eq(now),
        ))
        .returning(teams::id)
        .get_result(conn);
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub fn teams(conn: &mut DbConnection) -> DbResult<Vec<Team>> {
    let rows: Vec<(i64, String)> = teams::table
        .order(teams::name.asc())
        .select((teams::id, teams::name))
        .load(conn)?;
    let counts: Vec<(i64, i64)> = users::table
        .filter(users::active.eq(true))
        .group_by(users::team_id)
        .select((users::team_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Team {
            id,
            name,
            member_count: counts
                .iter()
                .find(|(t, _)| *t == id)
                .map(|(_, n)| *n)
                .unwrap_or(0),
        })
        .collect())
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub team_id: i64,
    pub password_hash: &'a str,
    pub language: Lang,
}

pub fn insert(conn: &mut DbConnection, new: &NewUser<'_>, now: NaiveDateTime) -> DbResult<i64> {
    Ok(diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email),
            users::name.eq(new.name),
            users::role.eq(new.role.as_str()),
            users::team_id.eq(new.team_id),
            users::password_hash.eq(new.password_hash),
            users::language.eq(new.language.code()),
            users::active.eq(true),
            users::created_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)?)
}

pub fn set_language(conn: &mut DbConnection, id: i64, lang: Lang) -> DbResult<()> {
    diesel::update(users::table.find(id))
        .set(users::language.eq(lang.code()))
        .execute(conn)?;
    Ok(())
}

pub fn set_password_hash(conn: &mut DbConnection, id: i64, hash: &str) -> DbResult<()> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(hash))
        .execute(conn)?;
    Ok(())
}

/// Changes the user's role and team. When either changes, the user's sessions end (all but
/// `keep_session`, the one making the change, when admins change themselves): what a session
/// may see was decided by the old role.
pub fn set_role_and_team(
    conn: &mut DbConnection,
    id: i64,
    role: Role,
    team_id: i64,
    keep_session: Option<&str>,
) -> DbResult<bool> {
    conn.write(|conn| {
        let before: Option<(String, i64)> = users::table
            .find(id)
            .select((users::role, users::team_id))
            .first(conn)
            .optional()?;
        let Some((old_role, old_team)) = before else {
            return Ok(false);
        };
        diesel::update(users::table.find(id))
            .set((users::role.eq(role.as_str()), users::team_id.eq(team_id)))
            .execute(conn)?;
        if old_role != role.as_str() || old_team != team_id {
            match keep_session {
                Some(keep) => super::sessions::end_others(conn, id, keep)?,
                None => super::sessions::end_all_for_user(conn, id)?,
            };
        }
        Ok(true)
    })
}

/// Sets a new password hash and ends every session of the user but `keep_session` (the one
/// that changed it), in one transaction.
pub fn change_password(
    conn: &mut DbConnection,
    id: i64,
    hash: &str,
    keep_session: &str,
) -> DbResult<()> {
    conn.write(|conn| {
        set_password_hash(conn, id, hash)?;
        super::sessions::end_others(conn, id, keep_session)?;
        Ok(())
    })
}

/// Deactivates (the user's records stay) and ends their sessions; or reactivates.
pub fn set_active(
    conn: &mut DbConnection,
    id: i64,
    active: bool,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        let n = diesel::update(users::table.find(id))
            .set((
                users::active.eq(active),
                users::deactivated_at.eq(if active { None } else { Some(now) }),
            ))
            .execute(conn)?;
        if !active {
            super::sessions::end_all_for_user(conn, id)?;
        }
        Ok(n == 1)
    })
}

pub fn id_by_email(conn: &mut DbConnection, email: &str) -> DbResult<Option<i64>> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(conn)
        .optional()?)
}

pub fn team_exists(conn: &mut DbConnection, id: i64) -> DbResult<bool> {
    let n: i64 = teams::table
        .filter(teams::id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub enum CreateOutcome {
    Created(i64),
    EmailTaken,
}

/// Creates the account in `team` (made when missing), all or nothing.
pub fn create_account(
    conn: &mut DbConnection,
    account: &crate::domain::account::NewAccount,
    password_hash: &str,
    team: &str,
    now: NaiveDateTime,
) -> DbResult<CreateOutcome> {
    conn.write(|conn| {
        if email_taken(conn, account.email.as_str())? {
            return Ok(CreateOutcome::EmailTaken);
        }
        let team_id = ensure_team(conn, team.trim(), now)?;
        let id = insert(
            conn,
            &NewUser {
                email: account.email.as_str(),
                name: &account.name,
                role: account.role,
                team_id,
                password_hash,
                language: Lang::Fi,
            },
            now,
        )?;
        Ok(CreateOutcome::Created(id))
    })
}

pub fn team_name(conn: &mut DbConnection, id: i64) -> DbResult<Option<String>> {
    Ok(teams::table
        .find(id)
        .select(teams::name)
        .first(conn)
        .optional()?)
}

/// Active users who can hold relationships and follow-ups, by name.
pub fn active_people(conn: &mut DbConnection) -> DbResult<Vec<(i64, String, String)>> {
    Ok(users::table
        .inner_join(teams::table)
        .filter(users::active.eq(true))
        .order(users::name.asc())
        .select((users::id, users::name, teams::name))
        .load(conn)?)
}

pub fn is_active(conn: &mut DbConnection, id: i64) -> DbResult<bool> {
    let n: i64 = users::table
        .filter(users::id.eq(id))
        .filter(users::active.eq(true))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The users of the scope's teams (a team lead's own team; everyone for an admin), as [`list`]
/// orders them: whom a lead may hand over from or to.
pub fn list_in(conn: &mut DbConnection, scope: Scope) -> DbResult<Vec<User>> {
    Ok(list(conn)?
        .into_iter()
        .filter(|u| scope.includes_team(u.team_id))
        .collect())
}

/// A user of the scope's teams.
pub fn find_in(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<Option<User>> {
    Ok(find(conn, id)?.filter(|u| scope.includes_team(u.team_id)))
}

/// The teams of the scope, for report filters.
pub fn teams_in(conn: &mut DbConnection, scope: Scope) -> DbResult<Vec<Team>> {
    Ok(teams(conn)?
        .into_iter()
        .filter(|t| scope.includes_team(t.id))
        .collect())
}

/// Active people of the scope's teams: whom a team lead may give relationships and follow-ups.
pub fn active_people_in(
    conn: &mut DbConnection,
    scope: Scope,
) -> DbResult<Vec<(i64, String, String)>> {
    let mut query = users::table
        .inner_join(teams::table)
        .filter(users::active.eq(true))
        .order(users::name.asc())
        .select((users::id, users::name, teams::name))
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    Ok(query.load(conn)?)
}

/// Whether the user is active and in the scope's teams.
pub fn is_active_in(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<bool> {
    Ok(find_in(conn, scope, id)?.is_some_and(|u| u.active))
}
