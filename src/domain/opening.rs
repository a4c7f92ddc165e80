//! Job openings: the form and its checks.

use super::fields::*;
use super::jobs::*;
use super::money::{Cents, Hundredths};
use super::validation::FieldErrors;
use chrono::NaiveDate;

/// What the opening form sends; every field as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OpeningForm {
    pub employer_id: String,
    pub contact_id: String,
    pub coach_id: String,
    pub title: String,
    pub occupation: String,
    pub description: String,
    pub municipality_code: String,
    pub hours_min: String,
    pub hours_max: String,
    pub schedules: Vec<String>,
    pub contract_type: String,
    pub pay: String,
    pub pay_unit: String,
    pub starts_on: String,
    pub closes_on: String,
    pub source: String,
    pub ad_url: String,
    pub must_licences: Vec<String>,
    pub nice_licences: Vec<String>,
    pub must_have: String,
    pub nice_to_have: String,
    pub features: Vec<String>,
    pub wage_subsidy_possible: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpeningFields {
    pub employer_id: i64,
    pub contact_id: Option<i64>,
    pub coach_id: i64,
    pub title: String,
    pub occupation: String,
    pub description: String,
    pub municipality_code: Option<String>,
    pub hours_min: Option<Hundredths>,
    pub hours_max: Option<Hundredths>,
    pub schedules: Vec<Schedule>,
    pub contract_type: Option<ContractType>,
    pub pay: Option<Cents>,
    pub pay_unit: Option<PayUnit>,
    pub starts_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub source: OpeningSource,
    pub ad_url: String,
    pub must_licences: Vec<Licence>,
    pub nice_licences: Vec<Licence>,
    pub must_have: String,
    pub nice_to_have: String,
    pub features: Vec<Feature>,
    pub wage_subsidy_possible: bool,
    pub status: OpeningStatus,
}

/// Checks the opening form. Reference codes (municipality) and ids are checked against the
/// database by the caller.
pub fn validate(form: &OpeningForm) -> Result<OpeningFields, FieldErrors> {
    let mut e = FieldErrors::default();
    let employer_id = required_id(&mut e, "employer_id", &form.employer_id);
    let contact_id = optional_id(&mut e, "contact_id", &form.contact_id);
    let coach_id = required_id(&mut e, "coach_id", &form.coach_id);
    let title = required_text(&mut e, "title", &form.title, 200);
    let occupation = optional_text(&mut e, "occupation", &form.occupation, 200);
    let description = optional_text(&mut e, "description", &form.description, 5000);
    let municipality_code =
        Some(form.municipality_code.trim().to_owned()).filter(|s| !s.is_empty());
    let (hours_min, hours_max) = hours_range(
        &mut e,
        "hours_min",
        "hours_max",
        &form.hours_min,
        &form.hours_max,
    );
    let schedules = choices(&mut e, "schedules", &form.schedules, Schedule::parse);
    let contract_type = choice(
        &mut e,
        "contract_type",
        &form.contract_type,
        ContractType::parse,
        false,
    );
    let pay = optional_money(&mut e, "pay", &form.pay);
    let pay_unit = choice(
        &mut e,
        "pay_unit",
        &form.pay_unit,
        PayUnit::parse,
        pay.is_some(),
    );
    let starts_on = optional_date(&mut e, "starts_on", &form.starts_on);
    let closes_on = optional_date(&mut e, "closes_on", &form.closes_on);
    not_before(
        &mut e,
        "closes_on",
        "opening-error-closes-before-start",
        starts_on,
        closes_on,
    );
    let source = choice(&mut e, "source", &form.source, OpeningSource::parse, true);
    let ad_url = optional_text(&mut e, "ad_url", &form.ad_url, 500);
    // A public ad needs its link; any link given must be a web address.
    let needs_link = source == Some(OpeningSource::PublicAd) || !ad_url.is_empty();
    if needs_link && !looks_like_web_address(&ad_url) {
        e.add("ad_url", "opening-error-ad-url");
    }
    let must_licences = choices(&mut e, "must_licences", &form.must_licences, Licence::parse);
    // A licence that is a must-have is not also a nice-to-have.
    let nice_licences: Vec<Licence> =
        choices(&mut e, "nice_licences", &form.nice_licences, Licence::parse)
            .into_iter()
            .filter(|l| !must_licences.contains(l))
            .collect();
    let must_have = optional_text(&mut e, "must_have", &form.must_have, 2000);
    let nice_to_have = optional_text(&mut e, "nice_to_have", &form.nice_to_have, 2000);
    let features = choices(&mut e, "features", &form.features, Feature::parse);
    let status = match form.status.trim() {
        "" => Some(OpeningStatus::Open),
        s => choice(&mut e, "status", s, OpeningStatus::parse, true),
    };
    match (employer_id, coach_id, source, status) {
        (Some(employer_id), Some(coach_id), Some(source), Some(status)) if e.is_empty() => {
            Ok(OpeningFields {
                employer_id,
                contact_id,
                coach_id,
                title,
                occupation,
                description,
                municipality_code,
                hours_min,
                hours_max,
                schedules,
                contract_type,
                pay,
                pay_unit,
                starts_on,
                closes_on,
                source,
                ad_url,
                must_licences,
                nice_licences,
                must_have,
                nice_to_have,
                features,
                wage_subsidy_possible: ticked(&form.wage_subsidy_possible),
                status,
            })
        }
        _ => Err(e),
    }
}

fn looks_like_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| r.contains('.') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OpeningForm {
        OpeningForm {
            employer_id: "7".into(),
            coach_id: "3".into(),
            title: "Varastotyöntekijä".into(),
            source: "coach_found".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_opening_found_by_a_coach_is_open() {
        let f = validate(&form()).expect("valid");
        assert_eq!(f.status, OpeningStatus::Open);
        assert_eq!(f.title, "Varastotyöntekijä");
    }

    #[test]
    fn a_public_ad_needs_its_link() {
        let mut f = form();
        f.source = "public_ad".into();
        let errors = validate(&f).unwrap_err();
        assert_eq!(errors.get("ad_url"), Some("opening-error-ad-url"));
        f.ad_url = "https://tyomarkkinatori.fi/x".into();
        assert!(validate(&f).is_ok());
    }

    #[test]
    fn pay_is_exact_and_needs_its_unit() {
        let mut f = form();
        f.pay = "12,85".into();
        assert_eq!(
            validate(&f).unwrap_err().get("pay_unit"),
            Some("employer-error-choice")
        );
        f.pay_unit = "hour".into();
        let v = validate(&f).expect("valid");
        assert_eq!(v.pay, Some(Cents(1285)));
    }

    #[test]
    fn a_must_have_licence_is_not_repeated_as_nice_to_have() {
        let mut f = form();
        f.must_licences = vec!["hygiene_passport".into()];
        f.nice_licences = vec!["hygiene_passport".into(), "first_aid".into()];
        let v = validate(&f).expect("valid");
        assert_eq!(v.must_licences, vec![Licence::HygienePassport]);
        assert_eq!(v.nice_licences, vec![Licence::FirstAid]);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let f = OpeningForm {
            hours_min: "30".into(),
            hours_max: "20".into(),
            schedules: vec!["sometimes".into()],
            ..Default::default()
        };
        let errors = validate(&f).unwrap_err();
        for field in [
            "employer_id",
            "coach_id",
            "title",
            "hours_max",
            "schedules",
            "source",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
