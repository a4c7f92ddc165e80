//! Jobseekers: the team's caseload, one profile, consents, the employer contacts made on their
//! behalf, and anonymisation (after the retention period, or at once on request).
//!
//! The audit trail records that a profile was created, changed, anonymised or erased, never the
//! values: what it would keep is exactly what erasure must remove.

use super::audit::{self, Entry};
use super::schema::{
    contacts, employers, jobseekers, match_events, matches, support_contacts, users,
};
use super::{DbConnection, DbResult, Scope};
use crate::domain::jobs::{format_set, parse_set, JobseekerStatus};
use crate::domain::jobseeker::{JobseekerFields, JobseekerForm};
use crate::domain::money::Cents;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobseekers)]
pub struct Jobseeker {
    pub id: i64,
    pub display_name: String,
    pub coach_id: i64,
    pub entered_on: NaiveDate,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
    pub consent_employer_contact: bool,
    pub consent_employer_scope: String,
    pub consent_needs: bool,
    pub consent_given_on: Option<NaiveDate>,
    pub disclosure: String,
    pub disclosure_wording: String,
    pub wanted_occupations: String,
    pub avoided_occupations: String,
    pub wanted_industries: String,
    pub avoided_industries: String,
    pub municipalities: String,
    pub travel: String,
    pub hours_min: Option<i64>,
    pub hours_max: Option<i64>,
    pub schedules: String,
    pub contract_types: String,
    pub pay_expectation: Option<i64>,
    pub pay_unit: Option<String>,
    pub strengths: String,
    pub languages: String,
    pub licences: String,
    pub needs: String,
    pub notes: String,
    pub anonymised_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Jobseeker {
    pub fn status(&self) -> JobseekerStatus {
        JobseekerStatus::parse(&self.status).unwrap_or(JobseekerStatus::JobSearch)
    }

    pub fn to_form(&self) -> JobseekerForm {
        let list = |s: &str| parse_set(s, |c| Some(c.to_owned()));
        let hours = |h: Option<i64>| h.map(crate::format::hours).unwrap_or_default();
        JobseekerForm {
            display_name: self.display_name.clone(),
            coach_id: self.coach_id.to_string(),
            entered_on: self.entered_on.to_string(),
            status: self.status.clone(),
            consent_employer_contact: if self.consent_employer_contact {
                "on".into()
            } else {
                String::new()
            },
            consent_employer_scope: self.consent_employer_scope.clone(),
            consent_needs: if self.consent_needs {
                "on".into()
            } else {
                String::new()
            },
            consent_given_on: self
                .consent_given_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            disclosure: self.disclosure.clone(),
            disclosure_wording: self.disclosure_wording.clone(),
            wanted_occupations: self.wanted_occupations.clone(),
            avoided_occupations: self.avoided_occupations.clone(),
            wanted_industries: list(&self.wanted_industries),
            avoided_industries: list(&self.avoided_industries),
            municipalities: list(&self.municipalities),
            travel: self.travel.clone(),
            hours_min: hours(self.hours_min),
            hours_max: hours(self.hours_max),
            schedules: list(&self.schedules),
            contract_types: list(&self.contract_types),
            pay_expectation: self
                .pay_expectation
                .map(|c| crate::format::decimal(Cents(c).to_decimal(), 2))
                .unwrap_or_default(),
            pay_unit: self.pay_unit.clone().unwrap_or_default(),
            strengths: self.strengths.clone(),
            languages: self.languages.clone(),
            licences: list(&self.licences),
            needs: list(&self.needs),
            notes: self.notes.clone(),
        }
    }
}

/// A row of the caseload list.
#[derive(Debug, Clone, Queryable)]
pub struct JobseekerRow {
    pub id: i64,
    pub display_name: String,
    pub coach_id: i64,
    pub coach_name: String,
    pub status: String,
    pub entered_on: NaiveDate,
    pub consent_employer_contact: bool,
    pub anonymised_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: Option<String>,
    pub coach_id: Option<i64>,
    pub q: String,
}

/// The caseload of the scope.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    filter: &ListFilter,
) -> DbResult<Vec<JobseekerRow>> {
    let mut query = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .select((
            jobseekers::id,
            jobseekers::display_name,
            jobseekers::coach_id,
            users::name,
            jobseekers::status,
            jobseekers::entered_on,
            jobseekers::consent_employer_contact,
            jobseekers::anonymised_at,
        ))
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    match &filter.status {
        Some(s) => query = query.filter(jobseekers::status.eq(s.clone())),
        None => query = query.filter(jobseekers::status.ne("closed")),
    }
    if let Some(c) = filter.coach_id {
        query = query.filter(jobseekers::coach_id.eq(c));
    }
    let q = filter.q.trim();
    if !q.is_empty() {
        query =
            query.filter(jobseekers::display_name.like(format!("%{}%", q.replace(['%', '_'], ""))));
    }
    let rows: Vec<JobseekerRow> = query
        .order((jobseekers::display_name.asc(), jobseekers::id.asc()))
        .limit(1000)
        .load(conn)?;
    Ok(rows)
}

