//! Relationship health: employers held by one coach, orphaned by coaches who left, cooling after
//! a hire, and the wishes of active jobseekers no employer contact answers.

use super::{people, Person};
use crate::db::schema::{contacts, employers, industries, jobseekers, placements, users};
use crate::db::{DbConnection, DbResult, Scope};
use crate::domain::coverage::{parse_codes, preference_gaps, Gap, ACTIVE_DAYS, GAP_DAYS};
use crate::domain::ips::ACTIVE_STATUSES;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::dsl::{count_star, exists, not};
use diesel::prelude::*;
use std::collections::{HashMap, HashSet};

/// Whose relationships: a team's or one coach's (the coach who holds or last held them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub team_id: Option<i64>,
    pub coach_id: Option<i64>,
}

/// The filter inside the reader's scope: a team lead reads their own team's relationships
/// whatever the filter names; an admin anybody's.
#[derive(Debug, Clone, Copy)]
pub struct Within {
    pub scope: Scope,
    pub filter: Filter,
}

impl Within {
    fn includes(&self, person: Option<&Person>) -> bool {
        match (self.filter.team_id, self.filter.coach_id, person) {
            (None, None, None) => self.scope.is_organisation(),
            (_, _, None) => false,
            (team, coach, Some(p)) => {
                self.scope.includes_team(p.team_id)
                    && team.is_none_or(|t| p.team_id == t)
                    && coach.is_none_or(|c| p.id == c)
            }
        }
    }
}

/// An employer on one of the lists.
#[derive(Debug, Clone)]
pub struct Row {
    pub employer_id: i64,
    pub name: String,
    pub industry_code: Option<String>,
    pub municipality_code: Option<String>,
    pub stage: String,
    pub lead: Option<String>,
    pub last_contact_at: Option<NaiveDateTime>,
    /// The one coach (one-coach list) or the coach of the last contact (the other lists).
    pub coach: Option<Person>,
    /// Contacts in the last 12 months (one-coach list).
    pub contacts: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Health {
    pub one_coach: Vec<Row>,
    pub orphaned: Vec<Row>,
    pub cooling: Vec<Row>,
    pub industry_gaps: Vec<Gap>,
    pub municipality_gaps: Vec<Gap>,
    /// Active jobseekers whose wishes were read.
    pub jobseekers: usize,
}

type EmployerDbRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    Option<NaiveDateTime>,
    Option<i64>,
);

/// The columns of [`EmployerDbRow`]; the last one is the coach of the newest contact.
macro_rules! row_columns {
    () => {
        (
            employers::id,
            employers::name,
            employers::industry_code,
            employers::municipality_code,
            employers::stage,
            employers::lead_user_id,
            employers::last_contact_at,
            employers::last_contact_coach_id,
        )
    };
}

/// Details of the given non-archived employers.
fn details(conn: &mut DbConnection, ids: &[i64]) -> DbResult<Vec<EmployerDbRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(5000) {
        out.extend(
            employers::table
                .filter(employers::id.eq_any(chunk))
                .filter(employers::archived_at.is_null())
                .select(row_columns!())
                .load::<EmployerDbRow>(conn)?,
        );
    }
    Ok(out)
}

fn to_row(r: EmployerDbRow, people: &HashMap<i64, Person>, contacts: i64) -> Row {
    Row {
        employer_id: r.0,
        name: r.1,
        industry_code: r.2,
        municipality_code: r.3,
        stage: r.4,
        lead: r.5.and_then(|id| people.get(&id)).map(|p| p.name.clone()),
        last_contact_at: r.6,
        coach: r.7.and_then(|c| people.get(&c)).cloned(),
        contacts,
    }
}

fn by_coach_then_name(rows: &mut [Row]) {
    rows.sort_by_cached_key(|r| {
        (
            r.coach.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
            crate::domain::text::fold(&r.name),
            r.employer_id,
        )
    });
}

/// Employers whose contacts in the last 12 months were all by one coach: the newest contact is
/// in that time and nobody else's is (the columns of migration 000008).
pub fn one_coach(
    conn: &mut DbConnection,
    scope: Within,
    people: &HashMap<i64, Person>,
    now: NaiveDateTime,
) -> DbResult<Vec<Row>> {
    let since = now - TimeDelta::days(365);
    let talked_since = || {
        employers::table
            .filter(employers::archived_at.is_null())
            .filter(employers::last_contact_at.ge(since))
            .select(row_columns!())
    };
    // Two index ranges (nobody else ever; nobody else since) rather than one OR, which SQLite
    // answers by reading every employer talked to in the year.
    let mut held: Vec<EmployerDbRow> = talked_since()
        .filter(employers::other_coach_contact_at.is_null())
        .load(conn)?;
    held.extend(
        talked_since()
            .filter(employers::other_coach_contact_at.lt(since))
            .load::<EmployerDbRow>(conn)?,
    );
    let held: Vec<EmployerDbRow> = held
        .into_iter()
        .filter(|r| scope.includes(r.7.and_then(|c| people.get(&c))))
        .collect();
    let ids: Vec<i64> = held.iter().map(|r| r.0).collect();
    let mut counts: HashMap<i64, i64> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(5000) {
        counts.extend(
            contacts::table
                .filter(contacts::employer_id.eq_any(chunk))
                .filter(contacts::occurred_at.ge(since))
                .group_by(contacts::employer_id)
                .select((contacts::employer_id, count_star()))
                .load::<(i64, i64)>(conn)?,
        );
    }
    let mut rows: Vec<Row> = held
        .into_iter()
        .map(|r| {
            let n = counts.get(&r.0).copied().unwrap_or(0);
            to_row(r, people, n)
        })
        .collect();
    by_coach_then_name(&mut rows);
    Ok(rows)
}

