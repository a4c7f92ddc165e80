//! Jobseekers: the caseload list, the profile form (wishes first), and one jobseeker's page.

use super::components::{
    checkbox, checkbox_group, choices, csrf, enum_options, error_summary, multi_select,
    number_range, select, textarea, Input,
};
use super::employers::FormOptions;
use super::layout;
use super::matches::{display_name, match_list, ranked_openings, Side};
use super::openings::{hours_text, labels};
use crate::db::jobseekers::{ContactOnBehalf, Jobseeker, JobseekerRow};
use crate::db::matches::MatchRow;
use crate::db::placements::PlacementRow;
use crate::db::ranking::RankedOpening;
use crate::domain::contact::{Channel, Outcome};
use crate::domain::jobs::*;
use crate::domain::jobseeker::JobseekerForm;
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::web::jobseekers::ListQuery;
use crate::web::Ctx;
use maud::{html, Markup};

fn status_label(ctx: &Ctx, status: &str) -> String {
    JobseekerStatus::parse(status)
        .map(|s| ctx.t(s.message_id()))
        .unwrap_or_default()
}

pub fn list(ctx: &Ctx, q: &ListQuery, rows: &[JobseekerRow], options: &FormOptions) -> Markup {
    let no_errors = FieldErrors::default();
    let mut status_options = vec![(String::new(), ctx.t("jobseekers-active"))];
    status_options.extend(enum_options(
        ctx,
        JobseekerStatus::ALL,
        JobseekerStatus::as_str,
        JobseekerStatus::message_id,
    ));
    let mut coach_options = vec![(String::new(), ctx.t("filter-any"))];
    coach_options.extend(
        options
            .people
            .iter()
            .map(|(id, name, _)| (id.to_string(), name.clone())),
    );
    let body = html! {
        div.page-head {
            h1 { (ctx.t("jobseekers-title")) }
            a.button.primary href="/jobseekers/new" { (ctx.t("jobseekers-new")) }
        }
        p.hint { (ctx.t("jobseekers-privacy")) }
        form.search-form method="get" action="/jobseekers" role="search" {
            div.search-row {
                label.visually-hidden for="q" { (ctx.t("jobseekers-search")) }
                input #q type="search" name="q" value=(q.q) placeholder=(ctx.t("jobseekers-search"));
                button.primary type="submit" { (ctx.t("employers-search")) }
            }
            div.filter-grid {
                (select(ctx, &no_errors, "status", ctx.t("jobseeker-status"), &status_options, &q.status))
                (select(ctx, &no_errors, "coach", ctx.t("jobseeker-coach"), &coach_options, &q.coach))
            }
            button type="submit" { (ctx.t("employers-apply")) }
        }
        @if rows.is_empty() {
            p.empty { (ctx.t("jobseekers-none")) }
        } @else {
            div.table-wrap role="region" aria-label=(ctx.t("jobseekers-title")) tabindex="0" { table.data {
                caption.visually-hidden { (ctx.t("jobseekers-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("jobseeker-name")) }
                    th scope="col" { (ctx.t("jobseeker-status")) }
                    th scope="col" { (ctx.t("jobseeker-coach")) }
                    th scope="col" { (ctx.t("jobseeker-entered-on")) }
                    th scope="col" { (ctx.t("jobseeker-consent-contact-short")) }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            th scope="row" { a href=(format!("/jobseekers/{}", r.id)) { (display_name(ctx, &r.display_name)) } }
                            td { (status_label(ctx, &r.status)) }
                            td { (r.coach_name) }
                            td { (format::date(r.entered_on)) }
                            td { @if r.consent_employer_contact { (ctx.t("yes")) } @else { (ctx.t("no")) } }
                        }
                    }
                }
            } }
        }
    };
    layout::page(ctx, &ctx.t("jobseekers-title"), body)
}

