//! Property tests for every parser of what users type: whatever arrives, nothing panics, and
//! what a parser accepts comes back the same when shown in a form and sent again.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use proptest::sample::select;
use verkosto::db::contacts::PersonForm;
use verkosto::domain::business_id::BusinessId;
use verkosto::domain::contact::{self, ContactFields, ContactForm};
use verkosto::domain::employer::{self, EmployerForm};
use verkosto::domain::fields::{self, parse_date, parse_datetime, parse_phone};
use verkosto::domain::jobs::*;
use verkosto::domain::jobseeker::{self, JobseekerFields, JobseekerForm};
use verkosto::domain::local_path::LocalPath;
use verkosto::domain::money::{Cents, Hundredths};
use verkosto::domain::opening::{self, OpeningFields, OpeningForm};
use verkosto::domain::placement::{self, PlacementFields, PlacementForm};
use verkosto::domain::text::{multi_line, single_line};
use verkosto::format;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A date as someone might type it, inside and outside the years a form takes.
fn date_text() -> impl Strategy<Value = String> {
    (1800i32..2200, 0u32..14, 0u32..33, any::<bool>()).prop_map(|(y, m, d, finnish)| {
        if finnish {
            format!("{d}.{m}.{y}")
        } else {
            format!("{y:04}-{m:02}-{d:02}")
        }
    })
}

/// What arrives in a form field: anything, printable junk, numbers, dates, control characters.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[ -~]{0,16}",
        2 => "[0-9 ,.+€-]{0,12}",
        2 => date_text(),
        1 => Just(String::new()),
        1 => "[\\x00-\\x1f\\x7f\\u{200b}\\u{202e}\\u{2028} a-zA-Zåäö]{0,12}",
        1 => prop_oneof![Just("+262142-12-31".to_owned()), Just("-0001-01-01".to_owned()), Just("79228162514264337593543950335".to_owned())],
    ]
}

/// A value of a list of choices, or anything.
fn choice(values: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        12 => select(values).prop_map(str::to_owned),
        1 => typed(),
    ]
    .boxed()
}

fn choices(values: &'static [&'static str]) -> BoxedStrategy<Vec<String>> {
    prop::collection::vec(choice(values), 0..4).boxed()
}

fn number(range: std::ops::Range<i64>) -> BoxedStrategy<String> {
    prop_oneof![12 => range.prop_map(|n| n.to_string()), 1 => typed()].boxed()
}

fn date() -> BoxedStrategy<String> {
    let valid =
        (1900i32..2101, 1u32..13, 1u32..29, any::<bool>()).prop_map(|(y, m, d, finnish)| {
            if finnish {
                format!("{d}.{m}.{y}")
            } else {
                format!("{y:04}-{m:02}-{d:02}")
            }
        });
    prop_oneof![8 => valid, 2 => Just(String::new()), 1 => date_text(), 1 => typed()].boxed()
}

fn hours() -> BoxedStrategy<String> {
    prop_oneof![8 => (0i64..9000).prop_map(format::hours), 4 => Just(String::new()), 1 => typed()]
        .boxed()
}

fn money() -> BoxedStrategy<String> {
    prop_oneof![8 => (-1000i64..200_000_000).prop_map(format::money), 4 => Just(String::new()), 1 => typed()].boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![12 => "[a-zA-Zåäö0-9 .,-]{1,30}", 1 => typed()].boxed()
}

