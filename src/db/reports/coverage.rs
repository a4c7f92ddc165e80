//! Coverage counts per division × municipality, each counted with the employer list's own filter.

use crate::db::schema::{contacts, employers, openings, placements, users};
use crate::db::{DbConnection, DbResult};
use crate::domain::coverage::{Counts, RawCell, ACTIVE_DAYS};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub team_id: Option<i64>,
    /// The period of "placements in the period".
    pub from: NaiveDate,
    pub to: NaiveDate,
}

type Key = (Option<String>, Option<String>);
type Grouped = Vec<(Option<String>, Option<String>, i64)>;

/// Groups an employer query by (industry, municipality) and counts, in the database.
macro_rules! grouped {
    ($conn:expr, $query:expr) => {{
        let rows: Grouped = $query
            .group_by((employers::industry_code, employers::municipality_code))
            .select((
                employers::industry_code,
                employers::municipality_code,
                count_star(),
            ))
            .load($conn)?;
        rows
    }};
}

/// Employers, active ones, ones with open openings and ones with placements in the period, per
/// (industry code, municipality code). Each count is the employer list's filter of the same
/// name (`ListFilter`: `active_90`, `open_openings`, `placed`, `team_id`), written as a
/// grouped query so that the database counts; the tests check that the two agree.
pub fn counts(conn: &mut DbConnection, p: &Params, now: NaiveDateTime) -> DbResult<Vec<RawCell>> {
    let live = employers::table.filter(employers::archived_at.is_null());
    let team_users = |team: i64| {
        users::table
            .filter(users::team_id.eq(team))
            .select(users::id)
    };
    let cutoff = now - TimeDelta::days(ACTIVE_DAYS);
    let open = openings::table.filter(openings::status.eq("open"));
    let placed = placements::table
        .filter(placements::starts_on.ge(p.from))
        .filter(placements::starts_on.le(p.to));

    let all = grouped!(conn, live);
    let (active, with_openings, with_placements) = match p.team_id {
        None => (
            grouped!(conn, live.filter(employers::last_contact_at.ge(cutoff))),
            grouped!(
                conn,
                live.filter(employers::id.eq_any(open.select(openings::employer_id)))
            ),
            grouped!(
                conn,
                live.filter(employers::id.eq_any(placed.select(placements::employer_id)))
            ),
        ),
        Some(team) => (
            grouped!(
                conn,
                live.filter(
                    employers::id.eq_any(
                        contacts::table
                            .filter(contacts::occurred_at.ge(cutoff))
                            .filter(contacts::coach_id.eq_any(team_users(team)))
                            .select(contacts::employer_id)
                    )
                )
            ),
            grouped!(
                conn,
                live.filter(
                    employers::id.eq_any(
                        open.filter(openings::coach_id.eq_any(team_users(team)))
                            .select(openings::employer_id)
                    )
                )
            ),
            grouped!(
                conn,
                live.filter(
                    employers::id.eq_any(
                        placed
                            .filter(placements::coach_id.eq_any(team_users(team)))
                            .select(placements::employer_id)
                    )
                )
            ),
        ),
    };
    let mut cells: HashMap<Key, Counts> = HashMap::new();
    for (i, rows) in [all, active, with_openings, with_placements]
        .into_iter()
        .enumerate()
    {
        for (industry, municipality, n) in rows {
            let c = cells.entry((industry, municipality)).or_default();
            match i {
                0 => c.employers = n,
                1 => c.active = n,
                2 => c.with_openings = n,
                _ => c.with_placements = n,
            }
        }
    }
    Ok(cells.into_iter().map(|((i, m), c)| (i, m, c)).collect())
}
