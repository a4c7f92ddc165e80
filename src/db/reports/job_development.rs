//! IPS job development: the rows behind each coach's numbers, handed to `domain::ips`.

use super::{people, Person};
use crate::db::schema::{contacts, jobseekers, placements, support_contacts};
use crate::db::{DbConnection, DbResult, Scope};
use crate::domain::contact::Channel;
use crate::domain::ips::{
    self, f2f_series, follow_along, outcomes, quarters, rapid_job_search, F2fSeries, FollowAlong,
    Job, Outcomes, QuarterRow, RapidJobSearch, Start, Stay, ACTIVE_STATUSES, ROLLING, WEEKS_SHOWN,
};
use crate::format::today_helsinki;
use chrono::{Days, NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, min};
use diesel::prelude::*;
use std::collections::HashMap;

/// Whose numbers: everybody's, a team's or one coach's (inside the reader's scope).
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub team_id: Option<i64>,
    pub coach_id: Option<i64>,
}

/// One coach's numbers.
#[derive(Debug, Clone)]
pub struct CoachNumbers {
    pub coach: Person,
    pub f2f: F2fSeries,
    pub client_specific: i64,
    pub general: i64,
    pub caseload: i64,
    pub rapid: RapidJobSearch,
    pub outcomes: Outcomes,
    pub follow_along: FollowAlong,
}

#[derive(Debug, Clone)]
pub struct JobDevelopment {
    /// The Mondays of the shown weeks.
    pub weeks: Vec<NaiveDate>,
    pub coaches: Vec<CoachNumbers>,
    /// Per week: face-to-face contacts of all shown coaches, and their average per coach.
    pub team_counts: Vec<i64>,
    pub team_average: Vec<Option<f64>>,
    pub team_rolling: Vec<Option<f64>>,
    pub total: CoachTotals,
    pub quarters: Vec<QuarterRow>,
}

/// The scope's numbers taken together.
#[derive(Debug, Clone)]
pub struct CoachTotals {
    pub client_specific: i64,
    pub general: i64,
    pub caseload: i64,
    pub rapid: RapidJobSearch,
    pub outcomes: Outcomes,
    pub follow_along: FollowAlong,
}

fn face_to_face() -> Vec<&'static str> {
    Channel::ALL
        .iter()
        .filter(|c| c.is_face_to_face())
        .map(|c| c.as_str())
        .collect()
}

/// Coach ids in scope, as a boxed subquery filter is awkward across tables: the list itself.
fn coach_ids(people: &HashMap<i64, Person>, scope: Scope, filter: Filter) -> Vec<i64> {
    people
        .values()
        .filter(|p| scope.includes_team(p.team_id))
        .filter(|p| filter.team_id.is_none_or(|t| p.team_id == t))
        .filter(|p| filter.coach_id.is_none_or(|c| p.id == c))
        .map(|p| p.id)
        .collect()
}