fn names<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> &'static [&'static str] {
    Box::leak(
        all.iter()
            .map(|v| as_str(*v))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

fn on(b: bool) -> String {
    if b {
        "on".into()
    } else {
        String::new()
    }
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn opt_id(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

fn list<T: Copy>(v: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
    v.iter().map(|x| as_str(*x).to_owned()).collect()
}

fn hours_field(h: Option<Hundredths>) -> String {
    h.map(|h| format::hours(h.0)).unwrap_or_default()
}

fn money_field(c: Option<Cents>) -> String {
    c.map(|c| format::money(c.0)).unwrap_or_default()
}

/// The opening form as the edit page fills it from checked fields.
fn opening_form(f: &OpeningFields) -> OpeningForm {
    OpeningForm {
        employer_id: f.employer_id.to_string(),
        contact_id: opt_id(f.contact_id),
        coach_id: f.coach_id.to_string(),
        title: f.title.clone(),
        occupation: f.occupation.clone(),
        description: f.description.clone(),
        municipality_code: f.municipality_code.clone().unwrap_or_default(),
        hours_min: hours_field(f.hours_min),
        hours_max: hours_field(f.hours_max),
        schedules: list(&f.schedules, Schedule::as_str),
        contract_type: f
            .contract_type
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        pay: money_field(f.pay),
        pay_unit: f
            .pay_unit
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        starts_on: iso(f.starts_on),
        closes_on: iso(f.closes_on),
        source: f.source.as_str().to_owned(),
        ad_url: f.ad_url.clone(),
        must_licences: list(&f.must_licences, Licence::as_str),
        nice_licences: list(&f.nice_licences, Licence::as_str),
        must_have: f.must_have.clone(),
        nice_to_have: f.nice_to_have.clone(),
        features: list(&f.features, Feature::as_str),
        wage_subsidy_possible: on(f.wage_subsidy_possible),
        status: f.status.as_str().to_owned(),
    }
}

fn jobseeker_form(f: &JobseekerFields) -> JobseekerForm {
    JobseekerForm {
        display_name: f.display_name.clone(),
        coach_id: f.coach_id.to_string(),
        entered_on: f.entered_on.to_string(),
        status: f.status.as_str().to_owned(),
        consent_employer_contact: on(f.consent_employer_contact),
        consent_employer_scope: f.consent_employer_scope.clone(),
        consent_needs: on(f.consent_needs),
        consent_given_on: iso(f.consent_given_on),
        disclosure: f.disclosure.as_str().to_owned(),
        disclosure_wording: f.disclosure_wording.clone(),
        wanted_occupations: f.wanted_occupations.clone(),
        avoided_occupations: f.avoided_occupations.clone(),
        wanted_industries: f.wanted_industries.clone(),
        avoided_industries: f.avoided_industries.clone(),
        municipalities: f.municipalities.clone(),
        travel: f.travel.as_str().to_owned(),
        hours_min: hours_field(f.hours_min),
        hours_max: hours_field(f.hours_max),
        schedules: list(&f.schedules, Schedule::as_str),
        contract_types: list(&f.contract_types, ContractType::as_str),
        pay_expectation: money_field(f.pay_expectation),
        pay_unit: f
            .pay_unit
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        strengths: f.strengths.clone(),
        languages: f.languages.clone(),
        licences: list(&f.licences, Licence::as_str),
        needs: list(&f.needs, Need::as_str),
        notes: f.notes.clone(),
    }
}

fn placement_form(f: &PlacementFields) -> PlacementForm {
    PlacementForm {
        jobseeker_id: f.jobseeker_id.to_string(),
        employer_id: f.employer_id.to_string(),
        opening_id: opt_id(f.opening_id),
        match_id: opt_id(f.match_id),
        job_title: f.job_title.clone(),
        occupation: f.occupation.clone(),
        starts_on: f.starts_on.to_string(),
        ends_on: iso(f.ends_on),
        hours_per_week: hours_field(f.hours_per_week),
        pay: money_field(f.pay),
        pay_unit: f
            .pay_unit
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        contract_type: f
            .contract_type
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        competitive: on(f.competitive),
        wage_subsidy: on(f.wage_subsidy),
        wage_subsidy_percent: opt_id(f.wage_subsidy_percent),
        disclosure: f.disclosure.as_str().to_owned(),
    }
}

fn contact_form(f: &ContactFields) -> ContactForm {
    ContactForm {
        channel: f.channel.as_str().to_owned(),
        outcome: f.outcome.as_str().to_owned(),
        purpose: f.purpose.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        client_specific: on(f.client_specific),
        notes: f.notes.clone(),
        contact_person_id: opt_id(f.contact_person_id),
        jobseeker_id: opt_id(f.jobseeker_id),
        occurred_at: f
            .occurred_local
            .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        next_step: f
            .next_step
            .as_ref()
            .map(|n| n.what.clone())
            .unwrap_or_default(),
        due_preset: f
            .next_step
            .as_ref()
            .map(|_| "date".to_owned())
            .unwrap_or_default(),
        due_on: iso(f.next_step.as_ref().map(|n| n.due_on)),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn now_local() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).unwrap()
}

/// A business ID with its right check digit, from seven digits (`None` when none exists).
fn with_check_digit(digits: [u8; 7]) -> Option<String> {
    let weights = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return None,
        r => 11 - r,
    };
    let body: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    Some(format!("{body}-{check}"))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn business_ids(typed in typed(), digits in prop::array::uniform7(0u8..10)) {
        if let Ok(id) = BusinessId::parse(&typed) {
            prop_assert_eq!(BusinessId::parse(id.as_str()), Ok(id.clone()));
            prop_assert_eq!(BusinessId::parse_canonical(id.as_str()), Ok(id));
        }
        if let Some(valid) = with_check_digit(digits) {
            let id = BusinessId::parse(&valid).expect("a right check digit is valid");
            prop_assert_eq!(id.as_str(), valid.as_str());
            // As people type it too: without the hyphen, with the VAT prefix.
            let compact = format!("FI{}", valid.replace('-', ""));
            prop_assert_eq!(BusinessId::parse(&compact), Ok(id));
        }
    }

    #[test]
    fn dates(typed in typed(), day in 0u32..73_000) {
        if let Some(d) = parse_date(&typed) {
            prop_assert!(fields::date_in_range(d));
            prop_assert_eq!(parse_date(&d.to_string()), Some(d));
            prop_assert_eq!(parse_date(&format::date(d)), Some(d));
        }
        let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
        if fields::date_in_range(d) {
            prop_assert_eq!(parse_date(&d.to_string()), Some(d));
            prop_assert_eq!(parse_date(&format::date(d)), Some(d));
        }
        if let Some(t) = parse_datetime(&typed) {
            prop_assert_eq!(parse_datetime(&t.format("%Y-%m-%dT%H:%M").to_string()), Some(t));
        }
    }

    #[test]
    fn times(typed in typed(), h in 0u32..24, m in 0u32..60) {
        use verkosto::domain::digest::{format_time, parse_time};
        if let Some(t) = parse_time(&typed) {
            prop_assert_eq!(parse_time(&format_time(t)), Some(t));
        }
        let t = chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        prop_assert_eq!(parse_time(&format_time(t)), Some(t));
        prop_assert_eq!(parse_time(&format!("{h}.{m:02}")), Some(t));
    }

    #[test]
    fn money_and_hours(typed in typed(), cents in 0i64..100_000_000_000) {
        if let Ok(c) = Cents::parse(&typed) {
            prop_assert!(c.0 >= 0, "never negative");
            prop_assert_eq!(Cents::parse(&format::money(c.0)), Ok(c));
        }
        prop_assert_eq!(Cents::parse(&format::money(cents)), Ok(Cents(cents)));
        if let Ok(h) = Hundredths::parse(&typed) {
            prop_assert!(h.0 >= 0);
            prop_assert_eq!(Hundredths::parse(&format::hours(h.0)), Ok(h));
        }
        prop_assert_eq!(Hundredths::parse(&format::hours(cents)), Ok(Hundredths(cents)));
        let mut errors = verkosto::domain::validation::FieldErrors::default();
        if let Some(c) = fields::optional_money(&mut errors, "pay", &typed) {
            prop_assert!((0..=fields::MAX_EUROS * 100).contains(&c.0));
        }
        if let Some(h) = fields::optional_hours(&mut errors, "hours", &typed) {
            prop_assert!((0..=fields::MAX_HOURS * 100).contains(&h.0));
        }
    }

    #[test]
    fn phones(typed in typed(), digits in "[0-9]{5,12}") {
        if let Ok(p) = parse_phone(&typed) {
            prop_assert_eq!(parse_phone(&p), Ok(p.clone()));
            prop_assert!(p.chars().count() <= fields::MAX_PHONE);
        }
        prop_assert_eq!(parse_phone(&digits), Ok(digits.clone()));
    }

    #[test]
    fn texts(typed in typed()) {
        if let Ok(line) = single_line(&typed) {
            prop_assert!(!line.chars().any(char::is_control));
            prop_assert_eq!(single_line(&line), Ok(line.clone()));
        }
        if let Ok(text) = multi_line(&typed) {
            prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert_eq!(multi_line(&text), Ok(text.clone()));
        }
        let header = verkosto::domain::text::header_safe(&typed, 100);
        prop_assert!(!header.chars().any(char::is_control));
        prop_assert!(header.chars().count() <= 100);
    }

    #[test]
    fn local_paths(typed in prop_oneof![typed(), "/[ -~\\t\\r\\n]{0,20}"]) {
        if let Some(p) = LocalPath::parse(&typed) {
            prop_assert!(p.as_str().starts_with('/'));
            prop_assert!(!p.as_str().starts_with("//"));
            prop_assert!(!p.as_str().contains('\\'));
            prop_assert!(actix_web::http::header::HeaderValue::from_str(p.as_str()).is_ok());
            prop_assert_eq!(LocalPath::parse(p.as_str()), Some(p.clone()));
        }
    }

    #[test]
    fn trusted_proxy_lists(typed in typed()) {
        if let Ok(list) = verkosto::auth::proxies::TrustedProxies::parse(&typed) {
            let _ = list.trusts("192.0.2.1".parse().unwrap());
        }
    }

    #[test]
    fn employer_forms(
        name in text(), business_id in prop_oneof![typed(), prop::array::uniform7(0u8..10).prop_map(|d| with_check_digit(d).unwrap_or_default())],
        municipality in choice(&["092", "245", ""]), website in choice(&["www.example.fi", "https://a.fi", "x"]),
        size in choice(&["micro", "small", "medium", "large"]), sector in choice(&["private", "public", "third"]),
        stage in choice(&["prospect", "contacted", "partner", "has_hired", "dormant", "do_not_contact"]),
        reason in text(), notes in typed(), tags in text(), lead in number(-2..50),
    ) {
        let form = EmployerForm {
            name, business_id, municipality_code: municipality, website, size_class: size, sector,
            stage, do_not_contact_reason: reason, notes, tags, lead_user_id: lead,
            ..Default::default()
        };
        if let Ok(fields) = employer::validate(&form) {
            let again = verkosto::db::employers::fields_to_form(&fields);
            prop_assert_eq!(employer::validate(&again).ok(), Some(fields));
        }
    }

    #[test]
    fn opening_forms(
        ids in (number(-2..50), number(-2..50), number(-2..50)),
        title in text(), description in typed(),
        hours in (hours(), hours()), schedules in choices(names(Schedule::ALL, Schedule::as_str)),
        contract in choice(names(ContractType::ALL, ContractType::as_str)),
        pay in (money(), choice(names(PayUnit::ALL, PayUnit::as_str))),
        dates in (date(), date()), source in choice(names(OpeningSource::ALL, OpeningSource::as_str)),
        ad_url in choice(&["https://tyomarkkinatori.fi/x", "", "ftp://x"]),
        licences in (choices(names(Licence::ALL, Licence::as_str)), choices(names(Licence::ALL, Licence::as_str))),
        features in choices(names(Feature::ALL, Feature::as_str)),
        status in choice(names(OpeningStatus::ALL, OpeningStatus::as_str)), subsidy in choice(&["on", ""]),
    ) {
        let form = OpeningForm {
            employer_id: ids.0, contact_id: ids.1, coach_id: ids.2, title, description,
            hours_min: hours.0, hours_max: hours.1, schedules, contract_type: contract,
            pay: pay.0, pay_unit: pay.1, starts_on: dates.0, closes_on: dates.1, source, ad_url,
            must_licences: licences.0, nice_licences: licences.1, features, status,
            wage_subsidy_possible: subsidy, ..Default::default()
        };
        if let Ok(fields) = opening::validate(&form) {
            if let (Some(s), Some(c)) = (fields.starts_on, fields.closes_on) {
                prop_assert!(c >= s, "closing not before start");
            }
            prop_assert_eq!(opening::validate(&opening_form(&fields)).ok(), Some(fields));
        }
    }

    #[test]
    fn jobseeker_forms(
        name in text(), coach in number(-2..50), dates in (date(), date()),
        status in choice(names(JobseekerStatus::ALL, JobseekerStatus::as_str)),
        consents in (choice(&["on", ""]), choice(&["on", ""]), text()),
        disclosure in (choice(names(Disclosure::ALL, Disclosure::as_str)), text()),
        wishes in (text(), text(), prop::collection::vec(choice(&["C", "G47", "N81.2", " "]), 0..3)),
        hours in (hours(), hours()), pay in (money(), choice(names(PayUnit::ALL, PayUnit::as_str))),
        lists in (choices(names(Schedule::ALL, Schedule::as_str)), choices(names(ContractType::ALL, ContractType::as_str)), choices(names(Licence::ALL, Licence::as_str)), choices(names(Need::ALL, Need::as_str))),
        travel in choice(names(Travel::ALL, Travel::as_str)), notes in typed(),
    ) {
        let form = JobseekerForm {
            display_name: name, coach_id: coach, entered_on: dates.0, consent_given_on: dates.1, status,
            consent_employer_contact: consents.0, consent_needs: consents.1, consent_employer_scope: consents.2,
            disclosure: disclosure.0, disclosure_wording: disclosure.1,
            wanted_occupations: wishes.0, avoided_occupations: wishes.1, wanted_industries: wishes.2.clone(),
            municipalities: wishes.2, hours_min: hours.0, hours_max: hours.1,
            pay_expectation: pay.0, pay_unit: pay.1, schedules: lists.0, contract_types: lists.1,
            licences: lists.2, needs: lists.3, travel, notes, ..Default::default()
        };
        if let Ok(fields) = jobseeker::validate(&form, today()) {
            prop_assert!(fields.entered_on <= today());
            prop_assert_eq!(jobseeker::validate(&jobseeker_form(&fields), today()).ok(), Some(fields));
        }
    }

    #[test]
    fn placement_forms(
        ids in (number(-2..50), number(-2..50), number(-2..50), number(-2..50)),
        title in text(), dates in (date(), date()), hours in hours(),
        pay in (money(), choice(names(PayUnit::ALL, PayUnit::as_str))),
        contract in choice(names(ContractType::ALL, ContractType::as_str)),
        subsidy in (choice(&["on", ""]), number(-5..120), choice(&["on", ""])),
        disclosure in choice(names(Disclosure::ALL, Disclosure::as_str)),
    ) {
        let form = PlacementForm {
            jobseeker_id: ids.0, employer_id: ids.1, opening_id: ids.2, match_id: ids.3, job_title: title,
            starts_on: dates.0, ends_on: dates.1, hours_per_week: hours, pay: pay.0, pay_unit: pay.1,
            contract_type: contract, wage_subsidy: subsidy.0, wage_subsidy_percent: subsidy.1,
            competitive: subsidy.2, disclosure, ..Default::default()
        };
        if let Ok(fields) = placement::validate(&form) {
            prop_assert_eq!(placement::validate(&placement_form(&fields)).ok(), Some(fields));
        }
    }

    #[test]
    fn contact_forms(
        channel in choice(names(contact::Channel::ALL, contact::Channel::as_str)),
        outcome in choice(names(contact::Outcome::ALL, contact::Outcome::as_str)),
        purpose in choice(names(contact::Purpose::ALL, contact::Purpose::as_str)),
        notes in typed(), ids in (number(-2..50), number(-2..50)),
        occurred in prop_oneof![Just(String::new()), typed(), (date_text(), 0u32..25, 0u32..61).prop_map(|(d, h, m)| format!("{d}T{h:02}:{m:02}"))],
        next in (text(), choice(names(contact::DuePreset::ALL, contact::DuePreset::as_str)), date()),
    ) {
        let form = ContactForm {
            channel, outcome, purpose, notes, contact_person_id: ids.0, jobseeker_id: ids.1,
            occurred_at: occurred, next_step: next.0, due_preset: next.1, due_on: next.2,
            ..Default::default()
        };
        if let Ok(fields) = contact::validate(&form, today(), now_local()) {
            prop_assert_eq!(contact::validate(&contact_form(&fields), today(), now_local()).ok(), Some(fields));
        }
    }

    #[test]
    fn person_forms(
        name in text(), role in text(), phone in prop_oneof![typed(), "[0-9 +()-]{0,20}"],
        email in choice(&["a@b.fi", "nope", ""]), channel in choice(names(contact::Channel::ALL, contact::Channel::as_str)),
        notes in typed(),
    ) {
        let form = PersonForm { name, role, phone, email, preferred_channel: channel, notes };
        if let Ok(tidy) = verkosto::web::contact_persons::validate(&form) {
            prop_assert_eq!(verkosto::web::contact_persons::validate(&tidy).ok(), Some(tidy));
        }
    }
}
