//! Placements: the list, the hire form, and the follow-along page with its checkpoints.

use super::components::{checkbox, csrf, enum_options, error_summary, select, Input};
use super::layout;
use super::matches::display_name;
use crate::db::placements::{Placement, PlacementRow, SupportContact};
use crate::domain::jobs::*;
use crate::domain::placement::{
    checkpoints, first_week_contact_missing, CheckpointState, PlacementForm,
};
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::web::placements::FormNames;
use crate::web::Ctx;
use chrono::NaiveDate;
use maud::{html, Markup};

pub fn list(ctx: &Ctx, rows: &[PlacementRow], today: NaiveDate) -> Markup {
    let body = html! {
        h1 { (ctx.t("placements-title")) }
        @if rows.is_empty() {
            p.empty { (ctx.t("placements-none")) }
        } @else {
            div.table-wrap role="region" aria-label=(ctx.t("placements-title")) tabindex="0" { table.data {
                caption.visually-hidden { (ctx.t("placements-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("placement-job-title")) }
                    th scope="col" { (ctx.t("opening-employer")) }
                    th scope="col" { (ctx.t("jobseeker-name")) }
                    th scope="col" { (ctx.t("placement-period")) }
                    th scope="col" { (ctx.t("jobseeker-coach")) }
                } }
                tbody {
                    @for p in rows {
                        tr {
                            th scope="row" { a href=(format!("/placements/{}", p.id)) { (p.job_title) } }
                            td { a href=(format!("/employers/{}", p.employer_id)) { (p.employer_name) } }
                            td { (display_name(ctx, &p.jobseeker_name)) }
                            td {
                                (format::date(p.starts_on)) "–" @if let Some(e) = p.ends_on { (format::date(e)) }
                                @if p.ends_on.is_some_and(|e| e < today) { " " span.badge { (ctx.t("placement-ended")) } }
                            }
                            td { (p.coach_name) }
                        }
                    }
                }
            } }
        }
    };
    layout::page(ctx, &ctx.t("placements-title"), body)
}

pub fn form_page(
    ctx: &Ctx,
    form: &PlacementForm,
    errors: &FieldErrors,
    names: &FormNames,
) -> Markup {
    let optional = |mut o: Vec<(String, String)>| {
        o.insert(0, (String::new(), ctx.t("filter-unknown")));
        o
    };
    let title = ctx.t("placement-new");
    let body = html! {
        h1 { (title) }
        (error_summary(ctx, errors))
        dl.details {
            div { dt { (ctx.t("jobseeker-name")) } dd { (names.jobseeker) } }
            div { dt { (ctx.t("opening-employer")) } dd { (names.employer) } }
            @if let Some(o) = &names.opening { div { dt { (ctx.t("placement-opening")) } dd { (o) } } }
        }
        @for field in ["jobseeker_id", "employer_id", "opening_id", "match_id"] {
            @if let Some(message) = errors.text(ctx.lang, field) { p.field-error id=(format!("f-{field}")) { (message) } }
        }
        form.stack method="post" action="/placements" novalidate {
            (csrf(ctx))
            input type="hidden" name="jobseeker_id" value=(form.jobseeker_id);
            input type="hidden" name="employer_id" value=(form.employer_id);
            input type="hidden" name="opening_id" value=(form.opening_id);
            input type="hidden" name="match_id" value=(form.match_id);
            (Input::new("job_title", ctx.t("placement-job-title"), &form.job_title).required().render(ctx, errors))
            (Input::new("occupation", ctx.t("opening-occupation"), &form.occupation).render(ctx, errors))
            div.field-pair {
                (Input::new("starts_on", ctx.t("placement-starts-on"), &form.starts_on).kind("date").required().render(ctx, errors))
                (Input::new("ends_on", ctx.t("placement-ends-on"), &form.ends_on).kind("date").hint(ctx.t("placement-ends-on-hint")).render(ctx, errors))
            }
            (Input::new("hours_per_week", ctx.t("placement-hours"), &form.hours_per_week).render(ctx, errors))
            div.field-pair {
                (Input::new("pay", ctx.t("opening-pay"), &form.pay).render(ctx, errors))
                (select(ctx, errors, "pay_unit", ctx.t("opening-pay-unit"), &optional(enum_options(ctx, PayUnit::ALL, PayUnit::as_str, PayUnit::message_id)), &form.pay_unit))
            }
            (select(ctx, errors, "contract_type", ctx.t("opening-contract"), &optional(enum_options(ctx, ContractType::ALL, ContractType::as_str, ContractType::message_id)), &form.contract_type))
            (checkbox("competitive", ctx.t("placement-competitive"), form.competitive == "on"))
            p.hint { (ctx.t("placement-competitive-hint")) }
            (checkbox("wage_subsidy", ctx.t("placement-wage-subsidy"), form.wage_subsidy == "on"))
            (Input::new("wage_subsidy_percent", ctx.t("placement-wage-subsidy-percent"), &form.wage_subsidy_percent).kind("number").render(ctx, errors))
            (select(ctx, errors, "disclosure", ctx.t("placement-disclosure"), &enum_options(ctx, Disclosure::ALL, Disclosure::as_str, Disclosure::message_id), &form.disclosure))
            p.hint { (ctx.t("placement-disclosure-hint")) }
            div.actions {
                button.primary type="submit" { (ctx.t("placement-save")) }
                a href="/placements" { (ctx.t("cancel")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}

pub struct ShowPage {
    pub placement: Placement,
    pub jobseeker_name: String,
    pub employer_name: String,
    pub support: Vec<SupportContact>,
}

pub fn show(ctx: &Ctx, page: &ShowPage, today: NaiveDate) -> Markup {
    let p = &page.placement;
    let dates: Vec<NaiveDate> = page.support.iter().map(|s| s.occurred_on).collect();
    let states = checkpoints(p.starts_on, p.ends_on, &dates, today);
    let ended = p.ends_on.is_some_and(|e| e <= today) && p.end_reason.is_some();
    let row = |label: String, value: Option<String>| {
        html! { @if let Some(v) = value.filter(|v| !v.is_empty()) { div { dt { (label) } dd { (v) } } } }
    };
    let pay = p.pay.map(|c| {
        let unit = p
            .pay_unit
            .as_deref()
            .and_then(PayUnit::parse)
            .map(|u| ctx.t(u.message_id()))
            .unwrap_or_default();
        format!("{} {unit}", format::money(c))
    });
    let yes_no = |b: bool| if b { ctx.t("yes") } else { ctx.t("no") };
    let body = html! {
        h1 { (p.job_title) }
        p.lead {
            a href=(format!("/jobseekers/{}", p.jobseeker_id)) { (display_name(ctx, &page.jobseeker_name)) }
            " · " a href=(format!("/employers/{}", p.employer_id)) { (page.employer_name) }
            @if let Some(o) = p.opening_id { " · " a href=(format!("/openings/{o}")) { (ctx.t("placement-opening")) } }
        }
        @if !ended && first_week_contact_missing(p.starts_on, &dates, today) {
            div.notice.notice-warning role="alert" { p { (ctx.t("placement-first-week-missing")) } }
        }
        dl.details {
            (row(ctx.t("placement-starts-on"), Some(format::date(p.starts_on))))
            (row(ctx.t("placement-ends-on"), p.ends_on.map(format::date)))
            (row(ctx.t("opening-occupation"), Some(p.occupation.clone())))
            (row(ctx.t("placement-hours"), p.hours_per_week.map(|h| format!("{} {}", format::hours(h), ctx.t("hours-per-week-unit")))))
            (row(ctx.t("opening-pay"), pay))
            (row(ctx.t("opening-contract"), p.contract_type.as_deref().and_then(ContractType::parse).map(|c| ctx.t(c.message_id()))))
            (row(ctx.t("placement-competitive"), Some(yes_no(p.competitive))))
            (row(ctx.t("placement-wage-subsidy"), Some(match p.wage_subsidy_percent { Some(pct) if p.wage_subsidy => format!("{} ({pct}\u{a0}%)", ctx.t("yes")), _ => yes_no(p.wage_subsidy) })))
            (row(ctx.t("placement-disclosure"), Disclosure::parse(&p.disclosure).map(|d| ctx.t(d.message_id()))))
            (row(ctx.t("placement-end-reason"), p.end_reason.as_deref().and_then(EndReason::parse).map(|r| ctx.t(r.message_id()))))
        }
        section aria-labelledby="checkpoints-title" {
            h2 #checkpoints-title { (ctx.t("placement-checkpoints")) }
            div.table-wrap role="region" aria-label=(ctx.t("placement-checkpoints")) tabindex="0" { table.data {
                caption.visually-hidden { (ctx.t("placement-checkpoints")) }
                thead { tr { th scope="col" { (ctx.t("placement-checkpoint")) } th scope="col" { (ctx.t("placement-due")) } th scope="col" { (ctx.t("placement-state")) } } }
                tbody {
                    @for (cp, due, state) in &states {
                        tr {
                            th scope="row" { (ctx.t(cp.message_id())) }
                            td { (format::date(*due)) }
                            td {
                                @match state {
                                    CheckpointState::Met(d) => { span.verdict.fits { (ctx.t("checkpoint-met")) } " " (format::date(*d)) }
                                    CheckpointState::Due => { span.verdict.unknown { (ctx.t("checkpoint-due")) } }
                                    CheckpointState::Missed => { span.verdict.misfit { (ctx.t("checkpoint-missed")) } }
                                    CheckpointState::NotReached => { span.verdict.unknown { (ctx.t("checkpoint-not-reached")) } }
                                }
                            }
                        }
                    }
                }
            } }
        }
        section aria-labelledby="support-title" {
            h2 #support-title { (ctx.t("placement-support")) }
            form.stack method="post" action=(format!("/placements/{}/support", p.id)) {
                (csrf(ctx))
                div.field-pair {
                    div.field {
                        label for="f-occurred_on" { (ctx.t("placement-support-on")) }
                        input #f-occurred_on type="date" name="occurred_on" value=(today.to_string());
                    }
                    div.field {
                        label for="f-channel" { (ctx.t("contact-channel")) }
                        select #f-channel name="channel" {
                            @for c in SupportChannel::ALL { option value=(c.as_str()) { (ctx.t(c.message_id())) } }
                        }
                    }
                    div.field {
                        label for="f-with_whom" { (ctx.t("placement-with-whom")) }
                        select #f-with_whom name="with_whom" {
                            @for w in WithWhom::ALL { option value=(w.as_str()) { (ctx.t(w.message_id())) } }
                        }
                    }
                }
                div.field {
                    label for="f-notes" { (ctx.t("employer-notes")) }
                    p.hint #f-notes-hint { (ctx.t("contact-notes-hint")) }
                    textarea #f-notes name="notes" rows="3" aria-describedby="f-notes-hint" {}
                }
                button.primary type="submit" { (ctx.t("placement-support-log")) }
            }
            @if page.support.is_empty() {
                p.empty { (ctx.t("placement-support-none")) }
            } @else {
                ul.card-list {
                    @for s in &page.support {
                        li.card {
                            p.card-meta {
                                (format::date(s.occurred_on)) " · "
                                (SupportChannel::parse(&s.channel).map(|c| ctx.t(c.message_id())).unwrap_or_default()) " · "
                                (WithWhom::parse(&s.with_whom).map(|w| ctx.t(w.message_id())).unwrap_or_default()) " · "
                                (s.coach_name)
                            }
                            @if !s.notes.is_empty() { p { (s.notes) } }
                        }
                    }
                }
            }
        }
        @if p.end_reason.is_none() {
            section aria-labelledby="end-title" {
                h2 #end-title { (ctx.t("placement-end")) }
                form.stack method="post" action=(format!("/placements/{}/end", p.id)) {
                    (csrf(ctx))
                    div.field-pair {
                        div.field {
                            label for="f-ends_on" { (ctx.t("placement-ends-on")) }
                            input #f-ends_on type="date" name="ends_on" value=(p.ends_on.unwrap_or(today).to_string()) required;
                        }
                        div.field {
                            label for="f-reason" { (ctx.t("placement-end-reason")) }
                            select #f-reason name="reason" required {
                                option value="" { (ctx.t("employer-choose")) }
                                @for r in EndReason::ALL { option value=(r.as_str()) { (ctx.t(r.message_id())) } }
                            }
                        }
                    }
                    button type="submit" { (ctx.t("placement-end")) }
                }
            }
        }
    };
    layout::page(ctx, &p.job_title, body)
}