/// The numbers of the filter's coaches inside the reader's scope (a team lead's own team).
pub fn load(
    conn: &mut DbConnection,
    scope: Scope,
    filter: Filter,
    now: NaiveDateTime,
) -> DbResult<JobDevelopment> {
    let people = people(conn)?;
    let in_scope = coach_ids(&people, scope, filter);
    let today = today_helsinki(now);
    let f2f = face_to_face();

    // Face-to-face contacts per coach and week (with lead-in weeks for the rolling average).
    let all_weeks = ips::complete_weeks(today, WEEKS_SHOWN + ROLLING - 1);
    let bounds = ips::week_bounds_utc(&all_weeks);
    let mut weekly: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut split: HashMap<i64, (i64, i64)> = HashMap::new();
    let everybody =
        scope.is_organisation() && filter.team_id.is_none() && filter.coach_id.is_none();
    for (w, pair) in bounds.windows(2).enumerate() {
        let week = contacts::table
            .filter(contacts::occurred_at.ge(pair[0]))
            .filter(contacts::occurred_at.lt(pair[1]))
            .filter(contacts::channel.eq_any(&f2f));
        let counted = (contacts::coach_id, contacts::client_specific, count_star());
        let grouping = (contacts::coach_id, contacts::client_specific);
        // Everybody's week is read from the time index alone; a team's through its coaches.
        let rows: Vec<(i64, bool, i64)> = if everybody {
            week.group_by(grouping).select(counted).load(conn)?
        } else {
            week.filter(contacts::coach_id.eq_any(&in_scope))
                .group_by(grouping)
                .select(counted)
                .load(conn)?
        };
        for (coach, client_specific, n) in rows {
            weekly
                .entry(coach)
                .or_insert_with(|| vec![0; all_weeks.len()])[w] += n;
            if w >= ROLLING - 1 {
                let s = split.entry(coach).or_default();
                if client_specific {
                    s.0 += n;
                } else {
                    s.1 += n;
                }
            }
        }
    }

    // Caseloads.
    let caseloads: HashMap<i64, i64> = jobseekers::table
        .filter(jobseekers::status.eq_any(ACTIVE_STATUSES.to_vec()))
        .filter(jobseekers::coach_id.eq_any(&in_scope))
        .group_by(jobseekers::coach_id)
        .select((jobseekers::coach_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();

    // Rapid job search: jobseekers who entered in the last 12 months.
    let year_ago = today - Days::new(365);
    let entered: Vec<(i64, i64, NaiveDate)> = jobseekers::table
        .filter(jobseekers::entered_on.ge(year_ago))
        .filter(jobseekers::coach_id.eq_any(&in_scope))
        .select((jobseekers::id, jobseekers::coach_id, jobseekers::entered_on))
        .load(conn)?;
    let first_contacts: HashMap<i64, NaiveDateTime> = contacts::table
        .filter(
            contacts::jobseeker_id.eq_any(
                jobseekers::table
                    .filter(jobseekers::entered_on.ge(year_ago))
                    .filter(jobseekers::coach_id.eq_any(&in_scope))
                    .select(jobseekers::id.nullable()),
            ),
        )
        .filter(contacts::channel.eq_any(&f2f))
        .group_by(contacts::jobseeker_id)
        .select((contacts::jobseeker_id, min(contacts::occurred_at)))
        .load::<(Option<i64>, Option<NaiveDateTime>)>(conn)?
        .into_iter()
        .filter_map(|(j, at)| Some((j?, at?)))
        .collect();
    let entries_of = |coach: Option<i64>| -> Vec<(NaiveDate, Option<NaiveDate>)> {
        entered
            .iter()
            .filter(|(_, c, _)| coach.is_none_or(|x| x == *c))
            .map(|(id, _, on)| (*on, first_contacts.get(id).map(|at| today_helsinki(*at))))
            .collect()
    };

    // Job starts in the last 12 months, and follow-along contacts after them.
    type PlacementRow = (i64, i64, i64, i64, String, String, NaiveDate, bool, bool);
    let starts: Vec<PlacementRow> = placements::table
        .filter(placements::starts_on.ge(year_ago))
        .filter(placements::starts_on.le(today))
        .filter(placements::coach_id.eq_any(&in_scope))
        .select((
            placements::id,
            placements::jobseeker_id,
            placements::employer_id,
            placements::coach_id,
            placements::occupation,
            placements::job_title,
            placements::starts_on,
            placements::competitive,
            placements::wage_subsidy,
        ))
        .load(conn)?;
    let support: Vec<(i64, NaiveDate)> = support_contacts::table
        .filter(
            support_contacts::placement_id.eq_any(
                placements::table
                    .filter(placements::starts_on.ge(year_ago))
                    .filter(placements::coach_id.eq_any(&in_scope))
                    .select(placements::id),
            ),
        )
        .filter(support_contacts::occurred_on.ge(year_ago))
        .select((
            support_contacts::placement_id,
            support_contacts::occurred_on,
        ))
        .load(conn)?;
    let support = ips::support_by_placement(&support);
    let starts_of = |coach: Option<i64>| -> Vec<&PlacementRow> {
        starts
            .iter()
            .filter(|p| coach.is_none_or(|c| p.3 == c))
            .collect()
    };
    let outcome_of = |rows: &[&PlacementRow]| {
        outcomes(
            &rows
                .iter()
                .map(|p| Start {
                    employer_id: p.2,
                    job: if p.4.trim().is_empty() {
                        p.5.clone()
                    } else {
                        p.4.clone()
                    },
                    competitive: p.7,
                    wage_subsidy: p.8,
                })
                .collect::<Vec<_>>(),
        )
    };
    let follow_of = |rows: &[&PlacementRow]| {
        let dates: Vec<(i64, NaiveDate)> = rows.iter().map(|p| (p.0, p.6)).collect();
        follow_along(&dates, &support, today)
    };

    // The coaches shown: active coaches in scope, and anyone in scope with face-to-face
    // contacts in the shown weeks.
    let mut shown: Vec<Person> = in_scope
        .iter()
        .filter_map(|id| people.get(id))
        .filter(|p| (p.active && p.role == "coach") || weekly.contains_key(&p.id))
        .cloned()
        .collect();
    shown.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let coaches: Vec<CoachNumbers> = shown
        .into_iter()
        .map(|coach| {
            let counts = weekly
                .get(&coach.id)
                .cloned()
                .unwrap_or_else(|| vec![0; all_weeks.len()]);
            let (client_specific, general) = split.get(&coach.id).copied().unwrap_or_default();
            let mine = starts_of(Some(coach.id));
            CoachNumbers {
                f2f: f2f_series(&counts),
                client_specific,
                general,
                caseload: caseloads.get(&coach.id).copied().unwrap_or(0),
                rapid: rapid_job_search(&entries_of(Some(coach.id)), today),
                outcomes: outcome_of(&mine),
                follow_along: follow_of(&mine),
                coach,
            }
        })
        .collect();

    // The scope together.
    let weeks = all_weeks[ROLLING - 1..].to_vec();
    let mut team_all = vec![0; all_weeks.len()];
    for c in &coaches {
        for (i, n) in weekly.get(&c.coach.id).into_iter().flatten().enumerate() {
            team_all[i] += n;
        }
    }
    let per_coach: Vec<i64> = team_all.clone();
    let n = coaches.len().max(1) as f64;
    let team_average: Vec<Option<f64>> = per_coach[ROLLING - 1..]
        .iter()
        .map(|t| (!coaches.is_empty()).then(|| crate::domain::stats::round1(*t as f64 / n)))
        .collect();
    // The rolling average per coach, from the sums, rounded once.
    let team_rolling: Vec<Option<f64>> = (ROLLING - 1..per_coach.len())
        .map(|i| {
            let sum: i64 = per_coach[i + 1 - ROLLING..=i].iter().sum();
            (!coaches.is_empty())
                .then(|| crate::domain::stats::round1(sum as f64 / (ROLLING as f64 * n)))
        })
        .collect();
    let everyone = starts_of(None);
    let total = CoachTotals {
        client_specific: coaches.iter().map(|c| c.client_specific).sum(),
        general: coaches.iter().map(|c| c.general).sum(),
        caseload: caseloads.values().sum(),
        rapid: rapid_job_search(&entries_of(None), today),
        outcomes: outcome_of(&everyone),
        follow_along: follow_of(&everyone),
    };

    // Quarters: the scope's jobseekers in the service, and the jobs they held.
    let qs = ips::last_quarters(today, 4);
    let first_day = qs.first().map(|q| q.first_day()).unwrap_or(today);
    let stays: Vec<Stay> = jobseekers::table
        .filter(jobseekers::coach_id.eq_any(&in_scope))
        .filter(jobseekers::entered_on.le(today))
        .filter(
            jobseekers::closed_on
                .is_null()
                .or(jobseekers::closed_on.ge(first_day)),
        )
        .select((
            jobseekers::id,
            jobseekers::entered_on,
            jobseekers::closed_on,
        ))
        .load::<(i64, NaiveDate, Option<NaiveDate>)>(conn)?
        .into_iter()
        .map(|(jobseeker_id, entered_on, closed_on)| Stay {
            jobseeker_id,
            entered_on,
            closed_on,
        })
        .collect();
    let jobs: Vec<Job> = placements::table
        .filter(placements::coach_id.eq_any(&in_scope))
        .filter(placements::starts_on.le(today))
        .filter(
            placements::ends_on
                .is_null()
                .or(placements::ends_on.ge(first_day)),
        )
        .select((
            placements::jobseeker_id,
            placements::starts_on,
            placements::ends_on,
        ))
        .load::<(i64, NaiveDate, Option<NaiveDate>)>(conn)?
        .into_iter()
        .map(|(jobseeker_id, starts_on, ends_on)| Job {
            jobseeker_id,
            starts_on,
            ends_on,
        })
        .collect();
    Ok(JobDevelopment {
        weeks,
        team_counts: per_coach[ROLLING - 1..].to_vec(),
        team_average,
        team_rolling,
        coaches,
        total,
        quarters: quarters(&qs, &stays, &jobs),
    })
}
