//! Employers: relationship stages, sectors, sizes, the checks of the employer form, search
//! text, and how alike two names are.

use super::business_id::{BusinessId, BusinessIdError};
use super::contact::Outcome;
use super::text::{fold, squeeze};
use super::validation::FieldErrors;
use crate::labelled_enum;

labelled_enum! {
    /// Where the organisation's relationship with the employer stands.
    pub enum Stage prefix "stage" {
        Prospect => "prospect",
        Contacted => "contacted",
        Partner => "partner",
        HasHired => "has_hired",
        Dormant => "dormant",
        DoNotContact => "do_not_contact",
    }
}

labelled_enum! {
    pub enum Sector prefix "sector" {
        Private => "private",
        Public => "public",
        Third => "third",
    }
}

labelled_enum! {
    /// Statistics Finland's size classes by personnel.
    pub enum SizeClass prefix "size" {
        Micro => "micro",
        Small => "small",
        Medium => "medium",
        Large => "large",
    }
}

impl Stage {
    /// How far the relationship has come; dormant and do-not-contact stand outside the ladder.
    fn rank(self) -> Option<u8> {
        match self {
            Stage::Prospect => Some(0),
            Stage::Contacted => Some(1),
            Stage::Partner => Some(2),
            Stage::HasHired => Some(3),
            Stage::Dormant | Stage::DoNotContact => None,
        }
    }
}

/// The stage after a contact with this outcome, if it moves: any contact makes a prospect (or a
/// dormant employer) contacted, an opening or an interview makes a partner, a hire "has hired".
/// Never backwards, and never out of "do not contact": that is a person's decision.
pub fn stage_after_contact(current: Stage, outcome: Outcome) -> Option<Stage> {
    if current == Stage::DoNotContact {
        return None;
    }
    let implied = match outcome {
        Outcome::Hired => Stage::HasHired,
        Outcome::OpeningFound | Outcome::InterviewAgreed => Stage::Partner,
        _ => Stage::Contacted,
    };
    let moves = match (current.rank(), implied.rank()) {
        (None, _) => true,
        (Some(now), Some(next)) => next > now,
        (Some(_), None) => false,
    };
    moves.then_some(implied)
}

/// What the employer form sends; every field as typed, so it can be shown again on an error.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EmployerForm {
    pub name: String,
    pub other_names: String,
    pub business_id: String,
    pub industry_code: String,
    pub municipality_code: String,
    pub address: String,
    pub website: String,
    pub size_class: String,
    pub sector: String,
    pub stage: String,
    pub do_not_contact_reason: String,
    pub tags: String,
    pub notes: String,
    pub accommodations: String,
    pub lead_user_id: String,
    pub version: String,
    /// Set when the user saw the "resembles an existing employer" warning and goes on.
    pub confirm_similar: String,
    /// The employer as it was when the edit began (see [`EmployerForm::snapshot`]).
    pub base: String,
}

/// The form's fields that are the employer's data, in the order they are compared and shown.
pub const FORM_FIELDS: &[&str] = &[
    "name",
    "other_names",
    "business_id",
    "industry_code",
    "municipality_code",
    "address",
    "website",
    "size_class",
    "sector",
    "stage",
    "do_not_contact_reason",
    "tags",
    "notes",
    "accommodations",
    "lead_user_id",
];

impl EmployerForm {
    pub fn get(&self, field: &str) -> &str {
        match field {
            "name" => &self.name,
            "other_names" => &self.other_names,
            "business_id" => &self.business_id,
            "industry_code" => &self.industry_code,
            "municipality_code" => &self.municipality_code,
            "address" => &self.address,
            "website" => &self.website,
            "size_class" => &self.size_class,
            "sector" => &self.sector,
            "stage" => &self.stage,
            "do_not_contact_reason" => &self.do_not_contact_reason,
            "tags" => &self.tags,
            "notes" => &self.notes,
            "accommodations" => &self.accommodations,
            "lead_user_id" => &self.lead_user_id,
            _ => "",
        }
    }