pub fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    form: &JobseekerForm,
    errors: &FieldErrors,
    options: &FormOptions,
) -> Markup {
    let title = if id.is_some() {
        ctx.t("jobseeker-edit-title")
    } else {
        ctx.t("jobseekers-new")
    };
    let action = id
        .map(|i| format!("/jobseekers/{i}"))
        .unwrap_or_else(|| "/jobseekers".into());
    let optional = |mut o: Vec<(String, String)>| {
        o.insert(0, (String::new(), ctx.t("filter-unknown")));
        o
    };
    let coach_options: Vec<(String, String)> = options
        .people
        .iter()
        .map(|(id, name, team)| (id.to_string(), format!("{name} ({team})")))
        .collect();
    let industry_groups: Vec<(String, Vec<(String, String)>)> = options
        .industries
        .iter()
        .filter(|i| i.level == "section")
        .map(|s| {
            let mut items = vec![(s.code.clone(), format!("{} {}", s.code, s.name))];
            items.extend(
                options
                    .industries
                    .iter()
                    .filter(|d| d.parent.as_deref() == Some(s.code.as_str()))
                    .map(|d| (d.code.clone(), format!("{} {}", d.code, d.name))),
            );
            (format!("{} {}", s.code, s.name), items)
        })
        .collect();
    let body = html! {
        h1 { (title) }
        p.notice { (ctx.t("jobseeker-privacy-notice")) }
        (error_summary(ctx, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            fieldset.group {
                legend { (ctx.t("jobseeker-basics")) }
                (Input::new("display_name", ctx.t("jobseeker-name"), &form.display_name).required().hint(ctx.t("jobseeker-name-hint")).render(ctx, errors))
                (select(ctx, errors, "coach_id", ctx.t("jobseeker-coach"), &coach_options, &form.coach_id))
                (Input::new("entered_on", ctx.t("jobseeker-entered-on"), &form.entered_on).kind("date").required().render(ctx, errors))
                (select(ctx, errors, "status", ctx.t("jobseeker-status"), &enum_options(ctx, JobseekerStatus::ALL, JobseekerStatus::as_str, JobseekerStatus::message_id), &form.status))
            }
            fieldset.group {
                legend { (ctx.t("jobseeker-wishes")) }
                (Input::new("wanted_occupations", ctx.t("jobseeker-wanted-occupations"), &form.wanted_occupations).hint(ctx.t("jobseeker-list-hint")).render(ctx, errors))
                (Input::new("avoided_occupations", ctx.t("jobseeker-avoided-occupations"), &form.avoided_occupations).hint(ctx.t("jobseeker-list-hint")).render(ctx, errors))
                (multi_select(ctx, errors, "wanted_industries", ctx.t("jobseeker-wanted-industries"), &industry_groups, &form.wanted_industries, Some(ctx.t("jobseeker-multi-hint"))))
                (multi_select(ctx, errors, "avoided_industries", ctx.t("jobseeker-avoided-industries"), &industry_groups, &form.avoided_industries, Some(ctx.t("jobseeker-multi-hint"))))
                (multi_select(ctx, errors, "municipalities", ctx.t("jobseeker-municipalities"), &options.municipality_groups(), &form.municipalities, Some(ctx.t("jobseeker-multi-hint"))))
                (choices(ctx, errors, "travel", ctx.t("jobseeker-travel"), &enum_options(ctx, Travel::ALL, Travel::as_str, Travel::message_id), &form.travel, false))
                (number_range(ctx, errors, ctx.t("jobseeker-hours"), ("hours_min", &form.hours_min), ("hours_max", &form.hours_max)))
                (checkbox_group(ctx, errors, "schedules", ctx.t("jobseeker-schedules"), &enum_options(ctx, Schedule::ALL, Schedule::as_str, Schedule::message_id), &form.schedules))
                (checkbox_group(ctx, errors, "contract_types", ctx.t("jobseeker-contract-types"), &enum_options(ctx, ContractType::ALL, ContractType::as_str, ContractType::message_id), &form.contract_types))
                div.field-pair {
                    (Input::new("pay_expectation", ctx.t("jobseeker-pay"), &form.pay_expectation).render(ctx, errors))
                    (select(ctx, errors, "pay_unit", ctx.t("opening-pay-unit"), &optional(enum_options(ctx, PayUnit::ALL, PayUnit::as_str, PayUnit::message_id)), &form.pay_unit))
                }
                (textarea(ctx, errors, "strengths", ctx.t("jobseeker-strengths"), &form.strengths, None))
                (Input::new("languages", ctx.t("jobseeker-languages"), &form.languages).render(ctx, errors))
                (checkbox_group(ctx, errors, "licences", ctx.t("jobseeker-licences"), &enum_options(ctx, Licence::ALL, Licence::as_str, Licence::message_id), &form.licences))
            }
            fieldset.group {
                legend { (ctx.t("jobseeker-consents")) }
                (checkbox("consent_employer_contact", ctx.t("jobseeker-consent-contact"), form.consent_employer_contact == "on"))
                (Input::new("consent_employer_scope", ctx.t("jobseeker-consent-scope"), &form.consent_employer_scope).hint(ctx.t("jobseeker-consent-scope-hint")).render(ctx, errors))
                (select(ctx, errors, "disclosure", ctx.t("jobseeker-disclosure"), &enum_options(ctx, Disclosure::ALL, Disclosure::as_str, Disclosure::message_id), &form.disclosure))
                (textarea(ctx, errors, "disclosure_wording", ctx.t("jobseeker-disclosure-wording"), &form.disclosure_wording, Some(ctx.t("jobseeker-disclosure-wording-hint"))))
                (checkbox("consent_needs", ctx.t("jobseeker-consent-needs"), form.consent_needs == "on"))
                (checkbox_group(ctx, errors, "needs", ctx.t("jobseeker-needs"), &enum_options(ctx, Need::ALL, Need::as_str, Need::message_id), &form.needs))
                (Input::new("consent_given_on", ctx.t("jobseeker-consent-given-on"), &form.consent_given_on).kind("date").render(ctx, errors))
            }
            (textarea(ctx, errors, "notes", ctx.t("employer-notes"), &form.notes, Some(ctx.t("contact-notes-hint"))))
            div.actions {
                button.primary type="submit" { (ctx.t("employer-save")) }
                a href=(id.map(|i| format!("/jobseekers/{i}")).unwrap_or_else(|| "/jobseekers".into())) { (ctx.t("cancel")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}

pub struct ShowPage {
    pub jobseeker: Jobseeker,
    pub coach_name: String,
    pub contacts: Vec<ContactOnBehalf>,
    pub matches: Vec<MatchRow>,
    pub placements: Vec<PlacementRow>,
    pub ranked: Vec<RankedOpening>,
    pub options: FormOptions,
}

pub fn show(ctx: &Ctx, page: &ShowPage) -> Markup {
    let j = &page.jobseeker;
    let name = display_name(ctx, &j.display_name);
    let is_admin = ctx.role() == Some(crate::domain::role::Role::Admin);
    let codes_named = |stored: &str, name: &dyn Fn(&str) -> Option<String>| {
        parse_set(stored, |c| Some(c.to_owned()))
            .iter()
            .map(|c| name(c).unwrap_or_else(|| c.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = |label: String, value: String| {
        html! { @if !value.is_empty() { div { dt { (label) } dd { (value) } } } }
    };
    let pay = j.pay_expectation.map(|p| {
        let unit = j
            .pay_unit
            .as_deref()
            .and_then(PayUnit::parse)
            .map(|u| ctx.t(u.message_id()))
            .unwrap_or_default();
        format!("{} {unit}", format::money(p))
    });
    let body = html! {
        div.page-head {
            div {
                h1 { (name) }
                p.lead { span.badge { (status_label(ctx, &j.status)) } " · " (ctx.t("jobseeker-coach")) ": " (page.coach_name) }
            }
            @if j.anonymised_at.is_none() {
                a.button href=(format!("/jobseekers/{}/edit", j.id)) { (ctx.t("employer-edit")) }
            }
        }
        @if j.anonymised_at.is_some() {
            p.notice { (ctx.t("jobseeker-anonymised-notice")) }
        }
        dl.details {
            (row(ctx.t("jobseeker-entered-on"), format::date(j.entered_on)))
            (row(ctx.t("jobseeker-wanted-occupations"), j.wanted_occupations.clone()))
            (row(ctx.t("jobseeker-avoided-occupations"), j.avoided_occupations.clone()))
            (row(ctx.t("jobseeker-wanted-industries"), codes_named(&j.wanted_industries, &|c| page.options.industry_name(Some(c)))))
            (row(ctx.t("jobseeker-avoided-industries"), codes_named(&j.avoided_industries, &|c| page.options.industry_name(Some(c)))))
            (row(ctx.t("jobseeker-municipalities"), codes_named(&j.municipalities, &|c| page.options.municipality_name(Some(c)).map(str::to_owned))))
            (row(ctx.t("jobseeker-travel"), Travel::parse(&j.travel).map(|t| ctx.t(t.message_id())).unwrap_or_default()))
            (row(ctx.t("jobseeker-hours"), hours_text(ctx, j.hours_min, j.hours_max).unwrap_or_default()))
            (row(ctx.t("jobseeker-schedules"), labels(ctx, &j.schedules, Schedule::parse, Schedule::message_id)))
            (row(ctx.t("jobseeker-contract-types"), labels(ctx, &j.contract_types, ContractType::parse, ContractType::message_id)))
            (row(ctx.t("jobseeker-pay"), pay.unwrap_or_default()))
            (row(ctx.t("jobseeker-strengths"), j.strengths.clone()))
            (row(ctx.t("jobseeker-languages"), j.languages.clone()))
            (row(ctx.t("jobseeker-licences"), labels(ctx, &j.licences, Licence::parse, Licence::message_id)))
            (row(ctx.t("jobseeker-needs"), if j.consent_needs { labels(ctx, &j.needs, Need::parse, Need::message_id) } else { String::new() }))
        }
        section aria-labelledby="consents-title" {
            h2 #consents-title { (ctx.t("jobseeker-consents")) }
            dl.details {
                (row(ctx.t("jobseeker-consent-contact"), if j.consent_employer_contact { ctx.t("yes") } else { ctx.t("no") }))
                (row(ctx.t("jobseeker-consent-scope"), j.consent_employer_scope.clone()))
                (row(ctx.t("jobseeker-disclosure"), Disclosure::parse(&j.disclosure).map(|d| ctx.t(d.message_id())).unwrap_or_default()))
                (row(ctx.t("jobseeker-disclosure-wording"), j.disclosure_wording.clone()))
                (row(ctx.t("jobseeker-consent-needs"), if j.consent_needs { ctx.t("yes") } else { ctx.t("no") }))
                (row(ctx.t("jobseeker-consent-given-on"), j.consent_given_on.map(format::date).unwrap_or_default()))
            }
        }
        @if !page.ranked.is_empty() || j.status() == JobseekerStatus::JobSearch {
            section aria-labelledby="ranking-title" {
                h2 #ranking-title { (ctx.t("jobseeker-ranking")) }
                (ranked_openings(ctx, j.id, &page.ranked, &page.matches, j.anonymised_at.is_none(), &page.options))
            }
        }
        section aria-labelledby="matches-title" {
            h2 #matches-title { (ctx.t("opening-matches")) }
            (match_list(ctx, &page.matches, Side::Jobseeker))
        }
        section aria-labelledby="placements-title" {
            h2 #placements-title { (ctx.t("placements-title")) }
            @if page.placements.is_empty() {
                p.empty { (ctx.t("placements-none")) }
            } @else {
                ul.card-list {
                    @for p in &page.placements {
                        li.card {
                            a href=(format!("/placements/{}", p.id)) { (p.job_title) }
                            " · " a href=(format!("/employers/{}", p.employer_id)) { (p.employer_name) }
                            " · " (format::date(p.starts_on)) "–" @if let Some(e) = p.ends_on { (format::date(e)) }
                        }
                    }
                }
            }
            @if j.anonymised_at.is_none() {
                a.button href=(format!("/placements/new?jobseeker={}", j.id)) { (ctx.t("placement-new")) }
            }
        }
        section aria-labelledby="contacts-title" {
            h2 #contacts-title { (ctx.t("jobseeker-contacts")) }
            @if page.contacts.is_empty() {
                p.empty { (ctx.t("jobseeker-contacts-none")) }
            } @else {
                ul.card-list {
                    @for c in &page.contacts {
                        li.card {
                            a href=(format!("/employers/{}", c.employer_id)) { (c.employer_name) }
                            " · " (format::datetime(c.occurred_at))
                            " · " (Channel::parse(&c.channel).map(|x| ctx.t(x.message_id())).unwrap_or_default())
                            " · " (Outcome::parse(&c.outcome).map(|x| ctx.t(x.message_id())).unwrap_or_default())
                            " · " (c.coach_name)
                        }
                    }
                }
            }
        }
        @if is_admin && j.anonymised_at.is_none() {
            section.danger aria-labelledby="erase-title" {
                h2 #erase-title { (ctx.t("jobseeker-erase-title")) }
                p { (ctx.t("jobseeker-erase-text")) }
                form method="post" action=(format!("/jobseekers/{}/erase", j.id)) {
                    (csrf(ctx))
                    button.danger type="submit" { (ctx.t("jobseeker-erase")) }
                }
            }
        }
    };
    layout::page(ctx, &name, body)
}
