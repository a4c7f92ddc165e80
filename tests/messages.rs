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
        WithWhom
    )
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