    pub fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "name" => &mut self.name,
            "other_names" => &mut self.other_names,
            "business_id" => &mut self.business_id,
            "industry_code" => &mut self.industry_code,
            "municipality_code" => &mut self.municipality_code,
            "address" => &mut self.address,
            "website" => &mut self.website,
            "size_class" => &mut self.size_class,
            "sector" => &mut self.sector,
            "stage" => &mut self.stage,
            "do_not_contact_reason" => &mut self.do_not_contact_reason,
            "tags" => &mut self.tags,
            "notes" => &mut self.notes,
            "accommodations" => &mut self.accommodations,
            "lead_user_id" => &mut self.lead_user_id,
            _ => return,
        };
        *slot = value;
    }

    /// The data fields as a JSON object, carried in the edit form as the version it started from.
    pub fn snapshot(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = FORM_FIELDS
            .iter()
            .map(|f| {
                (
                    (*f).to_owned(),
                    serde_json::Value::String(self.get(f).to_owned()),
                )
            })
            .collect();
        serde_json::Value::Object(map).to_string()
    }

    pub fn from_snapshot(json: &str) -> Option<EmployerForm> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let mut form = EmployerForm::default();
        for field in FORM_FIELDS {
            form.set(field, value.get(*field)?.as_str()?.to_owned());
        }
        Some(form)
    }
}

/// A checked employer, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerFields {
    pub name: String,
    pub other_names: String,
    pub business_id: Option<BusinessId>,
    pub industry_code: Option<String>,
    pub municipality_code: String,
    pub address: String,
    pub website: String,
    pub size_class: Option<SizeClass>,
    pub sector: Sector,
    pub stage: Stage,
    pub do_not_contact_reason: String,
    pub tags: String,
    pub notes: String,
    pub accommodations: String,
    pub lead_user_id: Option<i64>,
}

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 5000;

/// Checks the form on its own; whether codes and users exist is checked against the database.
pub fn validate(form: &EmployerForm) -> Result<EmployerFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = super::fields::line(&mut errors, "name", &form.name, MAX_NAME);
    if name.is_empty() && errors.get("name").is_none() {
        errors.add_with("name", "employer-error-name", &[("max", MAX_NAME as i64)]);
    }
    let business_id = match form.business_id.trim() {
        "" => None,
        typed => match BusinessId::parse(typed) {
            Ok(id) => Some(id),
            Err(BusinessIdError::Format) => {
                errors.add("business_id", "employer-error-business-id-format");
                None
            }
            Err(BusinessIdError::CheckDigit) => {
                errors.add("business_id", "employer-error-business-id-check");
                None
            }
        },
    };
    let municipality_code = form.municipality_code.trim().to_owned();
    if municipality_code.is_empty() {
        errors.add("municipality_code", "employer-error-municipality");
    }
    let size_class = match form.size_class.trim() {
        "" => None,
        s => {
            let parsed = SizeClass::parse(s);
            if parsed.is_none() {
                errors.add("size_class", "employer-error-choice");
            }
            parsed
        }
    };
    let sector = Sector::parse(&form.sector).unwrap_or_else(|| {
        errors.add("sector", "employer-error-choice");
        Sector::Private
    });
    let stage = if form.stage.trim().is_empty() {
        Stage::Prospect
    } else {
        Stage::parse(&form.stage).unwrap_or_else(|| {
            errors.add("stage", "employer-error-choice");
            Stage::Prospect
        })
    };
    let do_not_contact_reason = super::fields::optional_text(
        &mut errors,
        "do_not_contact_reason",
        &form.do_not_contact_reason,
        MAX_TEXT,
    );
    if stage == Stage::DoNotContact && do_not_contact_reason.is_empty() {
        errors.add("do_not_contact_reason", "employer-error-dnc-reason");
    }
    let website = normalise_website(&form.website);
    if website.as_deref() == Some("") {
        errors.add_with(
            "website",
            "employer-error-website",
            &[("max", MAX_WEBSITE as i64)],
        );
    }
    let lead_user_id = match form.lead_user_id.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("lead_user_id", "employer-error-choice");
                None
            }
        },
    };
    let text = |errors: &mut FieldErrors, field: &'static str, value: &str| {
        super::fields::optional_text(errors, field, value, MAX_TEXT)
    };
    let notes = text(&mut errors, "notes", &form.notes);
    let accommodations = text(&mut errors, "accommodations", &form.accommodations);
    let other_names = text(&mut errors, "other_names", &form.other_names);
    let address = text(&mut errors, "address", &form.address);
    let tags = text(&mut errors, "tags", &form.tags);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(EmployerFields {
        name,
        other_names,
        business_id,
        industry_code: Some(form.industry_code.trim().to_owned()).filter(|c| !c.is_empty()),
        municipality_code,
        address,
        website: website.unwrap_or_default(),
        size_class,
        sector,
        stage,
        do_not_contact_reason: if stage == Stage::DoNotContact {
            do_not_contact_reason
        } else {
            String::new()
        },
        tags: normalise_tags(&tags),
        notes,
        accommodations,
        lead_user_id,
    })
}

