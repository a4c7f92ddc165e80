//! Job openings: the shared list, one opening, creating and editing, and the candidates the
//! matching scores.

use super::audit::{self, Entry};
use super::schema::{employers, municipalities, openings, users};
use super::{DbConnection, DbResult};
use crate::domain::jobs::{format_set, parse_set, OpeningStatus};
use crate::domain::money::Cents;
use crate::domain::opening::{OpeningFields, OpeningForm};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = openings)]
pub struct Opening {
    pub id: i64,
    pub employer_id: i64,
    pub coach_id: i64,
    pub contact_id: Option<i64>,
    pub title: String,
    pub occupation: String,
    pub description: String,
    pub municipality_code: Option<String>,
    pub hours_min: Option<i64>,
    pub hours_max: Option<i64>,
    pub schedules: String,
    pub contract_type: Option<String>,
    pub pay: Option<i64>,
    pub pay_unit: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub source: String,
    pub ad_url: String,
    pub must_licences: String,
    pub nice_licences: String,
    pub must_have: String,
    pub nice_to_have: String,
    pub features: String,
    pub wage_subsidy_possible: bool,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Opening {
    pub fn status(&self) -> OpeningStatus {
        OpeningStatus::parse(&self.status).unwrap_or(OpeningStatus::Open)
    }

    pub fn to_form(&self) -> OpeningForm {
        let list = |s: &str| parse_set(s, |c| Some(c.to_owned()));
        let hours = |h: Option<i64>| h.map(crate::format::hours).unwrap_or_default();
        OpeningForm {
            employer_id: self.employer_id.to_string(),
            contact_id: self.contact_id.map(|c| c.to_string()).unwrap_or_default(),
            coach_id: self.coach_id.to_string(),
            title: self.title.clone(),
            occupation: self.occupation.clone(),
            description: self.description.clone(),
            municipality_code: self.municipality_code.clone().unwrap_or_default(),
            hours_min: hours(self.hours_min),
            hours_max: hours(self.hours_max),
            schedules: list(&self.schedules),
            contract_type: self.contract_type.clone().unwrap_or_default(),
            pay: self
                .pay
                .map(|c| crate::format::decimal(Cents(c).to_decimal(), 2))
                .unwrap_or_default(),
            pay_unit: self.pay_unit.clone().unwrap_or_default(),
            starts_on: self.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            closes_on: self.closes_on.map(|d| d.to_string()).unwrap_or_default(),
            source: self.source.clone(),
            ad_url: self.ad_url.clone(),
            must_licences: list(&self.must_licences),
            nice_licences: list(&self.nice_licences),
            must_have: self.must_have.clone(),
            nice_to_have: self.nice_to_have.clone(),
            features: list(&self.features),
            wage_subsidy_possible: if self.wage_subsidy_possible {
                "on".into()
            } else {
                String::new()
            },
            status: self.status.clone(),
        }
    }
}

/// A row of the openings list, with its employer.
#[derive(Debug, Clone, Queryable)]
pub struct OpeningRow {
    pub id: i64,
    pub title: String,
    pub employer_id: i64,
    pub employer_name: String,
    pub municipality_code: Option<String>,
    pub hours_min: Option<i64>,
    pub hours_max: Option<i64>,
    pub status: String,
    pub source: String,
    pub coach_name: String,
    pub closes_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// None: every status.
    pub status: Option<String>,
    pub industry_codes: Vec<String>,
    pub municipality: Option<String>,
    /// Openings whose hours can be as few as this many hours a week (hundredths).
    pub hours_at_most: Option<i64>,
    pub coach_id: Option<i64>,
    pub employer_id: Option<i64>,
}

/// How many rows the openings list shows.
pub const LIST_LIMIT: i64 = 200;

pub fn list(conn: &mut DbConnection, filter: &ListFilter) -> DbResult<(Vec<OpeningRow>, i64)> {
    macro_rules! filtered {
        () => {{
            let mut query = openings::table
                .inner_join(employers::table)
                .inner_join(users::table.on(users::id.eq(openings::coach_id)))
                .into_boxed();
            if let Some(s) = &filter.status {
                query = query.filter(openings::status.eq(s.clone()));
            }
            if !filter.industry_codes.is_empty() {
                query =
                    query.filter(employers::industry_code.eq_any(filter.industry_codes.clone()));
            }
            if let Some(m) = &filter.municipality {
                query = query.filter(openings::municipality_code.eq(m.clone()));
            }
            if let Some(h) = filter.hours_at_most {
                query = query.filter(openings::hours_min.le(h).or(openings::hours_min.is_null()));
            }
            if let Some(c) = filter.coach_id {
                query = query.filter(openings::coach_id.eq(c));
            }
            if let Some(e) = filter.employer_id {
                query = query.filter(openings::employer_id.eq(e));
            }
            query
        }};
    }
    let total: i64 = filtered!().count().get_result(conn)?;
    let rows: Vec<OpeningRow> = filtered!()
        .order((openings::created_at.desc(), openings::id.desc()))
        .limit(LIST_LIMIT)
        .select((
            openings::id,
            openings::title,
            openings::employer_id,
            employers::name,
            openings::municipality_code,
            openings::hours_min,
            openings::hours_max,
            openings::status,
            openings::source,
            users::name,
            openings::closes_on,
            openings::created_at,
        ))
        .load(conn)?;
    Ok((rows, total))
}

pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<Opening>> {
    Ok(openings::table
        .find(id)
        .select(Opening::as_select())
        .first(conn)
        .optional()?)
}

macro_rules! opening_values {
    ($f:expr) => {
        (
            openings::employer_id.eq($f.employer_id),
            openings::coach_id.eq($f.coach_id),
            openings::title.eq(&$f.title),
            openings::occupation.eq(&$f.occupation),
            openings::description.eq(&$f.description),
            openings::municipality_code.eq(&$f.municipality_code),
            openings::hours_min.eq($f.hours_min.map(|h| h.0)),
            openings::hours_max.eq($f.hours_max.map(|h| h.0)),
            openings::schedules.eq(format_set(&$f.schedules, |s| s.as_str())),
            openings::contract_type.eq($f.contract_type.map(|c| c.as_str())),
            openings::pay.eq($f.pay.map(|c| c.0)),
            openings::pay_unit.eq($f.pay_unit.map(|u| u.as_str())),
            openings::starts_on.eq($f.starts_on),
            openings::closes_on.eq($f.closes_on),
            openings::source.eq($f.source.as_str()),
            openings::ad_url.eq(&$f.ad_url),
            openings::must_licences.eq(format_set(&$f.must_licences, |s| s.as_str())),
            openings::nice_licences.eq(format_set(&$f.nice_licences, |s| s.as_str())),
            openings::must_have.eq(&$f.must_have),
            openings::nice_to_have.eq(&$f.nice_to_have),
            openings::features.eq(format_set(&$f.features, |s| s.as_str())),
            openings::wage_subsidy_possible.eq($f.wage_subsidy_possible),
            openings::status.eq($f.status.as_str()),
        )
    };
}

fn record(
    conn: &mut DbConnection,
    id: i64,
    employer_id: i64,
    user_id: i64,
    action: &str,
    changes: &[audit::Change<'_>],
    now: NaiveDateTime,
) -> DbResult<()> {
    audit::record(
        conn,
        &Entry {
            user_id: Some(user_id),
            entity: "opening",
            entity_id: id,
            employer_id: Some(employer_id),
            action,
        },
        changes,
        now,
    )
}

pub fn insert(
    conn: &mut DbConnection,
    f: &OpeningFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        let id: i64 = diesel::insert_into(openings::table)
            .values((
                opening_values!(f),
                openings::contact_id.eq(f.contact_id),
                openings::version.eq(1),
                openings::created_at.eq(now),
                openings::updated_at.eq(now),
            ))
            .returning(openings::id)
            .get_result(conn)?;
        record(
            conn,
            id,
            f.employer_id,
            user_id,
            "create",
            &audit::diff(&[("title", String::new(), f.title.clone())]),
            now,
        )?;
        Ok(id)
    })
}