/// Employers that had contacts, all of them by coaches who have since left. Only employers whose
/// newest contact was by someone who left can be such, so only those are looked into.
pub fn orphaned(
    conn: &mut DbConnection,
    scope: Within,
    people: &HashMap<i64, Person>,
) -> DbResult<Vec<Row>> {
    let left: Vec<i64> = people
        .values()
        .filter(|p| !p.active)
        .map(|p| p.id)
        .collect();
    if left.is_empty() {
        return Ok(Vec::new());
    }
    let found: Vec<EmployerDbRow> = employers::table
        .filter(employers::archived_at.is_null())
        .filter(employers::last_contact_coach_id.eq_any(&left))
        .filter(not(exists(
            contacts::table
                .filter(contacts::employer_id.eq(employers::id))
                .filter(contacts::coach_id.ne_all(&left)),
        )))
        .select(row_columns!())
        .load(conn)?;
    let mut rows: Vec<Row> = found
        .into_iter()
        .filter(|r| scope.includes(r.7.and_then(|c| people.get(&c))))
        .map(|r| to_row(r, people, 0))
        .collect();
    by_coach_then_name(&mut rows);
    Ok(rows)
}

/// Employers that have hired (stage or a placement) and had no contact for 90 days or more.
pub fn cooling(
    conn: &mut DbConnection,
    scope: Within,
    people: &HashMap<i64, Person>,
    now: NaiveDateTime,
) -> DbResult<Vec<Row>> {
    let cutoff = now - TimeDelta::days(ACTIVE_DAYS);
    let ids: Vec<i64> = employers::table
        .filter(employers::archived_at.is_null())
        .filter(
            employers::stage
                .eq("has_hired")
                .or(employers::id.eq_any(placements::table.select(placements::employer_id))),
        )
        .filter(
            employers::last_contact_at
                .is_null()
                .or(employers::last_contact_at.lt(cutoff)),
        )
        .select(employers::id)
        .load(conn)?;
    let mut rows: Vec<Row> = details(conn, &ids)?
        .into_iter()
        .filter(|r| scope.includes(r.7.and_then(|c| people.get(&c))))
        .map(|r| to_row(r, people, 0))
        .collect();
    // Longest without contact first.
    rows.sort_by(|a, b| {
        a.last_contact_at
            .cmp(&b.last_contact_at)
            .then(a.employer_id.cmp(&b.employer_id))
    });
    Ok(rows)
}

/// Industries and municipalities that active jobseekers (the scope's) want, where no employer
/// had a contact in the last 60 days. A wanted section is answered by any of its divisions.
pub fn gaps(
    conn: &mut DbConnection,
    scope: Within,
    now: NaiveDateTime,
) -> DbResult<(Vec<Gap>, Vec<Gap>, usize)> {
    let mut query = jobseekers::table
        .filter(jobseekers::status.eq_any(ACTIVE_STATUSES.to_vec()))
        .filter(jobseekers::anonymised_at.is_null())
        .select((jobseekers::wanted_industries, jobseekers::municipalities))
        .into_boxed();
    for team in [scope.filter.team_id, scope.scope.team()]
        .into_iter()
        .flatten()
    {
        query = query.filter(
            jobseekers::coach_id.eq_any(
                users::table
                    .filter(users::team_id.eq(team))
                    .select(users::id),
            ),
        );
    }
    if let Some(coach) = scope.filter.coach_id {
        query = query.filter(jobseekers::coach_id.eq(coach));
    }
    let wishes: Vec<(String, String)> = query.load(conn)?;
    let cutoff = now - TimeDelta::days(GAP_DAYS);
    let recent: Vec<(Option<String>, Option<String>)> = employers::table
        .filter(employers::last_contact_at.ge(cutoff))
        .select((employers::industry_code, employers::municipality_code))
        .distinct()
        .load(conn)?;
    let parents: HashMap<String, String> = industries::table
        .filter(industries::code_set.eq(crate::seed::reference::TOL_2008))
        .filter(industries::parent.is_not_null())
        .select((industries::code, industries::parent))
        .load::<(String, Option<String>)>(conn)?
        .into_iter()
        .filter_map(|(c, p)| p.map(|p| (c, p)))
        .collect();
    let mut contacted_industries: HashSet<String> = HashSet::new();
    let mut contacted_municipalities: HashSet<String> = HashSet::new();
    for (industry, municipality) in recent {
        if let Some(i) = industry {
            if let Some(section) = parents.get(&i) {
                contacted_industries.insert(section.clone());
            }
            contacted_industries.insert(i);
        }
        if let Some(m) = municipality {
            contacted_municipalities.insert(m);
        }
    }
    let industry_wishes: Vec<Vec<String>> = wishes.iter().map(|(i, _)| parse_codes(i)).collect();
    let municipality_wishes: Vec<Vec<String>> =
        wishes.iter().map(|(_, m)| parse_codes(m)).collect();
    Ok((
        preference_gaps(&industry_wishes, |c| contacted_industries.contains(c)),
        preference_gaps(&municipality_wishes, |c| {
            contacted_municipalities.contains(c)
        }),
        wishes.len(),
    ))
}

/// The report for the filter, inside the reader's scope.
pub fn health(
    conn: &mut DbConnection,
    scope: Scope,
    filter: Filter,
    now: NaiveDateTime,
) -> DbResult<Health> {
    let scope = Within { scope, filter };
    let people = people(conn)?;
    let (industry_gaps, municipality_gaps, jobseekers) = gaps(conn, scope, now)?;
    Ok(Health {
        one_coach: one_coach(conn, scope, &people, now)?,
        orphaned: orphaned(conn, scope, &people)?,
        cooling: cooling(conn, scope, &people, now)?,
        industry_gaps,
        municipality_gaps,
        jobseekers,
    })
}