/// `None` when left empty; `Some("")` when it cannot be a web address; else with https://.
/// The longest website address.
pub const MAX_WEBSITE: usize = 500;

fn normalise_website(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let malformed = t.contains(char::is_whitespace)
        || t.contains(char::is_control)
        || !t.contains('.')
        || t.chars().count() > MAX_WEBSITE;
    if malformed {
        return Some(String::new());
    }
    if t.starts_with("http://") || t.starts_with("https://") {
        Some(t.to_owned())
    } else {
        Some(format!("https://{t}"))
    }
}

/// Tags as a tidy comma-separated list without duplicates.
pub fn normalise_tags(typed: &str) -> String {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',').map(squeeze).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| fold(t) == fold(&tag)) {
            tags.push(tag);
        }
    }
    tags.join(", ")
}

/// What the register searches: names folded, and the business ID with and without its hyphen.
pub fn search_text(name: &str, other_names: &str, business_id: Option<&str>) -> String {
    let mut text = fold(&format!("{name} {other_names}"));
    if let Some(id) = business_id {
        text.push(' ');
        text.push_str(id);
        text.push(' ');
        text.push_str(&id.replace('-', ""));
    }
    squeeze(&text)
}

/// The search term as stored text is compared with it.
pub fn search_term(q: &str) -> String {
    squeeze(&fold(q))
}

const LEGAL_FORMS: &[&str] = &[
    "oy", "oyj", "ab", "abp", "ky", "ay", "tmi", "ry", "rf", "osk", "ltd", "oy ab",
];

