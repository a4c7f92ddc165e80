//! A contact on an employer's timeline: channels, purposes, outcomes, and the checks of the
//! contact form (including the optional next step that becomes a follow-up).

use super::validation::FieldErrors;
use crate::labelled_enum;
use chrono::{Days, NaiveDate, NaiveDateTime};

labelled_enum! {
    pub enum Channel prefix "channel" {
        ColdVisit => "cold_visit",
        ColdCall => "cold_call",
        PlannedVisit => "planned_visit",
        Meeting => "meeting",
        WorkplaceVisit => "workplace_visit",
        Event => "event",
        Phone => "phone",
        Email => "email",
        Video => "video",
    }
}

labelled_enum! {
    pub enum Purpose prefix "purpose" {
        IntroduceService => "introduce_service",
        LearnNeeds => "learn_needs",
        PresentCandidate => "present_candidate",
        ArrangeInterview => "arrange_interview",
        FollowUp => "follow_up",
        InWorkSupport => "in_work_support",
        Accommodation => "accommodation",
    }
}

labelled_enum! {
    pub enum Outcome prefix "outcome" {
        NoAnswer => "no_answer",
        NotNow => "not_now",
        NeedsLearned => "needs_learned",
        MeetingBooked => "meeting_booked",
        OpeningFound => "opening_found",
        InterviewAgreed => "interview_agreed",
        Hired => "hired",
        Declined => "declined",
    }
}

impl Channel {
    /// In-person channels count as face-to-face employer contacts for IPS fidelity.
    pub fn is_face_to_face(self) -> bool {
        matches!(
            self,
            Channel::ColdVisit
                | Channel::PlannedVisit
                | Channel::Meeting
                | Channel::WorkplaceVisit
                | Channel::Event
        )
    }
}

labelled_enum! {
    /// When the next step is due, chosen with one tap; "date" takes the typed date.
    pub enum DuePreset prefix "due" {
        Tomorrow => "tomorrow",
        OneWeek => "week",
        TwoWeeks => "two_weeks",
        OneMonth => "month",
        Date => "date",
    }
}