/// A jobseeker in the scope; another team's is not found.
pub fn find(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<Option<Jobseeker>> {
    let mut query = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::id.eq(id))
        .select(Jobseeker::as_select())
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    Ok(query.first(conn).optional()?)
}

/// Whether the jobseeker exists and is in the scope.
pub fn in_scope(conn: &mut DbConnection, scope: Scope, id: i64) -> DbResult<bool> {
    let team: Option<i64> = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::id.eq(id))
        .select(users::team_id)
        .first(conn)
        .optional()?;
    Ok(team.is_some_and(|t| scope.includes_team(t)))
}

/// A jobseeker whichever their team, for this module's own writes after the scope was checked
/// (or, for placements, inside a transaction that checked it). Never reachable from a handler.
pub(super) fn find_for_write(conn: &mut DbConnection, id: i64) -> DbResult<Option<Jobseeker>> {
    Ok(jobseekers::table
        .find(id)
        .select(Jobseeker::as_select())
        .first(conn)
        .optional()?)
}

/// Jobseekers of the scope who consented to employer contacts on their behalf: the choices for
/// "this contact was for" (pages pass the user's own team: [`Scope::own_team_only`]).
pub fn consenting(conn: &mut DbConnection, scope: Scope) -> DbResult<Vec<(i64, String)>> {
    let mut query = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::consent_employer_contact.eq(true))
        .filter(jobseekers::status.ne("closed"))
        .filter(jobseekers::anonymised_at.is_null())
        .order(jobseekers::display_name.asc())
        .select((jobseekers::id, jobseekers::display_name))
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    Ok(query.load(conn)?)
}

macro_rules! profile_values {
    ($f:expr) => {
        (
            jobseekers::display_name.eq(&$f.display_name),
            jobseekers::coach_id.eq($f.coach_id),
            jobseekers::entered_on.eq($f.entered_on),
            jobseekers::status.eq($f.status.as_str()),
            jobseekers::consent_employer_contact.eq($f.consent_employer_contact),
            jobseekers::consent_employer_scope.eq(&$f.consent_employer_scope),
            jobseekers::consent_needs.eq($f.consent_needs),
            jobseekers::consent_given_on.eq($f.consent_given_on),
            jobseekers::disclosure.eq($f.disclosure.as_str()),
            jobseekers::disclosure_wording.eq(&$f.disclosure_wording),
            jobseekers::wanted_occupations.eq(&$f.wanted_occupations),
            jobseekers::avoided_occupations.eq(&$f.avoided_occupations),
            jobseekers::wanted_industries.eq($f.wanted_industries.join(",")),
            jobseekers::avoided_industries.eq($f.avoided_industries.join(",")),
            jobseekers::municipalities.eq($f.municipalities.join(",")),
            jobseekers::travel.eq($f.travel.as_str()),
            jobseekers::hours_min.eq($f.hours_min.map(|h| h.0)),
            jobseekers::hours_max.eq($f.hours_max.map(|h| h.0)),
            jobseekers::schedules.eq(format_set(&$f.schedules, |s| s.as_str())),
            jobseekers::contract_types.eq(format_set(&$f.contract_types, |s| s.as_str())),
            jobseekers::pay_expectation.eq($f.pay_expectation.map(|c| c.0)),
            jobseekers::pay_unit.eq($f.pay_unit.map(|u| u.as_str())),
            jobseekers::strengths.eq(&$f.strengths),
            jobseekers::languages.eq(&$f.languages),
            jobseekers::licences.eq(format_set(&$f.licences, |s| s.as_str())),
            // Functional needs are kept only while the jobseeker consents to them.
            jobseekers::needs.eq(if $f.consent_needs {
                format_set(&$f.needs, |s| s.as_str())
            } else {
                String::new()
            }),
            jobseekers::notes.eq(&$f.notes),
        )
    };
}

