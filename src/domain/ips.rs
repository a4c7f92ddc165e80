//! IPS fidelity and outcome numbers (BRIEF.md, "The numbers a team lead reads"), computed from
//! plain rows: weekly face-to-face contacts in Helsinki weeks, rapid job search, diversity of
//! employers and jobs, competitive share, employment rate per quarter, follow-along timeliness.

use super::stats::{mean, median, percent, rolling_average};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Helsinki;
use std::collections::HashSet;

/// Face-to-face employer contacts a coach should make each week.
pub const F2F_TARGET: i64 = 6;
/// Active jobseekers a coach should hold at most.
pub const CASELOAD_MAX: i64 = 20;
/// Days from entry to the first employer contact on the jobseeker's behalf.
pub const RAPID_DAYS: i64 = 30;
/// Weeks the job-development report shows.
pub const WEEKS_SHOWN: usize = 12;
/// Weeks of face-to-face counts before the first shown week, for its rolling 4-week average.
pub const ROLLING: usize = 4;

/// The Monday of the week `day` falls in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(day.weekday().num_days_from_monday() as u64)
}

/// The Mondays of the `count` complete weeks before the week of `today`, oldest first.
pub fn complete_weeks(today: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let this_week = monday_of(today);
    (1..=count)
        .rev()
        .map(|i| this_week - Days::new(7 * i as u64))
        .collect()
}

/// Midnight at the start of a Helsinki date, in UTC.
pub fn helsinki_midnight_utc(day: NaiveDate) -> NaiveDateTime {
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    Helsinki
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(local)
}

/// The UTC instants where the weeks starting on `mondays` begin, plus where the last one ends.
pub fn week_bounds_utc(mondays: &[NaiveDate]) -> Vec<NaiveDateTime> {
    let mut bounds: Vec<NaiveDateTime> =
        mondays.iter().map(|m| helsinki_midnight_utc(*m)).collect();
    if let Some(last) = mondays.last() {
        bounds.push(helsinki_midnight_utc(*last + Days::new(7)));
    }
    bounds
}

/// The week a UTC instant falls in, by the bounds of [`week_bounds_utc`].
pub fn week_index(bounds: &[NaiveDateTime], at: NaiveDateTime) -> Option<usize> {
    bounds.windows(2).position(|w| w[0] <= at && at < w[1])
}

/// A coach's weekly face-to-face numbers over the shown weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct F2fSeries {
    pub counts: Vec<i64>,
    /// The rolling 4-week average of each shown week.
    pub rolling: Vec<Option<f64>>,
    pub average: Option<f64>,
    pub total: i64,
    /// The newest rolling average is under the target.
    pub below_target: bool,
}

/// From counts per week, oldest first, with `ROLLING - 1` lead-in weeks before the shown ones.
pub fn f2f_series(counts_with_lead_in: &[i64]) -> F2fSeries {
    let lead_in = (ROLLING - 1).min(counts_with_lead_in.len());
    let rolling_all = rolling_average(counts_with_lead_in, ROLLING);
    let counts = counts_with_lead_in[lead_in..].to_vec();
    let rolling = rolling_all[lead_in..].to_vec();
    let latest = rolling.last().copied().flatten();
    F2fSeries {
        total: counts.iter().sum(),
        average: mean(&counts),
        below_target: latest.is_some_and(|r| r < F2F_TARGET as f64),
        counts,
        rolling,
    }
}

/// Rapid job search: days from entry to the first face-to-face employer contact on the
/// jobseeker's behalf.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RapidJobSearch {
    /// Jobseekers counted: those with a first contact, and those waiting past the target.
    pub counted: usize,
    pub median_days: Option<f64>,
    pub within_target: usize,
    pub share_within_target: Option<f64>,
    /// Entered more than the target days ago and still no contact.
    pub overdue: usize,
}

/// `entries`: (entered on, first face-to-face contact on their behalf) of the jobseekers who
/// entered in the period. Those still within their first 30 days without a contact are not yet
/// counted; those past it count as late.
pub fn rapid_job_search(
    entries: &[(NaiveDate, Option<NaiveDate>)],
    today: NaiveDate,
) -> RapidJobSearch {
    let mut days = Vec::new();
    let mut overdue = 0;
    for (entered, first) in entries {
        match first {
            Some(first) => days.push((*first - *entered).num_days().max(0)),
            None if (today - *entered).num_days() > RAPID_DAYS => overdue += 1,
            None => {}
        }
    }
    let within = days.iter().filter(|d| **d <= RAPID_DAYS).count();
    let counted = days.len() + overdue;
    RapidJobSearch {
        counted,
        median_days: median(&days),
        within_target: within,
        share_within_target: percent(within, counted),
        overdue,
    }
}

