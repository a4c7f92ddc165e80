//! The quick log for a coach in the field: find the employer, see what happened before, log.

use super::components::{csrf, error_summary, select, Input};
use super::contact_form;
use super::employers::{stage_badge, timeline_entry};
use super::layout;
use crate::db::contacts::{ContactPerson, TimelineEntry};
use crate::db::employers::Employer;
use crate::db::reference::Municipality;
use crate::domain::contact::ContactForm;
use crate::domain::employer::EmployerForm;
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::web::Ctx;
use maud::{html, Markup};

pub struct QuickLog {
    pub q: String,
    /// Employers matching the search: (id, name, municipality).
    pub matches: Vec<(i64, String, Option<String>)>,
    pub employer: Option<(Employer, Vec<ContactPerson>, Vec<TimelineEntry>)>,
    pub municipalities: Vec<Municipality>,
    pub new_employer: EmployerForm,
}

pub fn page(ctx: &Ctx, p: &QuickLog, typed: &ContactForm, errors: &FieldErrors) -> Markup {
    let body = html! {
        @match &p.employer {
            Some((employer, persons, recent)) => {
                p.breadcrumb { a href="/log" { "← " (ctx.t("quick-log-other")) } }
                h1 { (employer.name) }
                p.meta { (stage_badge(ctx, employer.stage())) " " a href=(format!("/employers/{}", employer.id)) { (ctx.t("quick-log-open-employer")) } }
                section.card aria-labelledby="before-heading" {
                    h2 #before-heading { (ctx.t("quick-log-before")) }
                    @if recent.is_empty() {
                        p.empty { (ctx.t("employer-timeline-empty")) }
                    } @else {
                        ol.timeline.compact { @for entry in recent { (timeline_entry(ctx, entry)) } }
                    }
                }
                section aria-labelledby="log-heading" {
                    h2 #log-heading { (ctx.t("employer-log-contact")) }
                    (error_summary(ctx, errors))
                    (contact_form::form(ctx, employer.id, typed, errors, contact_form::Choices { persons, jobseekers: &[] }, true, &format::datetime_local_value(crate::db::now())))
                }
            }
            None => {
                h1 { (ctx.t("quick-log-title")) }
                form.search-form method="get" action="/log" role="search" {
                    div.field {
                        label for="q" { (ctx.t("quick-log-find")) }
                        p.hint #q-hint { (ctx.t("quick-log-find-hint")) }
                        div.search-row {
                            input #q type="search" name="q" value=(p.q) autocomplete="off" aria-describedby="q-hint" minlength="2";
                            button.primary type="submit" { (ctx.t("employers-search")) }
                        }
                    }
                }
                div #suggestions aria-live="polite" {
                    @if !p.q.trim().is_empty() && (errors.is_empty() || !p.matches.is_empty()) {
                        @if !errors.is_empty() { p role="status" { (ctx.t("employer-warning-similar")) } }
                        (suggestions(ctx, &p.q, &p.matches))
                    }
                }
                details.card.new-employer open[!p.q.trim().is_empty()] {
                    summary { (ctx.t("quick-log-new")) }
                    @if !errors.is_empty() && p.matches.is_empty() { (error_summary(ctx, errors)) }
                    form.stack method="post" action="/log/employer" novalidate {
                        (csrf(ctx))
                        @if !p.matches.is_empty() && !errors.is_empty() { input type="hidden" name="confirm_similar" value="1"; }
                        (Input::new("name", ctx.t("employer-name"), &p.new_employer.name).required().render(ctx, &without_similar(errors)))
                        (select(ctx, errors, "municipality_code", ctx.t("employer-municipality"), &municipality_options(ctx, &p.municipalities), &p.new_employer.municipality_code))
                        button.primary type="submit" {
                            @if !p.matches.is_empty() && !errors.is_empty() { (ctx.t("employer-save-anyway")) } @else { (ctx.t("quick-log-create")) }
                        }
                    }
                }
            }
        }
    };
    layout::page_with_script(ctx, &ctx.t("quick-log-title"), body, "quick-log.js")
}

fn municipality_options(ctx: &Ctx, municipalities: &[Municipality]) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), ctx.t("employer-choose"))];
    options.extend(
        municipalities
            .iter()
            .map(|m| (m.code.clone(), m.name.clone())),
    );
    options
}

/// The employers matching the quick log's search, as big tappable picks.
pub fn suggestions(ctx: &Ctx, q: &str, matches: &[(i64, String, Option<String>)]) -> Markup {
    html! {
        @if matches.is_empty() {
            @if q.trim().chars().count() >= 2 { p.empty { (ctx.t("quick-log-no-match")) } }
        } @else {
            ul.pick-list {
                @for (id, name, municipality) in matches {
                    li { a.pick href=(format!("/log?employer={id}")) {
                        strong { (name) }
                        @if let Some(m) = municipality { span.muted { (m) } }
                    } }
                }
            }
        }
    }
}

/// The "resembles" notice is shown above the list, not as an error of the name field.
fn without_similar(errors: &FieldErrors) -> FieldErrors {
    let mut kept = FieldErrors::default();
    for e in errors.all() {
        if e.message_id != "employer-warning-similar" {
            kept.add_with(e.field, &e.message_id, &e.args);
        }
    }
    kept
}