fn record(
    conn: &mut DbConnection,
    id: i64,
    user_id: i64,
    action: &str,
    now: NaiveDateTime,
) -> DbResult<()> {
    audit::record(
        conn,
        &Entry {
            user_id: Some(user_id),
            entity: "jobseeker",
            entity_id: id,
            employer_id: None,
            action,
        },
        &[],
        now,
    )
}

pub fn insert(
    conn: &mut DbConnection,
    f: &JobseekerFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        let closed_on =
            (f.status == JobseekerStatus::Closed).then(|| crate::format::today_helsinki(now));
        let id: i64 = diesel::insert_into(jobseekers::table)
            .values((
                profile_values!(f),
                jobseekers::closed_on.eq(closed_on),
                jobseekers::created_at.eq(now),
                jobseekers::updated_at.eq(now),
            ))
            .returning(jobseekers::id)
            .get_result(conn)?;
        record(conn, id, user_id, "create", now)?;
        Ok(id)
    })
}

/// Saves the profile of a jobseeker in the scope; false when there is none to save.
pub fn update(
    conn: &mut DbConnection,
    scope: Scope,
    id: i64,
    f: &JobseekerFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        let Some(before) = find(conn, scope, id)? else {
            return Ok(false);
        };
        if before.anonymised_at.is_some() {
            return Ok(false);
        }
        let closed_on = match (before.status(), f.status) {
            (_, JobseekerStatus::Closed) => before
                .closed_on
                .or(Some(crate::format::today_helsinki(now))),
            _ => None,
        };
        diesel::update(jobseekers::table.find(id))
            .set((
                profile_values!(f),
                jobseekers::closed_on.eq(closed_on),
                jobseekers::updated_at.eq(now),
            ))
            .execute(conn)?;
        record(conn, id, user_id, "update", now)?;
        Ok(true)
    })
}

/// Sets the status as a placement changes it; the placement's own function checked the scope.
pub(super) fn set_status(
    conn: &mut DbConnection,
    id: i64,
    status: JobseekerStatus,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<()> {
    diesel::update(jobseekers::table.find(id))
        .set((
            jobseekers::status.eq(status.as_str()),
            jobseekers::updated_at.eq(now),
        ))
        .execute(conn)?;
    record(conn, id, user_id, "update", now)
}

/// An employer contact made on the jobseeker's behalf.
#[derive(Debug, Clone, Queryable)]
pub struct ContactOnBehalf {
    pub employer_id: i64,
    pub employer_name: String,
    pub occurred_at: NaiveDateTime,
    pub channel: String,
    pub outcome: String,
    pub coach_name: String,
}

/// The contacts made on behalf of a jobseeker in the scope; none for another team's.
pub fn contacts_on_behalf(
    conn: &mut DbConnection,
    scope: Scope,
    id: i64,
) -> DbResult<Vec<ContactOnBehalf>> {
    if !in_scope(conn, scope, id)? {
        return Ok(Vec::new());
    }
    let rows: Vec<ContactOnBehalf> = contacts::table
        .inner_join(employers::table)
        .inner_join(users::table)
        .filter(contacts::jobseeker_id.eq(id))
        .order(contacts::occurred_at.desc())
        .select((
            employers::id,
            employers::name,
            contacts::occurred_at,
            contacts::channel,
            contacts::outcome,
            users::name,
        ))
        .limit(500)
        .load(conn)?;
    Ok(rows)
}

/// Why a profile is anonymised: the retention period passed, or the person asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Retention,
    Erasure,
}

