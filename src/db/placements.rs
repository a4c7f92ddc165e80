//! Placements: a hire and everything it changes at once, the follow-along support contacts,
//! and ending a placement.

use super::audit::{self, Entry};
use super::schema::{employers, jobseekers, placements, support_contacts, users};
use super::{
    employers as employer_store, jobseekers as jobseeker_store, matches, openings, DbConnection,
    DbError, DbResult, Scope,
};
use crate::domain::contact::Outcome;
use crate::domain::employer::stage_after_contact;
use crate::domain::jobs::{
    EndReason, JobseekerStatus, MatchStage, OpeningStatus, SupportChannel, WithWhom,
};
use crate::domain::placement::PlacementFields;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = placements)]
pub struct Placement {
    pub id: i64,
    pub jobseeker_id: i64,
    pub employer_id: i64,
    pub opening_id: Option<i64>,
    pub match_id: Option<i64>,
    pub coach_id: i64,
    pub job_title: String,
    pub occupation: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub hours_per_week: Option<i64>,
    pub pay: Option<i64>,
    pub pay_unit: Option<String>,
    pub contract_type: Option<String>,
    pub competitive: bool,
    pub wage_subsidy: bool,
    pub wage_subsidy_percent: Option<i64>,
    pub disclosure: String,
    pub end_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What a hire changed, for the flash and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hired {
    pub placement_id: i64,
    pub opening_filled: bool,
    pub employer_stage_moved: bool,
}

/// Records a hire in one transaction: the placement; the match moved to "hired" (when it came
/// from one); the opening filled; the employer's stage "has hired"; the jobseeker working with
/// support. Anything failing leaves nothing behind; so does a jobseeker outside the scope.
pub fn create(
    conn: &mut DbConnection,
    scope: Scope,
    f: &PlacementFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<Hired> {
    conn.write(|conn| {
        if !jobseeker_store::in_scope(conn, scope, f.jobseeker_id)? {
            return Err(DbError::Invalid(format!(
                "jobseeker {} is not in the scope",
                f.jobseeker_id
            )));
        }
        let id: i64 = diesel::insert_into(placements::table)
            .values((
                placements::jobseeker_id.eq(f.jobseeker_id),
                placements::employer_id.eq(f.employer_id),
                placements::opening_id.eq(f.opening_id),
                placements::match_id.eq(f.match_id),
                placements::coach_id.eq(user_id),
                placements::job_title.eq(&f.job_title),
                placements::occupation.eq(&f.occupation),
                placements::starts_on.eq(f.starts_on),
                placements::ends_on.eq(f.ends_on),
                placements::hours_per_week.eq(f.hours_per_week.map(|h| h.0)),
                placements::pay.eq(f.pay.map(|c| c.0)),
                placements::pay_unit.eq(f.pay_unit.map(|u| u.as_str())),
                placements::contract_type.eq(f.contract_type.map(|c| c.as_str())),
                placements::competitive.eq(f.competitive),
                placements::wage_subsidy.eq(f.wage_subsidy),
                placements::wage_subsidy_percent.eq(f.wage_subsidy_percent),
                placements::disclosure.eq(f.disclosure.as_str()),
                placements::created_at.eq(now),
                placements::updated_at.eq(now),
            ))
            .returning(placements::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "placement",
                entity_id: id,
                employer_id: Some(f.employer_id),
                action: "create",
            },
            &audit::diff(&[("job_title", String::new(), f.job_title.clone())]),
            now,
        )?;
        if let Some(match_id) = f.match_id {
            let moved = matches::move_to(
                conn,
                scope,
                match_id,
                MatchStage::Hired,
                f.starts_on.min(crate::format::today_helsinki(now)),
                "",
                user_id,
                now,
            )?;
            if moved != matches::Moved::Done {
                return Err(DbError::Invalid(format!(
                    "match {match_id} cannot move to hired"
                )));
            }
        }
        let mut opening_filled = false;
        if let Some(opening_id) = f.opening_id {
            openings::set_status(conn, opening_id, OpeningStatus::Filled, user_id, now)?;
            opening_filled = true;
        }
        let employer = employer_store::find(conn, f.employer_id)?
            .ok_or_else(|| DbError::Invalid(format!("no employer {}", f.employer_id)))?;
        let next = stage_after_contact(employer.stage(), Outcome::Hired);
        if let Some(to) = next {
            employer_store::set_stage(conn, f.employer_id, employer.stage(), to, user_id, now)?;
        }
        jobseeker_store::set_status(conn, f.jobseeker_id, JobseekerStatus::Working, user_id, now)?;
        Ok(Hired {
            placement_id: id,
            opening_filled,
            employer_stage_moved: next.is_some(),
        })
    })
}

/// Takes the row locks a hire's checks depend on (the opening, then the jobseeker), inside the
/// caller's write transaction. On PostgreSQL a second hire of the same opening or jobseeker
/// waits until the first commits and then reads what it wrote; on SQLite the write
/// transaction holds the database's one write lock already.
pub fn lock_for_hire(conn: &mut DbConnection, f: &PlacementFields) -> DbResult<()> {
    use super::schema::openings;
    if let Some(o) = f.opening_id {
        diesel::update(openings::table.find(o))
            .set(openings::version.eq(openings::version))
            .execute(conn)?;
    }
    diesel::update(jobseekers::table.find(f.jobseeker_id))
        .set(jobseekers::updated_at.eq(jobseekers::updated_at))
        .execute(conn)?;
    Ok(())
}

/// Whether a placement was recorded from this match already.
pub fn exists_for_match(conn: &mut DbConnection, match_id: i64) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        placements::table.filter(placements::match_id.eq(match_id)),
    ))
    .get_result(conn)?)
}

