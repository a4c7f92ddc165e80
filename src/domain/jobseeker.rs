//! Jobseekers: the privacy-minimal profile, its consents, and the retention rule.
//!
//! The profile holds the person's own wishes and what they agreed to, nothing more: no
//! diagnoses, no health data, no personal identity code.

use super::fields::*;
use super::jobs::*;
use super::money::{Cents, Hundredths};
use super::validation::FieldErrors;
use chrono::{Months, NaiveDate};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct JobseekerForm {
    pub display_name: String,
    pub coach_id: String,
    pub entered_on: String,
    pub status: String,
    pub consent_employer_contact: String,
    pub consent_employer_scope: String,
    pub consent_needs: String,
    pub consent_given_on: String,
    pub disclosure: String,
    pub disclosure_wording: String,
    pub wanted_occupations: String,
    pub avoided_occupations: String,
    pub wanted_industries: Vec<String>,
    pub avoided_industries: Vec<String>,
    pub municipalities: Vec<String>,
    pub travel: String,
    pub hours_min: String,
    pub hours_max: String,
    pub schedules: Vec<String>,
    pub contract_types: Vec<String>,
    pub pay_expectation: String,
    pub pay_unit: String,
    pub strengths: String,
    pub languages: String,
    pub licences: Vec<String>,
    pub needs: Vec<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JobseekerFields {
    pub display_name: String,
    pub coach_id: i64,
    pub entered_on: NaiveDate,
    pub status: JobseekerStatus,
    pub consent_employer_contact: bool,
    pub consent_employer_scope: String,
    pub consent_needs: bool,
    pub consent_given_on: Option<NaiveDate>,
    pub disclosure: Disclosure,
    pub disclosure_wording: String,
    pub wanted_occupations: String,
    pub avoided_occupations: String,
    pub wanted_industries: Vec<String>,
    pub avoided_industries: Vec<String>,
    pub municipalities: Vec<String>,
    pub travel: Travel,
    pub hours_min: Option<Hundredths>,
    pub hours_max: Option<Hundredths>,
    pub schedules: Vec<Schedule>,
    pub contract_types: Vec<ContractType>,
    pub pay_expectation: Option<Cents>,
    pub pay_unit: Option<PayUnit>,
    pub strengths: String,
    pub languages: String,
    pub licences: Vec<Licence>,
    pub needs: Vec<Need>,
    pub notes: String,
}

/// Codes as sent by a multi-select, trimmed, without blanks or repeats.
fn codes(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !out.iter().any(|o| o == v) {
            out.push(v.to_owned());
        }
    }
    out
}

/// Checks the jobseeker form; `today` is the Helsinki date. Industry and municipality codes
/// are checked against the reference data by the caller.
pub fn validate(form: &JobseekerForm, today: NaiveDate) -> Result<JobseekerFields, FieldErrors> {
    let mut e = FieldErrors::default();
    let display_name = required_text(&mut e, "display_name", &form.display_name, 120);
    let coach_id = required_id(&mut e, "coach_id", &form.coach_id);
    let entered_on = required_date(&mut e, "entered_on", &form.entered_on);
    if entered_on.is_some_and(|d| d > today) {
        e.add("entered_on", "jobseeker-error-future");
    }
    let status = match form.status.trim() {
        "" => Some(JobseekerStatus::JobSearch),
        s => choice(&mut e, "status", s, JobseekerStatus::parse, true),
    };
    let consent_employer_contact = ticked(&form.consent_employer_contact);
    let consent_needs = ticked(&form.consent_needs);
    let consent_given_on = optional_date(&mut e, "consent_given_on", &form.consent_given_on);
    if (consent_employer_contact || consent_needs)
        && consent_given_on.is_none()
        && e.get("consent_given_on").is_none()
    {
        e.add("consent_given_on", "jobseeker-error-consent-date");
    }
    if consent_given_on.is_some_and(|d| d > today) {
        e.add("consent_given_on", "jobseeker-error-future");
    }
    let consent_employer_scope = optional_text(
        &mut e,
        "consent_employer_scope",
        &form.consent_employer_scope,
        500,
    );
    let disclosure = match form.disclosure.trim() {
        "" => Some(Disclosure::None),
        s => choice(&mut e, "disclosure", s, Disclosure::parse, true),
    };
    let disclosure_wording =
        optional_text(&mut e, "disclosure_wording", &form.disclosure_wording, 1000);
    if disclosure == Some(Disclosure::Agreed) && disclosure_wording.is_empty() {
        e.add("disclosure_wording", "jobseeker-error-wording");
    }
    let needs = choices(&mut e, "needs", &form.needs, Need::parse);
    if !needs.is_empty() && !consent_needs {
        e.add("needs", "jobseeker-error-needs-consent");
    }
    let (hours_min, hours_max) = hours_range(
        &mut e,
        "hours_min",
        "hours_max",
        &form.hours_min,
        &form.hours_max,
    );
    let pay_expectation = optional_money(&mut e, "pay_expectation", &form.pay_expectation);
    let pay_unit = choice(
        &mut e,
        "pay_unit",
        &form.pay_unit,
        PayUnit::parse,
        pay_expectation.is_some(),
    );
    let travel = match form.travel.trim() {
        "" => Some(Travel::Own),
        s => choice(&mut e, "travel", s, Travel::parse, true),
    };
    let fields = JobseekerFields {
        display_name,
        coach_id: coach_id.unwrap_or_default(),
        entered_on: entered_on.unwrap_or(today),
        status: status.unwrap_or(JobseekerStatus::JobSearch),
        consent_employer_contact,
        consent_employer_scope,
        consent_needs,
        consent_given_on,
        disclosure: disclosure.unwrap_or(Disclosure::None),
        disclosure_wording: if disclosure == Some(Disclosure::Agreed) {
            disclosure_wording
        } else {
            String::new()
        },
        wanted_occupations: optional_text(
            &mut e,
            "wanted_occupations",
            &form.wanted_occupations,
            1000,
        ),
        avoided_occupations: optional_text(
            &mut e,
            "avoided_occupations",
            &form.avoided_occupations,
            1000,
        ),
        wanted_industries: codes(&form.wanted_industries),
        avoided_industries: codes(&form.avoided_industries),
        municipalities: codes(&form.municipalities),
        travel: travel.unwrap_or(Travel::Own),
        hours_min,
        hours_max,
        schedules: choices(&mut e, "schedules", &form.schedules, Schedule::parse),
        contract_types: choices(
            &mut e,
            "contract_types",
            &form.contract_types,
            ContractType::parse,
        ),
        pay_expectation,
        pay_unit,
        strengths: optional_text(&mut e, "strengths", &form.strengths, 2000),
        languages: optional_text(&mut e, "languages", &form.languages, 500),
        licences: choices(&mut e, "licences", &form.licences, Licence::parse),
        needs,
        notes: optional_text(&mut e, "notes", &form.notes, 5000),
    };
    if e.is_empty() {
        Ok(fields)
    } else {
        Err(e)
    }
}

