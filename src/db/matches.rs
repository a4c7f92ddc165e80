//! Matches between jobseekers and openings, and their dated moves through the stages.

use super::audit::{self, Entry};
use super::schema::{employers, jobseekers, match_events, matches, openings, users};
use super::{DbConnection, DbError, DbResult};
use crate::domain::jobs::MatchStage;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = matches)]
pub struct Match {
    pub id: i64,
    pub opening_id: i64,
    pub jobseeker_id: i64,
    pub coach_id: i64,
    pub stage: String,
    pub score: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Match {
    pub fn stage(&self) -> MatchStage {
        MatchStage::parse(&self.stage).unwrap_or(MatchStage::Suggested)
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<Match>> {
    Ok(matches::table
        .find(id)
        .select(Match::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_pair(
    conn: &mut DbConnection,
    opening_id: i64,
    jobseeker_id: i64,
) -> DbResult<Option<Match>> {
    Ok(matches::table
        .filter(matches::opening_id.eq(opening_id))
        .filter(matches::jobseeker_id.eq(jobseeker_id))
        .select(Match::as_select())
        .first(conn)
        .optional()?)
}

fn employer_of_opening(conn: &mut DbConnection, opening_id: i64) -> DbResult<i64> {
    openings::table
        .find(opening_id)
        .select(openings::employer_id)
        .first(conn)
        .optional()?
        .ok_or_else(|| DbError::Invalid(format!("no opening {opening_id}")))
}

#[allow(clippy::too_many_arguments)]
fn add_event(
    conn: &mut DbConnection,
    match_id: i64,
    employer_id: i64,
    stage: MatchStage,
    on: NaiveDate,
    user_id: i64,
    note: &str,
    now: NaiveDateTime,
) -> DbResult<()> {
    diesel::insert_into(match_events::table)
        .values((
            match_events::match_id.eq(match_id),
            match_events::employer_id.eq(employer_id),
            match_events::stage.eq(stage.as_str()),
            match_events::occurred_on.eq(on),
            match_events::user_id.eq(user_id),
            match_events::note.eq(note),
            match_events::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Suggests a pair; an existing match for the same pair is returned as it is.
pub fn suggest(
    conn: &mut DbConnection,
    opening_id: i64,
    jobseeker_id: i64,
    coach_id: i64,
    score: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        if let Some(existing) = find_pair(conn, opening_id, jobseeker_id)? {
            return Ok(existing.id);
        }
        let employer_id = employer_of_opening(conn, opening_id)?;
        let id: i64 = diesel::insert_into(matches::table)
            .values((
                matches::opening_id.eq(opening_id),
                matches::jobseeker_id.eq(jobseeker_id),
                matches::coach_id.eq(coach_id),
                matches::stage.eq(MatchStage::Suggested.as_str()),
                matches::score.eq(score),
                matches::created_at.eq(now),
                matches::updated_at.eq(now),
            ))
            .returning(matches::id)
            .get_result(conn)?;
        let today = crate::format::today_helsinki(now);
        add_event(
            conn,
            id,
            employer_id,
            MatchStage::Suggested,
            today,
            coach_id,
            "",
            now,
        )?;
        Ok(id)
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum Moved {
    Done,
    NotFound,
    /// The match is finished or the stage is not a step from here.
    NotAllowed,
}

/// Moves a match to a stage on a date. Hiring goes through [`super::placements::create`], which
/// calls this inside its own transaction.
pub fn move_to(
    conn: &mut DbConnection,
    id: i64,
    stage: MatchStage,
    on: NaiveDate,
    note: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<Moved> {
    conn.write(|conn| {
        let Some(current) = find(conn, id)? else {
            return Ok(Moved::NotFound);
        };
        if !current.stage().next_stages().contains(&stage) {
            return Ok(Moved::NotAllowed);
        }
        // Only the stage read above may be replaced: two coaches moving at once cannot both win.
        let n = diesel::update(
            matches::table
                .find(id)
                .filter(matches::stage.eq(&current.stage)),
        )
        .set((
            matches::stage.eq(stage.as_str()),
            matches::updated_at.eq(now),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(Moved::NotAllowed);
        }
        let employer_id = employer_of_opening(conn, current.opening_id)?;
        add_event(conn, id, employer_id, stage, on, user_id, note, now)?;
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "match",
                entity_id: id,
                employer_id: Some(employer_id),
                action: "update",
            },
            &audit::diff(&[("stage", current.stage.clone(), stage.as_str().to_owned())]),
            now,
        )?;
        Ok(Moved::Done)
    })
}

/// A match as lists show it. The jobseeker's name is filled only for viewers of their team.
#[derive(Debug, Clone, Queryable)]
pub struct MatchRow {
    pub id: i64,
    pub stage: String,
    pub score: i64,
    pub opening_id: i64,
    pub opening_title: String,
    pub employer_id: i64,
    pub employer_name: String,
    pub jobseeker_id: i64,
    pub jobseeker_name: String,
    pub jobseeker_team_id: i64,
    pub coach_name: String,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct MatchFilter {
    pub opening_id: Option<i64>,
    pub jobseeker_id: Option<i64>,
    /// Matches of jobseekers whose coach is this user.
    pub coach_id: Option<i64>,
    /// Matches of jobseekers whose coach is in this team.
    pub team_id: Option<i64>,
    pub open_only: bool,
}

pub fn list(conn: &mut DbConnection, filter: &MatchFilter) -> DbResult<Vec<MatchRow>> {
    let mut query = matches::table
        .inner_join(openings::table.inner_join(employers::table))
        .inner_join(
            jobseekers::table.inner_join(users::table.on(users::id.eq(jobseekers::coach_id))),
        )
        .into_boxed();
    if let Some(o) = filter.opening_id {
        query = query.filter(matches::opening_id.eq(o));
    }
    if let Some(j) = filter.jobseeker_id {
        query = query.filter(matches::jobseeker_id.eq(j));
    }
    if let Some(c) = filter.coach_id {
        query = query.filter(jobseekers::coach_id.eq(c));
    }
    if let Some(t) = filter.team_id {
        query = query.filter(users::team_id.eq(t));
    }
    if filter.open_only {
        query = query.filter(matches::stage.eq_any([
            "suggested",
            "discussed",
            "introduced",
            "interview",
        ]));
    }
    let rows: Vec<MatchRow> = query
        .order((matches::updated_at.desc(), matches::id.desc()))
        .limit(1000)
        .select((
            matches::id,
            matches::stage,
            matches::score,
            openings::id,
            openings::title,
            employers::id,
            employers::name,
            jobseekers::id,
            jobseekers::display_name,
            users::team_id,
            users::name,
            matches::updated_at,
        ))
        .load(conn)?;
    Ok(rows)
}

/// A dated move, as the match page and the employer's timeline show it.
#[derive(Debug, Clone, Queryable)]
pub struct Event {
    pub match_id: i64,
    pub stage: String,
    pub occurred_on: NaiveDate,
    pub user_name: String,
    pub note: String,
    pub opening_id: i64,
    pub opening_title: String,
    pub created_at: NaiveDateTime,
}

fn events(
    conn: &mut DbConnection,
    by_employer: Option<i64>,
    by_match: Option<i64>,
) -> DbResult<Vec<Event>> {
    let mut query = match_events::table
        .inner_join(users::table.on(users::id.eq(match_events::user_id)))
        .inner_join(matches::table.inner_join(openings::table))
        .into_boxed();
    if let Some(e) = by_employer {
        query = query.filter(match_events::employer_id.eq(e)).filter(
            match_events::stage.eq_any(
                MatchStage::ALL
                    .iter()
                    .filter(|s| s.is_employer_side())
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        );
    }
    if let Some(m) = by_match {
        query = query.filter(match_events::match_id.eq(m));
    }
    let rows: Vec<Event> = query
        .order((match_events::occurred_on.desc(), match_events::id.desc()))
        .limit(500)
        .select((
            match_events::match_id,
            match_events::stage,
            match_events::occurred_on,
            users::name,
            match_events::note,
            openings::id,
            openings::title,
            match_events::created_at,
        ))
        .load(conn)?;
    Ok(rows)
}

/// The employer-side moves (introduced, interview, hired, not selected) at an employer.
pub fn employer_events(conn: &mut DbConnection, employer_id: i64) -> DbResult<Vec<Event>> {
    events(conn, Some(employer_id), None)
}

pub fn match_events(conn: &mut DbConnection, match_id: i64) -> DbResult<Vec<Event>> {
    events(conn, None, Some(match_id))
}