/// Removes the name and every free text about the person; keeps the coded facts (dates, status,
/// placements, contact counts) for statistics. Notes written about the person in matches and
/// follow-along support go too. Returns false when there was nothing to anonymise (or the
/// jobseeker is not in the scope).
pub fn anonymise(
    conn: &mut DbConnection,
    scope: Scope,
    id: i64,
    removal: Removal,
    user_id: Option<i64>,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        if !in_scope(conn, scope, id)? {
            return Ok(false);
        }
        let n = diesel::update(
            jobseekers::table
                .find(id)
                .filter(jobseekers::anonymised_at.is_null()),
        )
        .set((
            jobseekers::display_name.eq(""),
            jobseekers::consent_employer_scope.eq(""),
            jobseekers::disclosure_wording.eq(""),
            jobseekers::wanted_occupations.eq(""),
            jobseekers::avoided_occupations.eq(""),
            jobseekers::strengths.eq(""),
            jobseekers::languages.eq(""),
            jobseekers::needs.eq(""),
            jobseekers::notes.eq(""),
            jobseekers::status.eq("closed"),
            jobseekers::anonymised_at.eq(Some(now)),
            jobseekers::updated_at.eq(now),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(false);
        }
        // Closing date stays if it was set; an erased active profile closes today.
        diesel::update(
            jobseekers::table
                .find(id)
                .filter(jobseekers::closed_on.is_null()),
        )
        .set(jobseekers::closed_on.eq(Some(crate::format::today_helsinki(now))))
        .execute(conn)?;
        let match_ids = matches::table
            .filter(matches::jobseeker_id.eq(id))
            .select(matches::id);
        diesel::update(match_events::table.filter(match_events::match_id.eq_any(match_ids)))
            .set(match_events::note.eq(""))
            .execute(conn)?;
        let placement_ids = super::schema::placements::table
            .filter(super::schema::placements::jobseeker_id.eq(id))
            .select(super::schema::placements::id);
        diesel::update(
            support_contacts::table.filter(support_contacts::placement_id.eq_any(placement_ids)),
        )
        .set(support_contacts::notes.eq(""))
        .execute(conn)?;
        audit::record(
            conn,
            &Entry {
                user_id,
                entity: "jobseeker",
                entity_id: id,
                employer_id: None,
                action: match removal {
                    Removal::Retention => "anonymise",
                    Removal::Erasure => "erase",
                },
            },
            &[],
            now,
        )?;
        Ok(true)
    })
}

/// Anonymises every closed profile in the scope whose retention period has passed; returns how
/// many. The retention job passes [`Scope::organisation_for_privacy_job`].
pub fn anonymise_expired(
    conn: &mut DbConnection,
    scope: Scope,
    months: u32,
    now: NaiveDateTime,
) -> DbResult<usize> {
    let today = crate::format::today_helsinki(now);
    let mut query = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::status.eq("closed"))
        .filter(jobseekers::anonymised_at.is_null())
        .select((jobseekers::id, jobseekers::closed_on))
        .into_boxed();
    if let Some(team) = scope.team() {
        query = query.filter(users::team_id.eq(team));
    }
    let candidates: Vec<(i64, Option<NaiveDate>)> = query.load(conn)?;
    let mut done = 0;
    for (id, closed_on) in candidates {
        let due = closed_on
            .is_some_and(|c| crate::domain::jobseeker::anonymisation_due(c, months, today));
        if due && anonymise(conn, scope, id, Removal::Retention, None, now)? {
            done += 1;
        }
    }
    Ok(done)
}
