//! Ranking for matching: pre-filter candidates in SQL (status, place, and hours that overlap at
//! all: both are the person's own explicit wishes), then score each in Rust with the domain's
//! explainable score, on every core.

use super::jobseekers::Jobseeker;
use super::openings::{self, Candidate, Opening};
use super::schema::{industries, jobseekers, users};
use super::{DbConnection, DbResult, Scope};
use crate::domain::jobs::{parse_set, split_list, Travel};
use crate::domain::matching::{self, MatchScore, OpeningFacts, SeekerFacts};
use crate::domain::money::{Cents, Hundredths};
use diesel::prelude::*;
use rayon::prelude::*;
use std::collections::HashMap;

/// TOL 2008 division → section.
fn sections(conn: &mut DbConnection) -> DbResult<HashMap<String, String>> {
    let rows: Vec<(String, Option<String>)> = industries::table
        .filter(industries::level.eq("division"))
        .select((industries::code, industries::parent))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(code, parent)| parent.map(|p| (code, p)))
        .collect())
}

pub fn opening_facts(
    o: &Opening,
    industry_code: Option<&str>,
    county_code: Option<&str>,
    sections: &HashMap<String, String>,
) -> OpeningFacts {
    OpeningFacts {
        title: o.title.clone(),
        occupation: o.occupation.clone(),
        industry_division: industry_code.map(str::to_owned),
        industry_section: industry_code.and_then(|c| sections.get(c).cloned()),
        municipality_code: o.municipality_code.clone(),
        county_code: county_code.map(str::to_owned),
        hours_min: o.hours_min.map(Hundredths),
        hours_max: o.hours_max.map(Hundredths),
        schedules: parse_set(&o.schedules, crate::domain::jobs::Schedule::parse),
        contract_type: o
            .contract_type
            .as_deref()
            .and_then(crate::domain::jobs::ContractType::parse),
        pay: o.pay.map(Cents),
        pay_unit: o
            .pay_unit
            .as_deref()
            .and_then(crate::domain::jobs::PayUnit::parse),
        must_licences: parse_set(&o.must_licences, crate::domain::jobs::Licence::parse),
        nice_licences: parse_set(&o.nice_licences, crate::domain::jobs::Licence::parse),
        must_have: split_list(&o.must_have),
        features: parse_set(&o.features, crate::domain::jobs::Feature::parse),
    }
}

pub fn seeker_facts(j: &Jobseeker, counties: Vec<String>) -> SeekerFacts {
    use crate::domain::jobs::*;
    SeekerFacts {
        wanted_occupations: split_list(&j.wanted_occupations),
        avoided_occupations: split_list(&j.avoided_occupations),
        wanted_industries: parse_set(&j.wanted_industries, |c| Some(c.to_owned())),
        avoided_industries: parse_set(&j.avoided_industries, |c| Some(c.to_owned())),
        municipalities: parse_set(&j.municipalities, |c| Some(c.to_owned())),
        counties,
        travel: Travel::parse(&j.travel).unwrap_or(Travel::Own),
        hours_min: j.hours_min.map(Hundredths),
        hours_max: j.hours_max.map(Hundredths),
        schedules: parse_set(&j.schedules, Schedule::parse),
        contract_types: parse_set(&j.contract_types, ContractType::parse),
        pay_expectation: j.pay_expectation.map(Cents),
        pay_unit: j.pay_unit.as_deref().and_then(PayUnit::parse),
        licences: parse_set(&j.licences, Licence::parse),
        needs: if j.consent_needs {
            parse_set(&j.needs, Need::parse)
        } else {
            Vec::new()
        },
    }
}

/// A jobseeker ranked for an opening.
#[derive(Debug, Clone)]
pub struct RankedJobseeker {
    pub id: i64,
    /// `None` for another team's jobseeker: the scope does not read their name (the page shows
    /// the coach to ask instead).
    pub display_name: Option<String>,
    pub team_id: i64,
    pub coach_name: String,
    pub score: MatchScore,
}