/// A placement whose jobseeker is in the scope; another team's is not found.
pub fn find(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<Option<Placement>> {
    let mut query = placements::table
        .inner_join(
            jobseekers::table.inner_join(users::table.on(users::id.eq(jobseekers::coach_id))),
        )
        .filter(placements::id.eq(id))
        .select(Placement::as_select())
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    Ok(query.first(conn).optional()?)
}

/// A placement of the scope's jobseekers, as lists show it.
#[derive(Debug, Clone, Queryable)]
pub struct PlacementRow {
    pub id: i64,
    pub job_title: String,
    pub employer_id: i64,
    pub employer_name: String,
    pub jobseeker_id: i64,
    pub jobseeker_name: String,
    pub jobseeker_team_id: i64,
    pub coach_name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct PlacementFilter {
    pub jobseeker_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub current_only: bool,
}

/// The scope's placements by the filter.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    filter: &PlacementFilter,
    today: NaiveDate,
) -> DbResult<Vec<PlacementRow>> {
    let mut query = placements::table
        .inner_join(employers::table)
        .inner_join(
            jobseekers::table.inner_join(users::table.on(users::id.eq(jobseekers::coach_id))),
        )
        .into_boxed();
    if let Some(t) = scope.team() {
        query = query.filter(users::team_id.eq(t));
    }
    if let Some(j) = filter.jobseeker_id {
        query = query.filter(placements::jobseeker_id.eq(j));
    }
    if let Some(e) = filter.employer_id {
        query = query.filter(placements::employer_id.eq(e));
    }
    if filter.current_only {
        query = query.filter(
            placements::ends_on
                .is_null()
                .or(placements::ends_on.ge(today)),
        );
    }
    let rows: Vec<PlacementRow> = query
        .order((placements::starts_on.desc(), placements::id.desc()))
        .limit(1000)
        .select((
            placements::id,
            placements::job_title,
            employers::id,
            employers::name,
            jobseekers::id,
            jobseekers::display_name,
            users::team_id,
            users::name,
            placements::starts_on,
            placements::ends_on,
        ))
        .load(conn)?;
    Ok(rows)
}

#[derive(Debug, Clone, Queryable)]
pub struct SupportContact {
    pub id: i64,
    pub occurred_on: NaiveDate,
    pub channel: String,
    pub with_whom: String,
    pub notes: String,
    pub coach_name: String,
}

/// The follow-along contacts of a placement in the scope; none for another team's.
pub fn support_contacts(
    conn: &mut DbConnection,
    scope: Scope,
    placement_id: i64,
) -> DbResult<Vec<SupportContact>> {
    if find(conn, scope, placement_id)?.is_none() {
        return Ok(Vec::new());
    }
    let rows: Vec<SupportContact> = support_contacts::table
        .inner_join(users::table.on(users::id.eq(support_contacts::coach_id)))
        .filter(support_contacts::placement_id.eq(placement_id))
        .order((
            support_contacts::occurred_on.desc(),
            support_contacts::id.desc(),
        ))
        .select((
            support_contacts::id,
            support_contacts::occurred_on,
            support_contacts::channel,
            support_contacts::with_whom,
            support_contacts::notes,
            users::name,
        ))
        .load(conn)?;
    Ok(rows)
}

/// Logs a follow-along contact on a placement in the scope; `None` for another team's.
#[allow(clippy::too_many_arguments)]
pub fn add_support_contact(
    conn: &mut DbConnection,
    scope: Scope,
    placement_id: i64,
    coach_id: i64,
    on: NaiveDate,
    channel: SupportChannel,
    with_whom: WithWhom,
    notes: &str,
    now: NaiveDateTime,
) -> DbResult<Option<i64>> {
    if find(conn, scope, placement_id)?.is_none() {
        return Ok(None);
    }
    Ok(Some(
        diesel::insert_into(support_contacts::table)
            .values((
                support_contacts::placement_id.eq(placement_id),
                support_contacts::coach_id.eq(coach_id),
                support_contacts::occurred_on.eq(on),
                support_contacts::channel.eq(channel.as_str()),
                support_contacts::with_whom.eq(with_whom.as_str()),
                support_contacts::notes.eq(notes),
                support_contacts::created_at.eq(now),
            ))
            .returning(support_contacts::id)
            .get_result(conn)?,
    ))
}

/// Ends a placement with a neutral reason. A jobseeker with no other current placement goes
/// back to job search. False when there is no such placement in the scope.
pub fn end(
    conn: &mut DbConnection,
    scope: Scope,
    id: i64,
    on: NaiveDate,
    reason: EndReason,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        let Some(p) = find(conn, scope, id)? else {
            return Ok(false);
        };
        diesel::update(placements::table.find(id))
            .set((
                placements::ends_on.eq(Some(on)),
                placements::end_reason.eq(Some(reason.as_str())),
                placements::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "placement",
                entity_id: id,
                employer_id: Some(p.employer_id),
                action: "end",
            },
            &audit::diff(&[("end_reason", String::new(), reason.as_str().to_owned())]),
            now,
        )?;
        let today = crate::format::today_helsinki(now);
        let others: i64 = placements::table
            .filter(placements::jobseeker_id.eq(p.jobseeker_id))
            .filter(placements::id.ne(id))
            .filter(
                placements::ends_on
                    .is_null()
                    .or(placements::ends_on.ge(today)),
            )
            .count()
            .get_result(conn)?;
        let js = jobseeker_store::find_for_write(conn, p.jobseeker_id)?;
        if others == 0 && on <= today && js.is_some_and(|j| j.status() == JobseekerStatus::Working)
        {
            jobseeker_store::set_status(
                conn,
                p.jobseeker_id,
                JobseekerStatus::JobSearch,
                user_id,
                now,
            )?;
        }
        Ok(true)
    })
}