/// A job start, as the outcome numbers need it.
#[derive(Debug, Clone)]
pub struct Start {
    pub employer_id: i64,
    /// The occupation, or the job title when no occupation was given.
    pub job: String,
    pub competitive: bool,
    pub wage_subsidy: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcomes {
    pub starts: usize,
    pub employers: usize,
    pub jobs: usize,
    pub employer_diversity: Option<f64>,
    pub job_diversity: Option<f64>,
    pub competitive: usize,
    pub competitive_share: Option<f64>,
    pub wage_subsidy: usize,
}

/// Diversity of employers and jobs and the competitive share of the starts given.
pub fn outcomes(starts: &[Start]) -> Outcomes {
    let employers: HashSet<i64> = starts.iter().map(|s| s.employer_id).collect();
    let jobs: HashSet<String> = starts
        .iter()
        .map(|s| crate::domain::text::fold(s.job.trim()))
        .collect();
    let competitive = starts.iter().filter(|s| s.competitive).count();
    Outcomes {
        starts: starts.len(),
        employers: employers.len(),
        jobs: jobs.len(),
        employer_diversity: percent(employers.len(), starts.len()),
        job_diversity: percent(jobs.len(), starts.len()),
        competitive,
        competitive_share: percent(competitive, starts.len()),
        wage_subsidy: starts.iter().filter(|s| s.wage_subsidy).count(),
    }
}

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
}

impl Quarter {
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            q: (day.month0() / 3) + 1,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.q - 1) * 3 + 1, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day() - Days::new(1)
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    pub fn previous(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    /// `2026 Q3`.
    pub fn label(self) -> String {
        format!("{} Q{}", self.year, self.q)
    }
}

/// The `count` quarters up to and including the quarter of `today`, oldest first.
pub fn last_quarters(today: NaiveDate, count: usize) -> Vec<Quarter> {
    let mut q = Quarter::of(today);
    let mut out = vec![q];
    for _ in 1..count {
        q = q.previous();
        out.push(q);
    }
    out.reverse();
    out
}

