//! The 15-second contact form, on the employer page and in the quick log.

use super::components::{checkbox, choices, csrf, enum_options, select, textarea, Input};
use crate::db::contacts::ContactPerson;
use crate::domain::contact::{Channel, ContactForm, DuePreset, Outcome, Purpose};
use crate::domain::validation::FieldErrors;
use crate::web::Ctx;
use maud::{html, Markup};

/// Who the contact can name: the employer's contact persons and the consenting jobseekers.
pub struct Choices<'a> {
    pub persons: &'a [ContactPerson],
    pub jobseekers: &'a [(i64, String)],
}

pub fn form(
    ctx: &Ctx,
    employer_id: i64,
    typed: &ContactForm,
    errors: &FieldErrors,
    choices_of: Choices<'_>,
    from_log: bool,
    now_local: &str,
) -> Markup {
    let channels = enum_options(ctx, Channel::ALL, Channel::as_str, Channel::message_id);
    let outcomes = enum_options(ctx, Outcome::ALL, Outcome::as_str, Outcome::message_id);
    let mut purposes = vec![(String::new(), ctx.t("contact-purpose-none"))];
    purposes.extend(enum_options(
        ctx,
        Purpose::ALL,
        Purpose::as_str,
        Purpose::message_id,
    ));
    let Choices {
        persons,
        jobseekers,
    } = choices_of;
    let mut people = vec![(String::new(), ctx.t("contact-person-none"))];
    people.extend(
        persons
            .iter()
            .filter(|p| p.left_at.is_none())
            .map(|p| (p.id.to_string(), p.name.clone())),
    );
    let presets = enum_options(
        ctx,
        DuePreset::ALL,
        DuePreset::as_str,
        DuePreset::message_id,
    );
    let preset = if typed.due_preset.is_empty() {
        "week"
    } else {
        typed.due_preset.as_str()
    };
    let occurred = if typed.occurred_at.is_empty() {
        now_local
    } else {
        typed.occurred_at.as_str()
    };
    let more_open = !errors.is_empty()
        || !typed.purpose.is_empty()
        || !typed.contact_person_id.is_empty()
        || !typed.jobseeker_id.is_empty();
    let mut for_whom = vec![(String::new(), ctx.t("contact-jobseeker-none"))];
    for_whom.extend(
        jobseekers
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    html! {
        form.stack.contact-form method="post" action=(format!("/employers/{employer_id}/contacts")) novalidate {
            (csrf(ctx))
            @if from_log { input type="hidden" name="from" value="log"; }
            (choices(ctx, errors, "channel", ctx.t("contact-channel"), &channels, &typed.channel, true))
            (choices(ctx, errors, "outcome", ctx.t("contact-outcome"), &outcomes, &typed.outcome, true))
            (textarea(ctx, errors, "notes", ctx.t("contact-notes"), &typed.notes, Some(ctx.t("contact-notes-hint"))))
            div.next-step {
                (Input::new("next_step", ctx.t("contact-next-step"), &typed.next_step).hint(ctx.t("contact-next-step-hint")).render(ctx, errors))
                (choices(ctx, errors, "due_preset", ctx.t("contact-due"), &presets, preset, false))
                (Input::new("due_on", ctx.t("contact-due-date"), &typed.due_on).kind("date").render(ctx, errors))
            }
            details.more open[more_open] {
                summary { (ctx.t("contact-more")) }
                div.stack {
                    (select(ctx, errors, "contact_person_id", ctx.t("contact-person"), &people, &typed.contact_person_id))
                    (select(ctx, errors, "purpose", ctx.t("contact-purpose"), &purposes, &typed.purpose))
                    (checkbox("client_specific", ctx.t("contact-client-specific"), typed.client_specific == "on"))
                    @if !jobseekers.is_empty() || !typed.jobseeker_id.is_empty() {
                        (select(ctx, errors, "jobseeker_id", ctx.t("contact-jobseeker"), &for_whom, &typed.jobseeker_id))
                    }
                    (Input::new("occurred_at", ctx.t("contact-occurred-at"), occurred).kind("datetime-local").hint(ctx.t("contact-occurred-at-hint")).render(ctx, errors))
                }
            }
            button.primary.big type="submit" { (ctx.t("contact-save")) }
        }
    }
}
