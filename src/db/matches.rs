//! Matches between jobseekers and openings, and their dated moves through the stages.

use super::audit::{self, Entry};
use super::schema::{employers, jobseekers, match_events, matches, openings, users};
use super::{jobseekers as jobseeker_store, DbConnection, DbError, DbResult, Scope};
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

/// A match whose jobseeker is in the scope; another team's is not found.
pub fn find(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<Option<Match>> {
    let mut query = matches::table
        .inner_join(
            jobseekers::table.inner_join(users::table.on(users::id.eq(jobseekers::coach_id))),
        )
        .filter(matches::id.eq(id))
        .select(Match::as_select())
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    Ok(query.first(conn).optional()?)
}

fn find_pair(
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

/// Suggests a pair; an existing match for the same pair is returned as it is. A jobseeker
/// outside the scope is refused.
pub fn suggest(
    conn: &mut DbConnection,
    scope: Scope,
    opening_id: i64,
    jobseeker_id: i64,
    coach_id: i64,
    score: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        if !jobseeker_store::in_scope(conn, scope, jobseeker_id)? {
            return Err(DbError::Invalid(format!(
                "jobseeker {jobseeker_id} is not in the scope"
            )));
        }
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

/// Moves a match (its jobseeker in the scope) to a stage on a date. Hiring goes through
/// [`super::placements::create`], which calls this inside its own transaction.
#[allow(clippy::too_many_arguments)]
pub fn move_to(
    conn: &mut DbConnection,
    scope: Scope,
    id: i64,
    stage: MatchStage,
    on: NaiveDate,
    note: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<Moved> {
    conn.write(|conn| {
        let Some(current) = find(conn, scope, id)? else {
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

/// A match as lists show it.
#[derive(Debug, Clone)]
pub struct MatchRow {
    pub id: i64,
    pub stage: String,
    pub score: i64,
    pub opening_id: i64,
    pub opening_title: String,
    pub employer_id: i64,
    pub employer_name: String,
    pub jobseeker_id: i64,
    /// `None` for another team's jobseeker: the scope does not read their name (the list shows
    /// the coach to ask instead). Empty once the profile is anonymised.
    pub jobseeker_name: Option<String>,
    pub jobseeker_team_id: i64,
    pub coach_name: String,
    pub updated_at: NaiveDateTime,
}

type MatchDbRow = (
    i64,
    String,
    i64,
    i64,
    String,
    i64,
    String,
    i64,
    String,
    i64,
    String,
    NaiveDateTime,
);

impl MatchRow {
    /// Whether the match's jobseeker is in the scope that listed it: only then it can be moved.
    pub fn in_scope(&self) -> bool {
        self.jobseeker_name.is_some()
    }

    fn scoped(r: MatchDbRow, scope: Scope) -> MatchRow {
        let (id, stage, score, opening_id, opening_title, employer_id, employer_name) =
            (r.0, r.1, r.2, r.3, r.4, r.5, r.6);
        let (jobseeker_id, name, team, coach_name, updated_at) = (r.7, r.8, r.9, r.10, r.11);
        MatchRow {
            id,
            stage,
            score,
            opening_id,
            opening_title,
            employer_id,
            employer_name,
            jobseeker_id,
            jobseeker_name: scope.includes_team(team).then_some(name),
            jobseeker_team_id: team,
            coach_name,
            updated_at,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MatchFilter {
    /// An opening's matches, all teams' (other teams' without the jobseeker's name).
    pub opening_id: Option<i64>,
    pub jobseeker_id: Option<i64>,
    /// Matches of jobseekers whose coach is this user.
    pub coach_id: Option<i64>,
    /// Matches of jobseekers whose coach is in this team.
    pub team_id: Option<i64>,
    pub open_only: bool,
}

/// Matches by the filter. Without an opening, only the scope's; with one, every team's, and
/// the names of other teams' jobseekers are not read into the rows.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    filter: &MatchFilter,
) -> DbResult<Vec<MatchRow>> {
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
    if let (Some(team), None) = (scope.team(), filter.opening_id) {
        query = query.filter(users::team_id.eq(team));
    }
    if filter.open_only {
        query = query.filter(matches::stage.eq_any([
            "suggested",
            "discussed",
            "introduced",
            "interview",
        ]));
    }
    let rows: Vec<MatchDbRow> = query
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
    Ok(rows
        .into_iter()
        .map(|r| MatchRow::scoped(r, scope))
        .collect())
}

/// A dated move, as the employer's timeline shows it.
#[derive(Debug, Clone)]
pub struct Event {
    pub match_id: i64,
    pub stage: String,
    pub occurred_on: NaiveDate,
    pub user_name: String,
    /// The note written with the move: about the jobseeker, so empty for another team's.
    pub note: String,
    pub opening_id: i64,
    pub opening_title: String,
    pub created_at: NaiveDateTime,
}

/// The employer-side moves (introduced, interview, hired, not selected) at an employer, every
/// team's; the notes only of the scope's jobseekers.
pub fn employer_events(
    conn: &mut DbConnection,
    scope: Scope,
    employer_id: i64,
) -> DbResult<Vec<Event>> {
    type Row = (
        i64,
        String,
        NaiveDate,
        String,
        String,
        i64,
        String,
        NaiveDateTime,
        i64,
    );
    let employer_side: Vec<&str> = MatchStage::ALL
        .iter()
        .filter(|s| s.is_employer_side())
        .map(|s| s.as_str())
        .collect();
    let rows: Vec<Row> = match_events::table
        .inner_join(users::table.on(users::id.eq(match_events::user_id)))
        .inner_join(matches::table.inner_join(openings::table))
        .filter(match_events::employer_id.eq(employer_id))
        .filter(match_events::stage.eq_any(employer_side))
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
            matches::jobseeker_id,
        ))
        .load(conn)?;
    let mut seekers: Vec<i64> = rows.iter().map(|r| r.8).collect();
    seekers.sort_unstable();
    seekers.dedup();
    let teams: std::collections::HashMap<i64, i64> = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::id.eq_any(&seekers))
        .select((jobseekers::id, users::team_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let readable = teams.get(&r.8).is_some_and(|t| scope.includes_team(*t));
            Event {
                match_id: r.0,
                stage: r.1,
                occurred_on: r.2,
                user_name: r.3,
                note: if readable { r.4 } else { String::new() },
                opening_id: r.5,
                opening_title: r.6,
                created_at: r.7,
            }
        })
        .collect())
}