/// A jobseeker's time in the service.
#[derive(Debug, Clone)]
pub struct Stay {
    pub jobseeker_id: i64,
    pub entered_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

/// A job held from `starts_on` to `ends_on` (open: still held).
#[derive(Debug, Clone)]
pub struct Job {
    pub jobseeker_id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuarterRow {
    pub quarter: Quarter,
    pub starts: usize,
    /// Jobseekers in the service during the quarter (every one entered out of work).
    pub caseload: usize,
    /// Of them, those who started or held a job in the quarter.
    pub employed: usize,
    pub rate: Option<f64>,
}

fn overlaps(from: NaiveDate, to: Option<NaiveDate>, q: Quarter) -> bool {
    from <= q.last_day() && to.is_none_or(|t| t >= q.first_day())
}

/// Job starts and the employment rate of each quarter: people who started or held a job in the
/// quarter ÷ the caseload of the quarter.
pub fn quarters(quarters: &[Quarter], stays: &[Stay], jobs: &[Job]) -> Vec<QuarterRow> {
    quarters
        .iter()
        .map(|q| {
            let in_service: HashSet<i64> = stays
                .iter()
                .filter(|s| overlaps(s.entered_on, s.closed_on, *q))
                .map(|s| s.jobseeker_id)
                .collect();
            let employed: HashSet<i64> = jobs
                .iter()
                .filter(|j| in_service.contains(&j.jobseeker_id))
                .filter(|j| overlaps(j.starts_on, j.ends_on, *q))
                .map(|j| j.jobseeker_id)
                .collect();
            let starts = jobs
                .iter()
                .filter(|j| j.starts_on >= q.first_day() && j.starts_on <= q.last_day())
                .count();
            QuarterRow {
                quarter: *q,
                starts,
                caseload: in_service.len(),
                employed: employed.len(),
                rate: percent(employed.len(), in_service.len()),
            }
        })
        .collect()
}

/// Days after a job start within which the first follow-along contact is due.
pub const FIRST_SUPPORT_DAYS: i64 = 3;
/// The first month of a job, as four weeks.
pub const FIRST_MONTH_WEEKS: i64 = 4;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FollowAlong {
    /// Starts at least 3 days ago.
    pub due_first: usize,
    pub first_in_time: usize,
    pub first_share: Option<f64>,
    /// Starts whose first four weeks are over.
    pub due_month: usize,
    /// Of them, those with a support contact in each of the four weeks.
    pub weekly_in_month: usize,
    pub weekly_share: Option<f64>,
}

/// Follow-along contacts by placement.
pub type SupportByPlacement = std::collections::HashMap<i64, Vec<NaiveDate>>;

/// `support` are (placement, date of a follow-along contact).
pub fn support_by_placement(support: &[(i64, NaiveDate)]) -> SupportByPlacement {
    let mut by_placement = SupportByPlacement::default();
    for (p, d) in support {
        by_placement.entry(*p).or_default().push(*d);
    }
    by_placement
}

/// Follow-along timeliness: `starts` are (placement, start date).
pub fn follow_along(
    starts: &[(i64, NaiveDate)],
    by_placement: &SupportByPlacement,
    today: NaiveDate,
) -> FollowAlong {
    let mut f = FollowAlong::default();
    for (id, start) in starts {
        let offsets: Vec<i64> = by_placement
            .get(id)
            .into_iter()
            .flatten()
            .map(|d| (*d - *start).num_days())
            .filter(|d| *d >= 0)
            .collect();
        let elapsed = (today - *start).num_days();
        if elapsed >= FIRST_SUPPORT_DAYS {
            f.due_first += 1;
            if offsets.iter().any(|d| *d <= FIRST_SUPPORT_DAYS) {
                f.first_in_time += 1;
            }
        }
        if elapsed >= FIRST_MONTH_WEEKS * 7 {
            f.due_month += 1;
            let every_week = (0..FIRST_MONTH_WEEKS)
                .all(|w| offsets.iter().any(|d| *d >= w * 7 && *d < (w + 1) * 7));
            if every_week {
                f.weekly_in_month += 1;
            }
        }
    }
    f.first_share = percent(f.first_in_time, f.due_first);
    f.weekly_share = percent(f.weekly_in_month, f.due_month);
    f
}

/// Job searching and in-work support: the statuses that make up a caseload.
pub const ACTIVE_STATUSES: [&str; 2] = ["job_search", "working"];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_are_complete_helsinki_weeks_before_this_one() {
        // Wednesday 25.11.2026: the last complete week starts Monday 16.11.
        let weeks = complete_weeks(d(2026, 11, 25), 3);
        assert_eq!(weeks, vec![d(2026, 11, 2), d(2026, 11, 9), d(2026, 11, 16)]);
        assert_eq!(monday_of(d(2026, 11, 23)), d(2026, 11, 23));
        assert_eq!(monday_of(d(2026, 11, 29)), d(2026, 11, 23));
    }

    #[test]
    fn week_bounds_follow_helsinki_time_across_daylight_saving() {
        // Summer time ends on Sunday 25.10.2026.
        let bounds = week_bounds_utc(&[d(2026, 10, 19), d(2026, 10, 26)]);
        assert_eq!(bounds[0], d(2026, 10, 18).and_hms_opt(21, 0, 0).unwrap()); // UTC+3
        assert_eq!(bounds[1], d(2026, 10, 25).and_hms_opt(22, 0, 0).unwrap()); // UTC+2
        assert_eq!(bounds.len(), 3);
        // Sunday 23.30 Helsinki is still the first week; Monday 00.30 is the next.
        assert_eq!(
            week_index(&bounds, d(2026, 10, 25).and_hms_opt(21, 30, 0).unwrap()),
            Some(0)
        );
        assert_eq!(
            week_index(&bounds, d(2026, 10, 25).and_hms_opt(22, 30, 0).unwrap()),
            Some(1)
        );
        assert_eq!(
            week_index(&bounds, d(2026, 11, 10).and_hms_opt(0, 0, 0).unwrap()),
            None
        );
    }

    #[test]
    fn weekly_series_with_rolling_average_and_target() {
        // Three lead-in weeks, then the shown ones.
        let s = f2f_series(&[6, 6, 6, 2, 8, 4]);
        assert_eq!(s.counts, vec![2, 8, 4]);
        assert_eq!(s.rolling, vec![Some(5.0), Some(5.5), Some(5.0)]);
        assert_eq!(s.total, 14);
        assert_eq!(s.average, Some(4.7));
        assert!(s.below_target);
        let good = f2f_series(&[6, 7, 5, 6, 6, 7]);
        assert!(!good.below_target);
    }

