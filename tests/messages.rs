//! Every message exists in every language, and every message the code asks for exists.

use fluent_syntax::ast::Entry;
use std::collections::BTreeSet;
use verkosto::i18n::{Lang, MESSAGE_FILES};

fn ids(source: &str) -> BTreeSet<String> {
    let resource =
        fluent_syntax::parser::parse(source.to_owned()).expect("the message file parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.clone()),
            Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_language_has_every_message() {
    let finnish = ids(MESSAGE_FILES[0].1);
    assert!(finnish.len() > 50);
    for (lang, source) in MESSAGE_FILES {
        let these = ids(source);
        let missing: Vec<_> = finnish.difference(&these).collect();
        let extra: Vec<_> = these.difference(&finnish).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{}: not in Finnish {extra:?}",
            lang.code()
        );
    }
}

/// Message ids as the code names them: the first argument of `t(`/`ta(`, a `message_id`, a
/// field error's id, or an id in an error page's table.
fn ids_used_in(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    // For `add("field", "id")` the id is the literal after the field name.
    for marker in ["t(\"", "ta(\"", "message_id: \"", "(\"error-", "add(\""] {
        let mut rest = source;
        while let Some(at) = rest.find(marker) {
            let mut start = at + marker.len() - if marker == "(\"error-" { 6 } else { 0 };
            if marker == "add(\"" {
                match rest[start..].find("\", \"") {
                    Some(sep) => start += sep + 4,
                    None => break,
                }
            }
            let tail = &rest[start..];
            if let Some(end) = tail.find('"') {
                let id = &tail[..end];
                let looks_like_id = id.contains('-')
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !id.starts_with('-');
                if looks_like_id {
                    found.push(id.to_owned());
                }
            }
            rest = &rest[at + marker.len()..];
        }
    }
    found
}

#[test]
fn every_message_the_code_uses_exists() {
    let known = ids(MESSAGE_FILES[0].1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = BTreeSet::new();
    let mut checked = 0;
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Unit tests use made-up strings; only the product's code counts.
                let product = text.split("#[cfg(test)]").next().unwrap_or("");
                for id in ids_used_in(product) {
                    checked += 1;
                    if !known.contains(&id) {
                        missing.insert(format!("{id} ({})", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        checked > 50,
        "the scan found the code's messages ({checked})"
    );
    assert!(
        missing.is_empty(),
        "messages missing from the files: {missing:?}"
    );
}

#[test]
fn lookups_are_not_falling_back_to_finnish() {
    for id in ["nav-home", "login-title", "error-404-title"] {
        assert_ne!(Lang::Sv.t(id), Lang::Fi.t(id), "{id}");
        assert_ne!(Lang::En.t(id), Lang::Fi.t(id), "{id}");
    }
}

/// Ids the code builds at run time: enum labels, history entries, field labels.
#[test]
fn every_generated_message_id_exists() {
    use verkosto::domain::contact::{Channel, DuePreset, Outcome, Purpose};
    use verkosto::domain::employer::{Sector, SizeClass, Stage, FORM_FIELDS};
    use verkosto::domain::follow_up::{Bucket, Snooze, Status};
    let mut ids: Vec<String> = Vec::new();
    ids.extend(Channel::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Outcome::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Purpose::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(DuePreset::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Stage::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Sector::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(SizeClass::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Bucket::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Snooze::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Status::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(
        verkosto::domain::digest::DigestPreference::ALL
            .iter()
            .map(|v| v.message_id().to_owned()),
    );
    ids.extend(
        verkosto::db::outbox::State::ALL
            .iter()
            .map(|v| v.message_id().to_owned()),
    );
    ids.extend(job_vocabulary_ids());
    ids.extend(
        FORM_FIELDS
            .iter()
            .map(|f| format!("employer-{}", f.replace('_', "-"))),
    );
    for entity in ["employer", "contact-person", "contact", "follow-up"] {
        ids.push(format!("history-entity-{entity}"));
    }
    for action in [
        "create", "update", "archive", "restore", "left", "returned", "done", "snooze", "reassign",
    ] {
        ids.push(format!("history-action-{action}"));
    }
    ids.extend(report_ids());
    for (lang, source) in MESSAGE_FILES {
        let known = self::ids(source);
        let missing: Vec<&String> = ids.iter().filter(|id| !known.contains(*id)).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
    }
}

/// The labels of every choice on the opening, jobseeker, match and placement forms.
fn job_vocabulary_ids() -> Vec<String> {
    use verkosto::domain::jobs::*;
    macro_rules! labels {
        ($($t:ty),+) => {{
            let mut ids = Vec::new();
            $(ids.extend(<$t>::ALL.iter().map(|v| v.message_id().to_owned()));)+
            ids
        }};
    }
    labels!(
        OpeningStatus,
        OpeningSource,
        ContractType,
        Schedule,
        PayUnit,
        Licence,
        Feature,
        Need,
        JobseekerStatus,
        Disclosure,
        Travel,
        MatchStage,
        EndReason,
        SupportChannel,
        WithWhom,
        verkosto::domain::placement::Checkpoint
    )
}

/// Every matching reason renders in every language with the arguments the score gives it, label
/// ids resolved: no placeable is left without its argument.
#[test]
fn matching_reasons_render_with_their_arguments() {
    use verkosto::domain::jobs::*;
    use verkosto::domain::matching::*;
    use verkosto::domain::money::{Cents, Hundredths};
    use verkosto::i18n::Arg;
    let opening = OpeningFacts {
        title: "Kahvila-apulainen".into(),
        occupation: "kahvila-apulainen".into(),
        industry_division: Some("56".into()),
        industry_section: Some("I".into()),
        municipality_code: Some("092".into()),
        county_code: Some("04".into()),
        hours_min: Some(Hundredths(2000)),
        hours_max: Some(Hundredths(3000)),
        schedules: vec![Schedule::EarlyMorning, Schedule::Daytime],
        contract_type: Some(ContractType::OnCall),
        pay: Some(Cents(1150)),
        pay_unit: Some(PayUnit::Hour),
        must_licences: vec![Licence::HygienePassport, Licence::FirstAid],
        nice_licences: vec![Licence::AlcoholPassport, Licence::DrivingB],
        must_have: vec!["suomen kieli".into()],
        features: vec![Feature::CustomerContact, Feature::QuietSpace],
    };
    let seekers = [
        SeekerFacts {
            wanted_occupations: vec!["kahvila".into()],
            avoided_occupations: vec!["apulainen".into(), "kahvila".into()],
            wanted_industries: vec!["I".into()],
            avoided_industries: vec!["56".into()],
            municipalities: vec!["245".into()],
            counties: vec!["04".into()],
            travel: Travel::County,
            hours_min: Some(Hundredths(2000)),
            hours_max: Some(Hundredths(2500)),
            schedules: vec![Schedule::Daytime],
            contract_types: vec![ContractType::Permanent],
            pay_expectation: Some(Cents(1200)),
            pay_unit: Some(PayUnit::Hour),
            licences: vec![Licence::FirstAid, Licence::DrivingB],
            needs: vec![
                Need::QuietSpace,
                Need::LittleCustomerContact,
                Need::RemoteWork,
                Need::ClearInstructions,
            ],
        },
        SeekerFacts {
            wanted_occupations: vec!["siivous".into()],
            municipalities: vec!["091".into()],
            travel: Travel::Anywhere,
            pay_expectation: Some(Cents(250_000)),
            pay_unit: Some(PayUnit::Month),
            ..SeekerFacts::default()
        },
        SeekerFacts::default(),
    ];
    let mut seen = BTreeSet::new();
    for seeker in &seekers {
        for empty in [false, true] {
            let opening = if empty {
                OpeningFacts::default()
            } else {
                opening.clone()
            };
            let score = score(&opening, seeker);
            for reason in score.reasons.iter().chain(&score.blockers) {
                seen.insert(reason.message_id);
                for lang in Lang::ALL {
                    let args: Vec<(&'static str, Arg)> = reason
                        .resolve_labels(|id| lang.t(id))
                        .into_iter()
                        .map(|(k, v)| (k, Arg::from(v)))
                        .collect();
                    let text = lang.ta(reason.message_id, &args);
                    let unresolved = ["{", "match-", "schedule-", "contract-", "licence-"]
                        .into_iter()
                        .chain(["need-", "feature-", "pay-unit-"])
                        .find(|p| text.contains(p));
                    assert!(
                        unresolved.is_none(),
                        "{}: {} → {text}",
                        lang.code(),
                        reason.message_id
                    );
                }
            }
        }
    }
    assert!(seen.len() > 25, "{seen:?}");
}

/// The reports' ids made from a list's or a measure's name.
fn report_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for list in ["report-one-coach", "report-orphaned", "report-cooling"] {
        for part in ["title", "intro", "what"] {
            ids.push(format!("{list}-{part}"));
        }
    }
    for report in [
        "report-coverage-title",
        "report-relationships-title",
        "report-job-development-title",
    ] {
        ids.push(format!("{report}-intro"));
    }
    for measure in ["employers", "active", "openings", "placements"] {
        ids.push(format!("report-coverage-{measure}-count"));
    }
    ids
}
