//! Coverage counts per division × municipality, each counted with the employer list's own filter.

use crate::db::employers::{filtered, ListFilter};
use crate::db::schema::employers;
use crate::db::{DbConnection, DbResult};
use crate::domain::coverage::{Counts, RawCell};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub team_id: Option<i64>,
    /// The period of "placements in the period".
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Params {
    /// The employer-list filters behind each of a cell's four numbers.
    pub fn filters(&self) -> [ListFilter; 4] {
        [
            ListFilter::default(),
            ListFilter {
                active_90: true,
                team_id: self.team_id,
                ..Default::default()
            },
            ListFilter {
                open_openings: true,
                team_id: self.team_id,
                ..Default::default()
            },
            ListFilter {
                placed: Some((self.from, self.to)),
                team_id: self.team_id,
                ..Default::default()
            },
        ]
    }
}

type Key = (Option<String>, Option<String>);

/// The (industry, municipality) of every employer the filter matches, counted.
fn grouped(
    conn: &mut DbConnection,
    f: &ListFilter,
    now: NaiveDateTime,
) -> DbResult<HashMap<Key, i64>> {
    let pairs: Vec<Key> = filtered(f, now)
        .select((employers::industry_code, employers::municipality_code))
        .load(conn)?;
    let mut counts: HashMap<Key, i64> = HashMap::new();
    for pair in pairs {
        *counts.entry(pair).or_default() += 1;
    }
    Ok(counts)
}

/// Employers, active ones, ones with open openings and ones with placements in the period, per
/// (industry code, municipality code).
pub fn counts(conn: &mut DbConnection, p: &Params, now: NaiveDateTime) -> DbResult<Vec<RawCell>> {
    let mut cells: HashMap<Key, Counts> = HashMap::new();
    for (i, filter) in p.filters().iter().enumerate() {
        for (key, n) in grouped(conn, filter, now)? {
            let c = cells.entry(key).or_default();
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