    #[test]
    fn rapid_job_search_median_and_share() {
        let today = d(2026, 11, 23);
        let entries = [
            (d(2026, 1, 1), Some(d(2026, 1, 11))), // 10 days
            (d(2026, 2, 1), Some(d(2026, 3, 13))), // 40 days
            (d(2026, 3, 1), Some(d(2026, 3, 21))), // 20 days
            (d(2026, 4, 1), None),                 // overdue
            (d(2026, 11, 10), None),               // still within 30 days: not counted
        ];
        let r = rapid_job_search(&entries, today);
        assert_eq!(r.counted, 4);
        assert_eq!(r.median_days, Some(20.0));
        assert_eq!(r.within_target, 2);
        assert_eq!(r.share_within_target, Some(50.0));
        assert_eq!(r.overdue, 1);
        assert_eq!(rapid_job_search(&[], today).median_days, None);
    }

    #[test]
    fn diversity_and_competitive_share() {
        let s = |e, job: &str, c, w| Start {
            employer_id: e,
            job: job.into(),
            competitive: c,
            wage_subsidy: w,
        };
        let o = outcomes(&[
            s(1, "Varastotyöntekijä", true, false),
            s(1, "varastotyöntekijä ", true, true),
            s(2, "Kokki", true, false),
            s(3, "Siivooja", false, false),
        ]);
        assert_eq!(o.starts, 4);
        assert_eq!(o.employer_diversity, Some(75.0));
        assert_eq!(o.job_diversity, Some(75.0));
        assert_eq!(o.competitive_share, Some(75.0));
        assert_eq!(o.wage_subsidy, 1);
        assert_eq!(outcomes(&[]).employer_diversity, None);
    }

    #[test]
    fn quarters_and_employment_rate() {
        let qs = last_quarters(d(2026, 11, 23), 2);
        assert_eq!(
            qs,
            vec![Quarter { year: 2026, q: 3 }, Quarter { year: 2026, q: 4 }]
        );
        assert_eq!(qs[0].first_day(), d(2026, 7, 1));
        assert_eq!(qs[0].last_day(), d(2026, 9, 30));
        assert_eq!(Quarter { year: 2026, q: 1 }.previous().label(), "2025 Q4");
        let stays = vec![
            Stay {
                jobseeker_id: 1,
                entered_on: d(2026, 1, 1),
                closed_on: None,
            },
            Stay {
                jobseeker_id: 2,
                entered_on: d(2026, 1, 1),
                closed_on: Some(d(2026, 8, 1)),
            },
            Stay {
                jobseeker_id: 3,
                entered_on: d(2026, 10, 5),
                closed_on: None,
            },
            Stay {
                jobseeker_id: 4,
                entered_on: d(2026, 8, 1),
                closed_on: None,
            },
        ];
        let jobs = vec![
            // Started in Q2, still held: employed in Q3 and Q4, a start in neither.
            Job {
                jobseeker_id: 1,
                starts_on: d(2026, 5, 1),
                ends_on: None,
            },
            // Started in Q4.
            Job {
                jobseeker_id: 3,
                starts_on: d(2026, 11, 2),
                ends_on: None,
            },
            // Held in Q3 only.
            Job {
                jobseeker_id: 4,
                starts_on: d(2026, 8, 10),
                ends_on: Some(d(2026, 9, 1)),
            },
        ];
        let rows = quarters(&qs, &stays, &jobs);
        assert_eq!(
            (rows[0].starts, rows[0].caseload, rows[0].employed),
            (1, 3, 2)
        );
        assert_eq!(rows[0].rate, Some(66.7));
        assert_eq!(
            (rows[1].starts, rows[1].caseload, rows[1].employed),
            (1, 3, 2)
        );
    }

    #[test]
    fn follow_along_within_three_days_and_weekly_in_the_first_month() {
        let today = d(2026, 11, 23);
        let starts = [
            (1, d(2026, 10, 1)),
            (2, d(2026, 10, 1)),
            (3, d(2026, 11, 21)),
        ];
        let support = [
            (1, d(2026, 10, 3)),
            (1, d(2026, 10, 9)),
            (1, d(2026, 10, 16)),
            (1, d(2026, 10, 27)),
            (2, d(2026, 10, 6)), // 5 days: late
            (2, d(2026, 10, 9)),
        ];
        let f = follow_along(&starts, &support_by_placement(&support), today);
        assert_eq!((f.due_first, f.first_in_time), (2, 1));
        assert_eq!(f.first_share, Some(50.0));
        assert_eq!((f.due_month, f.weekly_in_month), (2, 1));
    }
}