pub enum Saved {
    Done,
    /// Someone else saved the opening after this edit began.
    Conflict,
    NotFound,
}

pub fn update(
    conn: &mut DbConnection,
    id: i64,
    version: i64,
    f: &OpeningFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<Saved> {
    conn.write(|conn| {
        let Some(before) = find(conn, id)? else {
            return Ok(Saved::NotFound);
        };
        let n = diesel::update(
            openings::table
                .find(id)
                .filter(openings::version.eq(version)),
        )
        .set((
            opening_values!(f),
            openings::version.eq(openings::version + 1),
            openings::updated_at.eq(now),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(Saved::Conflict);
        }
        let changes = audit::diff(&[
            ("title", before.title.clone(), f.title.clone()),
            (
                "status",
                before.status.clone(),
                f.status.as_str().to_owned(),
            ),
        ]);
        record(conn, id, f.employer_id, user_id, "update", &changes, now)?;
        Ok(Saved::Done)
    })
}

/// Sets the status (filled when someone is hired), recording the change.
pub fn set_status(
    conn: &mut DbConnection,
    id: i64,
    status: OpeningStatus,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<()> {
    let Some(before) = find(conn, id)? else {
        return Ok(());
    };
    if before.status() == status {
        return Ok(());
    }
    diesel::update(openings::table.find(id))
        .set((
            openings::status.eq(status.as_str()),
            openings::version.eq(openings::version + 1),
            openings::updated_at.eq(now),
        ))
        .execute(conn)?;
    record(
        conn,
        id,
        before.employer_id,
        user_id,
        "update",
        &audit::diff(&[("status", before.status.clone(), status.as_str().to_owned())]),
        now,
    )
}

/// An open opening with what matching needs to know about its employer and place.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub opening: Opening,
    pub employer_name: String,
    pub industry_code: Option<String>,
    pub county_code: Option<String>,
}

/// Open openings for a jobseeker's ranking, pre-filtered in SQL by place: openings in the
/// wished municipalities (or in their counties, or anywhere, by how far the person travels),
/// remote openings, and openings without a place; and by hours that overlap the wished range.
pub fn open_candidates(
    conn: &mut DbConnection,
    municipality_codes: &[String],
    county_codes: &[String],
    anywhere: bool,
    (hours_min, hours_max): (Option<i64>, Option<i64>),
    limit: i64,
) -> DbResult<Vec<Candidate>> {
    let mut query = openings::table
        .inner_join(employers::table)
        .left_join(
            municipalities::table.on(municipalities::code
                .nullable()
                .eq(openings::municipality_code)),
        )
        .filter(openings::status.eq("open"))
        .into_boxed();
    if !anywhere {
        query = query.filter(
            openings::municipality_code
                .eq_any(municipality_codes.to_vec())
                .or(municipalities::county_code.eq_any(county_codes.to_vec()))
                .or(openings::municipality_code.is_null())
                .or(openings::features.like("%remote_possible%")),
        );
    }
    if let Some(low) = hours_min {
        query = query.filter(
            openings::hours_max
                .is_null()
                .or(openings::hours_max.ge(low)),
        );
    }
    if let Some(high) = hours_max {
        query = query.filter(
            openings::hours_min
                .is_null()
                .or(openings::hours_min.le(high)),
        );
    }
    let rows: Vec<(Opening, String, Option<String>, Option<String>)> = query
        .order(openings::id.desc())
        .limit(limit)
        .select((
            Opening::as_select(),
            employers::name,
            employers::industry_code,
            municipalities::county_code.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(opening, employer_name, industry_code, county_code)| Candidate {
                opening,
                employer_name,
                industry_code,
                county_code,
            },
        )
        .collect())
}

/// The county of a municipality.
pub fn county_of(conn: &mut DbConnection, municipality: &str) -> DbResult<Option<String>> {
    Ok(municipalities::table
        .find(municipality)
        .select(municipalities::county_code)
        .first(conn)
        .optional()?)
}

/// The counties of several municipalities.
pub fn counties_of(conn: &mut DbConnection, codes: &[String]) -> DbResult<Vec<String>> {
    let mut counties: Vec<String> = municipalities::table
        .filter(municipalities::code.eq_any(codes.to_vec()))
        .select(municipalities::county_code)
        .load(conn)?;
    counties.sort();
    counties.dedup();
    Ok(counties)
}