/// The due date a preset means, counted from `today` (a Helsinki date).
pub fn due_date(
    preset: DuePreset,
    today: NaiveDate,
    typed: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match preset {
        DuePreset::Tomorrow => today.checked_add_days(Days::new(1)),
        DuePreset::OneWeek => today.checked_add_days(Days::new(7)),
        DuePreset::TwoWeeks => today.checked_add_days(Days::new(14)),
        DuePreset::OneMonth => today.checked_add_months(chrono::Months::new(1)),
        DuePreset::Date => typed,
    }
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub channel: String,
    pub outcome: String,
    pub purpose: String,
    pub client_specific: String,
    pub notes: String,
    pub contact_person_id: String,
    /// The jobseeker the contact was for (client-specific), with their consent.
    pub jobseeker_id: String,
    /// Helsinki local time as `YYYY-MM-DDTHH:MM` (a datetime-local field); empty means now.
    pub occurred_at: String,
    pub next_step: String,
    pub due_preset: String,
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    pub what: String,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactFields {
    pub channel: Channel,
    pub outcome: Outcome,
    pub purpose: Option<Purpose>,
    pub client_specific: bool,
    pub notes: String,
    pub contact_person_id: Option<i64>,
    pub jobseeker_id: Option<i64>,
    /// Helsinki local time, when given; the caller turns it into UTC.
    pub occurred_local: Option<NaiveDateTime>,
    pub next_step: Option<NextStep>,
}

pub const MAX_NOTES: usize = 5000;

/// Checks a contact form. `today` is the Helsinki date; `now_local` the Helsinki time.
pub fn validate(
    form: &ContactForm,
    today: NaiveDate,
    now_local: NaiveDateTime,
) -> Result<ContactFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let channel = Channel::parse(&form.channel);
    if channel.is_none() {
        errors.add("channel", "contact-error-channel");
    }
    let outcome = Outcome::parse(&form.outcome);
    if outcome.is_none() {
        errors.add("outcome", "contact-error-outcome");
    }
    let purpose = match form.purpose.trim() {
        "" => None,
        p => {
            let parsed = Purpose::parse(p);
            if parsed.is_none() {
                errors.add("purpose", "employer-error-choice");
            }
            parsed
        }
    };
    let notes = super::fields::optional_text(&mut errors, "notes", &form.notes, MAX_NOTES);
    let contact_person_id = match form.contact_person_id.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("contact_person_id", "employer-error-choice");
                None
            }
        },
    };
    let jobseeker_id = super::fields::optional_id(&mut errors, "jobseeker_id", &form.jobseeker_id);
    let occurred_local = match form.occurred_at.trim() {
        "" => None,
        s => match super::fields::parse_datetime(s) {
            Some(t) if t <= now_local + chrono::TimeDelta::minutes(5) => Some(t),
            Some(_) => {
                errors.add("occurred_at", "contact-error-future");
                None
            }
            None => {
                errors.add_with(
                    "occurred_at",
                    "contact-error-datetime",
                    &[
                        ("min", i64::from(super::fields::MIN_YEAR)),
                        ("max", i64::from(super::fields::MAX_YEAR)),
                    ],
                );
                None
            }
        },
    };
    let what = super::fields::line(&mut errors, "next_step", &form.next_step, 500);
    let next_step = if what.is_empty() {
        None
    } else {
        let preset = DuePreset::parse(&form.due_preset).unwrap_or(DuePreset::OneWeek);
        let typed = super::fields::parse_date(&form.due_on);
        match due_date(preset, today, typed) {
            Some(due) if due >= today => Some(NextStep { what, due_on: due }),
            Some(_) => {
                errors.add("due_on", "contact-error-due-past");
                None
            }
            None => {
                errors.add("due_on", "contact-error-due");
                None
            }
        }
    };
    match (channel, outcome) {
        (Some(channel), Some(outcome)) if errors.is_empty() => Ok(ContactFields {
            channel,
            outcome,
            purpose,
            // A contact for a named jobseeker is client-specific by definition.
            client_specific: form.client_specific == "on"
                || form.client_specific == "true"
                || jobseeker_id.is_some(),
            jobseeker_id,
            notes,
            contact_person_id,
            occurred_local,
            next_step,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn now() -> NaiveDateTime {
        today().and_hms_opt(10, 0, 0).unwrap()
    }

    fn form() -> ContactForm {
        ContactForm {
            channel: "cold_visit".into(),
            outcome: "needs_learned".into(),
            ..Default::default()
        }
    }

    #[test]
    fn channel_and_outcome_are_all_that_is_required() {
        let fields = validate(&form(), today(), now()).unwrap();
        assert_eq!(fields.channel, Channel::ColdVisit);
        assert_eq!(fields.next_step, None);
        let errors = validate(&ContactForm::default(), today(), now()).unwrap_err();
        assert_eq!(errors.get("channel"), Some("contact-error-channel"));
        assert_eq!(errors.get("outcome"), Some("contact-error-outcome"));
    }

    #[test]
    fn a_next_step_defaults_to_one_week_and_takes_presets() {
        let f = ContactForm {
            next_step: "Lähetä profiilit".into(),
            ..form()
        };
        let step = validate(&f, today(), now()).unwrap().next_step.unwrap();
        assert_eq!(step.due_on, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        let f = ContactForm {
            next_step: "Soita".into(),
            due_preset: "two_weeks".into(),
            ..form()
        };
        assert_eq!(
            validate(&f, today(), now())
                .unwrap()
                .next_step
                .unwrap()
                .due_on,
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        let f = ContactForm {
            next_step: "Soita".into(),
            due_preset: "date".into(),
            due_on: "2026-11-01".into(),
            ..form()
        };
        assert_eq!(
            validate(&f, today(), now()).unwrap_err().get("due_on"),
            Some("contact-error-due-past")
        );
        let f = ContactForm {
            next_step: "Soita".into(),
            due_preset: "date".into(),
            due_on: "huomenna".into(),
            ..form()
        };
        assert_eq!(
            validate(&f, today(), now()).unwrap_err().get("due_on"),
            Some("contact-error-due")
        );
    }

    #[test]
    fn logging_later_may_set_the_time_back_but_not_forward() {
        let f = ContactForm {
            occurred_at: "2026-11-20T14:30".into(),
            ..form()
        };
        assert_eq!(
            validate(&f, today(), now()).unwrap().occurred_local,
            NaiveDate::from_ymd_opt(2026, 11, 20)
                .unwrap()
                .and_hms_opt(14, 30, 0)
        );
        let f = ContactForm {
            occurred_at: "2026-11-24T14:30".into(),
            ..form()
        };
        assert_eq!(
            validate(&f, today(), now()).unwrap_err().get("occurred_at"),
            Some("contact-error-future")
        );
    }

    #[test]
    fn face_to_face_is_the_in_person_channels() {
        let in_person: Vec<_> = Channel::ALL
            .iter()
            .filter(|c| c.is_face_to_face())
            .collect();
        assert_eq!(in_person.len(), 5);
        assert!(!Channel::ColdCall.is_face_to_face());
        assert!(Channel::ColdVisit.is_face_to_face());
    }
}