/// Searching jobseekers of the whole organisation, best first, at most `limit`; the names
/// only of the scope's.
pub fn jobseekers_for(
    conn: &mut DbConnection,
    scope: Scope,
    o: &Opening,
    limit: usize,
) -> DbResult<Vec<RankedJobseeker>> {
    let sections = sections(conn)?;
    let employer: Option<Option<String>> = super::schema::employers::table
        .find(o.employer_id)
        .select(super::schema::employers::industry_code)
        .first(conn)
        .optional()?;
    let county = match &o.municipality_code {
        Some(m) => openings::county_of(conn, m)?,
        None => None,
    };
    let facts = opening_facts(
        o,
        employer.flatten().as_deref(),
        county.as_deref(),
        &sections,
    );
    let mut query = jobseekers::table
        .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
        .filter(jobseekers::status.eq("job_search"))
        .filter(jobseekers::anonymised_at.is_null())
        .into_boxed();
    let remote = facts
        .features
        .contains(&crate::domain::jobs::Feature::RemotePossible);
    if let (Some(m), false) = (&o.municipality_code, remote) {
        query = query.filter(
            jobseekers::municipalities
                .like(format!("%{m}%"))
                .or(jobseekers::travel.ne("own"))
                .or(jobseekers::municipalities.eq("")),
        );
    }
    if let Some(low) = o.hours_min {
        query = query.filter(
            jobseekers::hours_max
                .is_null()
                .or(jobseekers::hours_max.ge(low)),
        );
    }
    if let Some(high) = o.hours_max {
        query = query.filter(
            jobseekers::hours_min
                .is_null()
                .or(jobseekers::hours_min.le(high)),
        );
    }
    let rows: Vec<(Jobseeker, i64, String)> = query
        .select((Jobseeker::as_select(), users::team_id, users::name))
        .load(conn)?;
    let mut wished: Vec<String> = rows
        .iter()
        .flat_map(|(j, _, _)| parse_set(&j.municipalities, |c| Some(c.to_owned())))
        .collect();
    wished.sort();
    wished.dedup();
    let county_of: HashMap<String, String> = super::schema::municipalities::table
        .filter(super::schema::municipalities::code.eq_any(&wished))
        .select((
            super::schema::municipalities::code,
            super::schema::municipalities::county_code,
        ))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let mut scored: Vec<(RankedJobseeker, MatchScore)> = rows
        .into_par_iter()
        .map(|(j, team_id, coach_name)| {
            let mut counties: Vec<String> =
                parse_set(&j.municipalities, |c| county_of.get(c).cloned());
            counties.sort();
            counties.dedup();
            let score = matching::score(&facts, &seeker_facts(&j, counties));
            (
                RankedJobseeker {
                    id: j.id,
                    display_name: scope.includes_team(team_id).then_some(j.display_name),
                    team_id,
                    coach_name,
                    score: score.clone(),
                },
                score,
            )
        })
        .collect();
    matching::rank(&mut scored);
    Ok(scored.into_iter().take(limit).map(|(r, _)| r).collect())
}

/// An open opening ranked for a jobseeker.
#[derive(Debug, Clone)]
pub struct RankedOpening {
    pub candidate: Candidate,
    pub score: MatchScore,
}

/// Open openings for a jobseeker, best first, at most `limit`.
pub fn openings_for(
    conn: &mut DbConnection,
    j: &Jobseeker,
    limit: usize,
) -> DbResult<Vec<RankedOpening>> {
    let sections = sections(conn)?;
    let wished = parse_set(&j.municipalities, |c| Some(c.to_owned()));
    let counties = openings::counties_of(conn, &wished)?;
    let travel = Travel::parse(&j.travel).unwrap_or(Travel::Own);
    let county_filter: &[String] = if travel == Travel::County {
        &counties
    } else {
        &[]
    };
    let anywhere = travel == Travel::Anywhere || wished.is_empty();
    let hours = (j.hours_min, j.hours_max);
    let candidates =
        openings::open_candidates(conn, &wished, county_filter, anywhere, hours, 50_000)?;
    let seeker = seeker_facts(j, counties);
    let mut scored: Vec<(Candidate, MatchScore)> = candidates
        .into_par_iter()
        .map(|c| {
            let facts = opening_facts(
                &c.opening,
                c.industry_code.as_deref(),
                c.county_code.as_deref(),
                &sections,
            );
            let score = matching::score(&facts, &seeker);
            (c, score)
        })
        .collect();
    matching::rank(&mut scored);
    Ok(scored
        .into_iter()
        .take(limit)
        .map(|(candidate, score)| RankedOpening { candidate, score })
        .collect())
}

/// The score of one pair, as the match remembers it when suggested.
pub fn score_pair(conn: &mut DbConnection, o: &Opening, j: &Jobseeker) -> DbResult<MatchScore> {
    let sections = sections(conn)?;
    let industry: Option<Option<String>> = super::schema::employers::table
        .find(o.employer_id)
        .select(super::schema::employers::industry_code)
        .first(conn)
        .optional()?;
    let county = match &o.municipality_code {
        Some(m) => openings::county_of(conn, m)?,
        None => None,
    };
    let facts = opening_facts(
        o,
        industry.flatten().as_deref(),
        county.as_deref(),
        &sections,
    );
    let wished = parse_set(&j.municipalities, |c| Some(c.to_owned()));
    let counties = openings::counties_of(conn, &wished)?;
    Ok(matching::score(&facts, &seeker_facts(j, counties)))
}