/// The name without case, accents, punctuation or legal form, for comparing names.
pub fn core_name(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two employer names look like the same organisation ("Logistiikka Virta Oy" and
/// "Logistiikka-Virta"), so that the form can warn before a duplicate is made.
pub fn names_resemble(a: &str, b: &str) -> bool {
    let (a, b) = (core_name(a), core_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.chars().count() >= 5 && long.contains(short.as_str()) {
        return true;
    }
    strsim::jaro_winkler(&a, &b) >= 0.93
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> EmployerForm {
        EmployerForm {
            name: "  Pirkkalan   Pyörä Oy ".into(),
            municipality_code: "604".into(),
            sector: "private".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_employer_is_valid_and_tidied() {
        let fields = validate(&form()).unwrap();
        assert_eq!(fields.name, "Pirkkalan Pyörä Oy");
        assert_eq!(fields.stage, Stage::Prospect);
        assert_eq!(fields.business_id, None);
    }

    #[test]
    fn each_bad_field_gets_its_own_error() {
        let bad = EmployerForm {
            name: " ".into(),
            business_id: "0112038-8".into(),
            municipality_code: "".into(),
            sector: "mafia".into(),
            stage: "do_not_contact".into(),
            website: "not a site".into(),
            ..Default::default()
        };
        let errors = validate(&bad).unwrap_err();
        assert_eq!(errors.get("name"), Some("employer-error-name"));
        assert_eq!(
            errors.get("business_id"),
            Some("employer-error-business-id-check")
        );
        assert_eq!(
            errors.get("municipality_code"),
            Some("employer-error-municipality")
        );
        assert_eq!(errors.get("sector"), Some("employer-error-choice"));
        assert_eq!(
            errors.get("do_not_contact_reason"),
            Some("employer-error-dnc-reason")
        );
        assert_eq!(errors.get("website"), Some("employer-error-website"));
        let malformed = EmployerForm {
            business_id: "12345".into(),
            ..form()
        };
        assert_eq!(
            validate(&malformed).unwrap_err().get("business_id"),
            Some("employer-error-business-id-format")
        );
    }

    #[test]
    fn business_id_and_website_are_normalised() {
        let f = EmployerForm {
            business_id: "01120389".into(),
            website: "example.fi".into(),
            tags: "logistiikka, Logistiikka ,  varasto,".into(),
            ..form()
        };
        let fields = validate(&f).unwrap();
        assert_eq!(fields.business_id.unwrap().as_str(), "0112038-9");
        assert_eq!(fields.website, "https://example.fi");
        assert_eq!(fields.tags, "logistiikka, varasto");
    }

    #[test]
    fn search_text_finds_by_folded_name_and_both_id_forms() {
        let text = search_text("Pirkkalan Pyörä Oy", "Pyöräpaja", Some("1234567-8"));
        assert!(text.contains(&search_term("pirkka")));
        assert!(text.contains(&search_term("PYORA")));
        assert!(text.contains(&search_term("pyöräpaja")));
        assert!(text.contains(&search_term("1234567-8")));
        assert!(text.contains(&search_term("12345678")));
    }

    #[test]
    fn resembling_names_are_caught_and_different_ones_are_not() {
        assert!(names_resemble("Logistiikka Virta Oy", "Logistiikka-Virta"));
        assert!(names_resemble("Kahvila Aurinko", "Kahvila Aurinko Ky"));
        assert!(names_resemble(
            "Vantaan Varastopalvelu Oy",
            "Vantaan Varastopalvelut Oy"
        ));
        assert!(!names_resemble("Kahvila Aurinko", "Rakennus Kuu Oy"));
        assert!(!names_resemble("Oy", "Ab"));
    }

    #[test]
    fn snapshots_round_trip() {
        let f = EmployerForm {
            notes: "rivi 1\n\"lainaus\"".into(),
            ..form()
        };
        assert_eq!(
            EmployerForm::from_snapshot(&f.snapshot())
                .unwrap()
                .snapshot(),
            f.snapshot()
        );
        assert!(EmployerForm::from_snapshot("{}").is_none());
    }

    #[test]
    fn stage_moves_forward_only() {
        use Outcome::*;
        assert_eq!(
            stage_after_contact(Stage::Prospect, NoAnswer),
            Some(Stage::Contacted)
        );
        assert_eq!(
            stage_after_contact(Stage::Prospect, OpeningFound),
            Some(Stage::Partner)
        );
        assert_eq!(
            stage_after_contact(Stage::Contacted, InterviewAgreed),
            Some(Stage::Partner)
        );
        assert_eq!(
            stage_after_contact(Stage::Partner, Hired),
            Some(Stage::HasHired)
        );
        assert_eq!(stage_after_contact(Stage::HasHired, OpeningFound), None);
        assert_eq!(stage_after_contact(Stage::Partner, NotNow), None);
        assert_eq!(
            stage_after_contact(Stage::Dormant, NeedsLearned),
            Some(Stage::Contacted)
        );
        assert_eq!(stage_after_contact(Stage::DoNotContact, Hired), None);
    }
}
