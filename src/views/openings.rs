//! Job openings: the shared list, the form, and one opening with its ranked jobseekers.

use super::components::{
    checkbox, checkbox_group, csrf, enum_options, error_summary, grouped_select, number_range,
    select, textarea, Input,
};
use super::employers::FormOptions;
use super::layout;
use crate::db::openings::{Opening, OpeningRow};
use crate::domain::jobs::*;
use crate::domain::opening::OpeningForm;
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::web::openings::ListQuery;
use crate::web::Ctx;
use maud::{html, Markup};

fn with_any(ctx: &Ctx, mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.insert(0, (String::new(), ctx.t("filter-any")));
    options
}

/// Hours as people read them: `20–25 h/vk`.
pub fn hours_text(ctx: &Ctx, min: Option<i64>, max: Option<i64>) -> Option<String> {
    format::hours_range(min, max).map(|h| format!("{h} {}", ctx.t("hours-per-week-unit")))
}

/// Labels of a stored set of codes, joined.
pub fn labels<T: Copy>(
    ctx: &Ctx,
    stored: &str,
    parse: fn(&str) -> Option<T>,
    message: fn(T) -> &'static str,
) -> String {
    parse_set(stored, parse)
        .into_iter()
        .map(|v| ctx.t(message(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn status_badge(ctx: &Ctx, status: &str) -> Markup {
    let label = OpeningStatus::parse(status)
        .map(|s| ctx.t(s.message_id()))
        .unwrap_or_default();
    html! { span.badge class=(format!("badge-{status}")) { (label) } }
}

pub fn list(
    ctx: &Ctx,
    q: &ListQuery,
    rows: &[OpeningRow],
    total: i64,
    options: &FormOptions,
) -> Markup {
    let no_errors = FieldErrors::default();
    let status_options = with_any(
        ctx,
        enum_options(
            ctx,
            OpeningStatus::ALL,
            OpeningStatus::as_str,
            OpeningStatus::message_id,
        ),
    );
    let municipality_options = with_any(
        ctx,
        options
            .municipalities
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect(),
    );
    let coach_options = with_any(
        ctx,
        options
            .people
            .iter()
            .map(|(id, name, _)| (id.to_string(), name.clone()))
            .collect(),
    );
    let status = if q.status.is_empty() {
        "open"
    } else {
        q.status.as_str()
    };
    let body = html! {
        div.page-head {
            h1 { (ctx.t("openings-title")) }
            a.button.primary href="/openings/new" { (ctx.t("openings-new")) }
        }
        form.search-form method="get" action="/openings" {
            details.filters open {
                summary { (ctx.t("employers-filters")) }
                div.filter-grid {
                    (select(ctx, &no_errors, "status", ctx.t("opening-status"), &status_options, if q.status == "any" { "" } else { status }))
                    (select(ctx, &no_errors, "industry", ctx.t("employer-industry"), &options.industry_filter_options(ctx), &q.industry))
                    (select(ctx, &no_errors, "municipality", ctx.t("employer-municipality"), &municipality_options, &q.municipality))
                    (Input::new("hours", ctx.t("openings-filter-hours"), &q.hours).hint(ctx.t("openings-filter-hours-hint")).render(ctx, &no_errors))
                    (select(ctx, &no_errors, "coach", ctx.t("opening-coach"), &coach_options, &q.coach))
                }
                button type="submit" { (ctx.t("employers-apply")) }
            }
        }
        p.result-count { (ctx.ta("openings-count", &[("count", total.into())])) }
        @if rows.is_empty() {
            p.empty { (ctx.t("openings-none")) }
        } @else {
            ul.card-list {
                @for r in rows {
                    li.card {
                        h2.card-title { a href=(format!("/openings/{}", r.id)) { (r.title) } " " (status_badge(ctx, &r.status)) }
                        p.card-meta {
                            a href=(format!("/employers/{}", r.employer_id)) { (r.employer_name) }
                            @if let Some(m) = options.municipality_name(r.municipality_code.as_deref()) { " · " (m) }
                            @if let Some(h) = hours_text(ctx, r.hours_min, r.hours_max) { " · " (h) }
                        }
                        p.card-meta {
                            (OpeningSource::parse(&r.source).map(|s| ctx.t(s.message_id())).unwrap_or_default())
                            " · " (r.coach_name) " · " (format::datetime(r.created_at))
                            @if let Some(c) = r.closes_on { " · " (ctx.t("opening-closes-on")) " " (format::date(c)) }
                        }
                    }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("openings-title"), body)
}

pub fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    version: Option<i64>,
    form: &OpeningForm,
    errors: &FieldErrors,
    options: &FormOptions,
    employer_name: &str,
) -> Markup {
    let title = if id.is_some() {
        ctx.t("opening-edit-title")
    } else {
        ctx.t("openings-new")
    };
    let action = id
        .map(|i| format!("/openings/{i}"))
        .unwrap_or_else(|| "/openings".into());
    let optional = |mut o: Vec<(String, String)>| {
        o.insert(0, (String::new(), ctx.t("filter-unknown")));
        o
    };
    let licence_options = enum_options(ctx, Licence::ALL, Licence::as_str, Licence::message_id);
    let coach_options: Vec<(String, String)> = options
        .people
        .iter()
        .map(|(id, name, team)| (id.to_string(), format!("{name} ({team})")))
        .collect();
    let body = html! {
        h1 { (title) }
        (error_summary(ctx, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            @if let Some(v) = version { input type="hidden" name="version" value=(v); }
            input type="hidden" name="contact_id" value=(form.contact_id);
            input type="hidden" name="employer_id" value=(form.employer_id);
            p { strong { (ctx.t("opening-employer")) ": " } (employer_name) }
            @if errors.get("employer_id").is_some() { p.field-error #f-employer_id { (ctx.t("employer-error-choice")) } }
            (Input::new("title", ctx.t("opening-title"), &form.title).required().render(ctx, errors))
            (Input::new("occupation", ctx.t("opening-occupation"), &form.occupation).hint(ctx.t("opening-occupation-hint")).render(ctx, errors))
            (textarea(ctx, errors, "description", ctx.t("opening-description"), &form.description, None))
            (grouped_select(ctx, errors, "municipality_code", ctx.t("employer-municipality"), Some(ctx.t("filter-unknown")), &options.municipality_groups(), &form.municipality_code))
            (number_range(ctx, errors, ctx.t("opening-hours"), ("hours_min", &form.hours_min), ("hours_max", &form.hours_max)))
            (checkbox_group(ctx, errors, "schedules", ctx.t("opening-schedules"), &enum_options(ctx, Schedule::ALL, Schedule::as_str, Schedule::message_id), &form.schedules))
            (select(ctx, errors, "contract_type", ctx.t("opening-contract"), &optional(enum_options(ctx, ContractType::ALL, ContractType::as_str, ContractType::message_id)), &form.contract_type))
            div.field-pair {
                (Input::new("pay", ctx.t("opening-pay"), &form.pay).hint(ctx.t("opening-pay-hint")).render(ctx, errors))
                (select(ctx, errors, "pay_unit", ctx.t("opening-pay-unit"), &optional(enum_options(ctx, PayUnit::ALL, PayUnit::as_str, PayUnit::message_id)), &form.pay_unit))
            }
            div.field-pair {
                (Input::new("starts_on", ctx.t("opening-starts-on"), &form.starts_on).kind("date").render(ctx, errors))
                (Input::new("closes_on", ctx.t("opening-closes-on"), &form.closes_on).kind("date").render(ctx, errors))
            }
            (super::components::choices(ctx, errors, "source", ctx.t("opening-source"), &enum_options(ctx, OpeningSource::ALL, OpeningSource::as_str, OpeningSource::message_id), &form.source, true))
            (Input::new("ad_url", ctx.t("opening-ad-url"), &form.ad_url).kind("url").render(ctx, errors))
            (checkbox_group(ctx, errors, "must_licences", ctx.t("opening-must-licences"), &licence_options, &form.must_licences))
            (textarea(ctx, errors, "must_have", ctx.t("opening-must-have"), &form.must_have, Some(ctx.t("opening-requirements-hint"))))
            (checkbox_group(ctx, errors, "nice_licences", ctx.t("opening-nice-licences"), &licence_options, &form.nice_licences))
            (textarea(ctx, errors, "nice_to_have", ctx.t("opening-nice-to-have"), &form.nice_to_have, None))
            (checkbox_group(ctx, errors, "features", ctx.t("opening-features"), &enum_options(ctx, Feature::ALL, Feature::as_str, Feature::message_id), &form.features))
            (checkbox("wage_subsidy_possible", ctx.t("opening-wage-subsidy"), form.wage_subsidy_possible == "on"))
            (select(ctx, errors, "coach_id", ctx.t("opening-coach"), &coach_options, &form.coach_id))
            @if id.is_some() {
                (select(ctx, errors, "status", ctx.t("opening-status"), &enum_options(ctx, OpeningStatus::ALL, OpeningStatus::as_str, OpeningStatus::message_id), &form.status))
            }
            div.actions {
                button.primary type="submit" { (ctx.t("employer-save")) }
                a href=(id.map(|i| format!("/openings/{i}")).unwrap_or_else(|| "/openings".into())) { (ctx.t("cancel")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}

/// The details of an opening, as a description list.
pub fn details(ctx: &Ctx, o: &Opening, options: &FormOptions) -> Markup {
    let pay = o.pay.map(|p| {
        let unit = o
            .pay_unit
            .as_deref()
            .and_then(PayUnit::parse)
            .map(|u| ctx.t(u.message_id()))
            .unwrap_or_default();
        format!("{} {unit}", format::money(p))
    });
    let row = |label: String, value: Option<String>| {
        html! {
            @if let Some(v) = value.filter(|v| !v.is_empty()) {
                div { dt { (label) } dd { (v) } }
            }
        }
    };
    html! {
        dl.details {
            (row(ctx.t("opening-occupation"), Some(o.occupation.clone())))
            (row(ctx.t("employer-municipality"), options.municipality_name(o.municipality_code.as_deref()).map(str::to_owned)))
            (row(ctx.t("opening-hours"), hours_text(ctx, o.hours_min, o.hours_max)))
            (row(ctx.t("opening-schedules"), Some(labels(ctx, &o.schedules, Schedule::parse, Schedule::message_id))))
            (row(ctx.t("opening-contract"), o.contract_type.as_deref().and_then(ContractType::parse).map(|c| ctx.t(c.message_id()))))
            (row(ctx.t("opening-pay"), pay))
            (row(ctx.t("opening-starts-on"), o.starts_on.map(format::date)))
            (row(ctx.t("opening-closes-on"), o.closes_on.map(format::date)))
            (row(ctx.t("opening-source"), OpeningSource::parse(&o.source).map(|s| ctx.t(s.message_id()))))
            (row(ctx.t("opening-must-licences"), Some(labels(ctx, &o.must_licences, Licence::parse, Licence::message_id))))
            (row(ctx.t("opening-must-have"), Some(o.must_have.clone())))
            (row(ctx.t("opening-nice-licences"), Some(labels(ctx, &o.nice_licences, Licence::parse, Licence::message_id))))
            (row(ctx.t("opening-nice-to-have"), Some(o.nice_to_have.clone())))
            (row(ctx.t("opening-features"), Some(labels(ctx, &o.features, Feature::parse, Feature::message_id))))
            (row(ctx.t("opening-wage-subsidy"), o.wage_subsidy_possible.then(|| ctx.t("yes"))))
            (row(ctx.t("opening-coach"), options.person_name(Some(o.coach_id)).map(str::to_owned)))
        }
        @if !o.ad_url.is_empty() {
            p { a href=(o.ad_url) rel="noopener noreferrer" { (ctx.t("opening-ad-link")) } }
        }
        @if !o.description.is_empty() {
            div.prose { @for line in o.description.lines() { p { (line) } } }
        }
    }
}

pub fn show(
    ctx: &Ctx,
    o: &Opening,
    employer_name: &str,
    options: &FormOptions,
    matches: Markup,
    ranking: Markup,
) -> Markup {
    let body = html! {
        div.page-head {
            div {
                h1 { (o.title) " " (status_badge(ctx, &o.status)) }
                p.lead { a href=(format!("/employers/{}", o.employer_id)) { (employer_name) } }
            }
            a.button href=(format!("/openings/{}/edit", o.id)) { (ctx.t("employer-edit")) }
        }
        (details(ctx, o, options))
        section aria-labelledby="matches-title" {
            h2 #matches-title { (ctx.t("opening-matches")) }
            (matches)
        }
        section aria-labelledby="ranking-title" {
            h2 #ranking-title { (ctx.t("opening-ranking")) }
            (ranking)
        }
    };
    layout::page(ctx, &o.title, body)
}

/// Step one of a form that needs an employer first: find the employer. `keep` are query
/// parameters carried along (e.g. the jobseeker of a new placement).
pub fn choose_employer(
    ctx: &Ctx,
    title: &str,
    action: &str,
    keep: &[(&str, String)],
    q: &str,
    found: &[(i64, String, Option<String>)],
) -> Markup {
    let carried: String = keep.iter().map(|(k, v)| format!("&{k}={v}")).collect();
    let body = html! {
        h1 { (title) }
        form.search-form method="get" action=(action) role="search" {
            @for (k, v) in keep { input type="hidden" name=(k) value=(v); }
            div.search-row {
                label for="q" { (ctx.t("opening-find-employer")) }
                input #q type="search" name="q" value=(q) autocomplete="off";
                button.primary type="submit" { (ctx.t("employers-search")) }
            }
        }
        @if !q.trim().is_empty() {
            @if found.is_empty() {
                p.empty { (ctx.t("opening-no-employer-found")) " " a href="/employers/new" { (ctx.t("employers-new")) } }
            } @else {
                ul.card-list {
                    @for (id, name, municipality) in found {
                        li.card {
                            a href=(format!("{action}?employer={id}{carried}")) { (name) }
                            @if let Some(m) = municipality { " · " (m) }
                        }
                    }
                }
            }
        }
    };
    layout::page(ctx, title, body)
}
