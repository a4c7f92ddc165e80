//! Placements: the form, and the follow-along checkpoints after a job start.

use super::fields::*;
use super::jobs::*;
use super::money::{Cents, Hundredths};
use super::validation::FieldErrors;
use crate::labelled_enum;
use chrono::{Days, NaiveDate};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PlacementForm {
    pub jobseeker_id: String,
    pub employer_id: String,
    pub opening_id: String,
    pub match_id: String,
    pub job_title: String,
    pub occupation: String,
    pub starts_on: String,
    pub ends_on: String,
    pub hours_per_week: String,
    pub pay: String,
    pub pay_unit: String,
    pub contract_type: String,
    pub competitive: String,
    pub wage_subsidy: String,
    pub wage_subsidy_percent: String,
    pub disclosure: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementFields {
    pub jobseeker_id: i64,
    pub employer_id: i64,
    pub opening_id: Option<i64>,
    pub match_id: Option<i64>,
    pub job_title: String,
    pub occupation: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub hours_per_week: Option<Hundredths>,
    pub pay: Option<Cents>,
    pub pay_unit: Option<PayUnit>,
    pub contract_type: Option<ContractType>,
    pub competitive: bool,
    pub wage_subsidy: bool,
    pub wage_subsidy_percent: Option<i64>,
    pub disclosure: Disclosure,
}

pub fn validate(form: &PlacementForm) -> Result<PlacementFields, FieldErrors> {
    let mut e = FieldErrors::default();
    let jobseeker_id = required_id(&mut e, "jobseeker_id", &form.jobseeker_id);
    let employer_id = required_id(&mut e, "employer_id", &form.employer_id);
    let opening_id = optional_id(&mut e, "opening_id", &form.opening_id);
    let match_id = optional_id(&mut e, "match_id", &form.match_id);
    let job_title = required_text(&mut e, "job_title", &form.job_title, 200);
    let occupation = optional_text(&mut e, "occupation", &form.occupation, 200);
    let starts_on = required_date(&mut e, "starts_on", &form.starts_on);
    let ends_on = optional_date(&mut e, "ends_on", &form.ends_on);
    if let (Some(s), Some(end)) = (starts_on, ends_on) {
        if end < s {
            e.add("ends_on", "placement-error-ends-before-start");
        }
    }
    let hours_per_week = optional_hours(&mut e, "hours_per_week", &form.hours_per_week);
    let pay = optional_money(&mut e, "pay", &form.pay);
    let pay_unit = choice(
        &mut e,
        "pay_unit",
        &form.pay_unit,
        PayUnit::parse,
        pay.is_some(),
    );
    let contract_type = choice(
        &mut e,
        "contract_type",
        &form.contract_type,
        ContractType::parse,
        false,
    );
    let wage_subsidy = ticked(&form.wage_subsidy);
    let wage_subsidy_percent = optional_number(
        &mut e,
        "wage_subsidy_percent",
        &form.wage_subsidy_percent,
        1..=100,
    );
    if wage_subsidy && wage_subsidy_percent.is_none() && e.get("wage_subsidy_percent").is_none() {
        e.add("wage_subsidy_percent", "placement-error-subsidy-percent");
    }
    let disclosure = choice(
        &mut e,
        "disclosure",
        &form.disclosure,
        Disclosure::parse,
        true,
    );
    match (jobseeker_id, employer_id, starts_on, disclosure) {
        (Some(jobseeker_id), Some(employer_id), Some(starts_on), Some(disclosure))
            if e.is_empty() =>
        {
            Ok(PlacementFields {
                jobseeker_id,
                employer_id,
                opening_id,
                match_id,
                job_title,
                occupation,
                starts_on,
                ends_on,
                hours_per_week,
                pay,
                pay_unit,
                contract_type,
                competitive: ticked(&form.competitive),
                wage_subsidy,
                wage_subsidy_percent: wage_subsidy.then_some(wage_subsidy_percent).flatten(),
                disclosure,
            })
        }
        _ => Err(e),
    }
}

labelled_enum! {
    /// The follow-along points after a job start.
    pub enum Checkpoint prefix "checkpoint" {
        FirstWeek => "first_week",
        FourWeeks => "four_weeks",
        ThirteenWeeks => "thirteen_weeks",
        TwelveMonths => "twelve_months",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointState {
    /// A support contact falls in the checkpoint's window.
    Met(NaiveDate),
    /// The window is still open and has no contact yet.
    Due,
    /// The window closed without a contact.
    Missed,
    /// The placement ended before the checkpoint.
    NotReached,
}

impl Checkpoint {
    /// Days after the start when the checkpoint is due.
    pub fn days(self) -> u64 {
        match self {
            Checkpoint::FirstWeek => 7,
            Checkpoint::FourWeeks => 28,
            Checkpoint::ThirteenWeeks => 91,
            Checkpoint::TwelveMonths => 365,
        }
    }

    pub fn due_on(self, starts_on: NaiveDate) -> NaiveDate {
        starts_on + Days::new(self.days())
    }
}

/// Each checkpoint's state. A checkpoint's window runs from the previous checkpoint (the start,
/// for the first week) to its own due date; a contact in the window meets it.
pub fn checkpoints(
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    support_dates: &[NaiveDate],
    today: NaiveDate,
) -> Vec<(Checkpoint, NaiveDate, CheckpointState)> {
    let mut from = starts_on;
    Checkpoint::ALL
        .iter()
        .map(|&cp| {
            let due = cp.due_on(starts_on);
            let met = support_dates
                .iter()
                .filter(|d| **d >= from && **d <= due)
                .min()
                .copied();
            let state = match met {
                Some(d) => CheckpointState::Met(d),
                None if ends_on.is_some_and(|end| end < due)
                    && ends_on.is_some_and(|end| end < today) =>
                {
                    CheckpointState::NotReached
                }
                None if today > due => CheckpointState::Missed,
                None => CheckpointState::Due,
            };
            from = due + Days::new(1);
            (cp, due, state)
        })
        .collect()
}

/// The placement page warns when the first-week contact has not happened: from the third day
/// after the start (IPS: contact within 3 days of a job start) until one is logged.
pub fn first_week_contact_missing(
    starts_on: NaiveDate,
    support_dates: &[NaiveDate],
    today: NaiveDate,
) -> bool {
    let window_end = Checkpoint::FirstWeek.due_on(starts_on);
    let contacted = support_dates
        .iter()
        .any(|d| *d >= starts_on && *d <= window_end);
    !contacted && today >= starts_on + Days::new(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32, month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn form() -> PlacementForm {
        PlacementForm {
            jobseeker_id: "1".into(),
            employer_id: "2".into(),
            job_title: "Kahvila-apulainen".into(),
            starts_on: "2026-09-01".into(),
            disclosure: "agreed".into(),
            competitive: "on".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_placement_needs_title_start_and_a_sane_end() {
        assert!(validate(&form()).is_ok());
        let mut f = form();
        f.ends_on = "31.8.2026".into();
        assert_eq!(
            validate(&f).unwrap_err().get("ends_on"),
            Some("placement-error-ends-before-start")
        );
    }

    #[test]
    fn a_wage_subsidy_needs_its_percentage() {
        let mut f = form();
        f.wage_subsidy = "on".into();
        assert_eq!(
            validate(&f).unwrap_err().get("wage_subsidy_percent"),
            Some("placement-error-subsidy-percent")
        );
        f.wage_subsidy_percent = "50".into();
        let v = validate(&f).unwrap();
        assert!(v.wage_subsidy && v.competitive);
        assert_eq!(v.wage_subsidy_percent, Some(50));
        f.wage_subsidy_percent = "150".into();
        assert!(validate(&f).is_err());
    }

    #[test]
    fn checkpoints_count_from_the_start() {
        let start = d(1, 9);
        let states = checkpoints(start, None, &[d(3, 9), d(20, 9)], d(15, 10));
        assert_eq!(
            states[0],
            (
                Checkpoint::FirstWeek,
                d(8, 9),
                CheckpointState::Met(d(3, 9))
            )
        );
        assert_eq!(
            states[1],
            (
                Checkpoint::FourWeeks,
                d(29, 9),
                CheckpointState::Met(d(20, 9))
            )
        );
        assert_eq!(states[2].2, CheckpointState::Due);
        let late = checkpoints(start, None, &[], d(15, 10));
        assert_eq!(late[0].2, CheckpointState::Missed);
        assert_eq!(late[1].2, CheckpointState::Missed);
        let ended = checkpoints(start, Some(d(10, 9)), &[d(2, 9)], d(15, 10));
        assert_eq!(ended[1].2, CheckpointState::NotReached);
    }

    #[test]
    fn the_first_week_warning_starts_on_the_third_day() {
        let start = d(1, 9);
        assert!(!first_week_contact_missing(start, &[], d(3, 9)));
        assert!(first_week_contact_missing(start, &[], d(4, 9)));
        assert!(!first_week_contact_missing(start, &[d(2, 9)], d(20, 9)));
        assert!(first_week_contact_missing(start, &[d(12, 9)], d(20, 9)));
    }
}