/// Whether a closed jobseeker's profile is due to be anonymised: `months` after closing.
pub fn anonymisation_due(closed_on: NaiveDate, months: u32, today: NaiveDate) -> bool {
    closed_on
        .checked_add_months(Months::new(months))
        .is_some_and(|due| today >= due)
}

/// The default retention of a closed jobseeker's profile, in months.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn form() -> JobseekerForm {
        JobseekerForm {
            display_name: "Aino K.".into(),
            coach_id: "4".into(),
            entered_on: "2026-10-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_new_jobseeker_searches_and_discloses_nothing_by_default() {
        let v = validate(&form(), today()).expect("valid");
        assert_eq!(v.status, JobseekerStatus::JobSearch);
        assert_eq!(v.disclosure, Disclosure::None);
        assert!(!v.consent_employer_contact);
    }

    #[test]
    fn a_consent_is_dated() {
        let mut f = form();
        f.consent_employer_contact = "on".into();
        assert_eq!(
            validate(&f, today()).unwrap_err().get("consent_given_on"),
            Some("jobseeker-error-consent-date")
        );
        f.consent_given_on = "1.10.2026".into();
        assert!(validate(&f, today()).unwrap().consent_employer_contact);
    }

    #[test]
    fn functional_needs_are_kept_only_with_consent() {
        let mut f = form();
        f.needs = vec!["quiet_space".into()];
        assert_eq!(
            validate(&f, today()).unwrap_err().get("needs"),
            Some("jobseeker-error-needs-consent")
        );
        f.consent_needs = "on".into();
        f.consent_given_on = "2026-10-01".into();
        assert_eq!(validate(&f, today()).unwrap().needs, vec![Need::QuietSpace]);
    }

    #[test]
    fn agreed_disclosure_needs_the_agreed_words() {
        let mut f = form();
        f.disclosure = "agreed".into();
        assert_eq!(
            validate(&f, today()).unwrap_err().get("disclosure_wording"),
            Some("jobseeker-error-wording")
        );
        f.disclosure_wording = "Tarvitsee rauhallisen työtilan.".into();
        assert!(validate(&f, today()).is_ok());
    }

    #[test]
    fn the_entry_date_is_not_in_the_future() {
        let mut f = form();
        f.entered_on = "2027-01-01".into();
        assert_eq!(
            validate(&f, today()).unwrap_err().get("entered_on"),
            Some("jobseeker-error-future")
        );
    }

    #[test]
    fn a_closed_profile_is_anonymised_after_the_retention_period() {
        let closed = NaiveDate::from_ymd_opt(2024, 11, 23).unwrap();
        assert!(anonymisation_due(closed, 24, today()));
        assert!(!anonymisation_due(closed, 25, today()));
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert!(!anonymisation_due(
            leap,
            24,
            NaiveDate::from_ymd_opt(2026, 2, 27).unwrap()
        ));
        assert!(anonymisation_due(
            leap,
            24,
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        ));
    }
}
