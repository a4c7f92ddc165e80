//! The handover page: pick the leaving coach, see what they hold, give each group (or item) to a
//! colleague, confirm.

use super::components::csrf;
use super::layout;
use super::matches::{display_name, stage_label};
use crate::domain::handover::{Kind, PlanError};
use crate::domain::jobs::JobseekerStatus;
use crate::web::handover::{error_kind, HandoverPage};
use crate::web::Ctx;
use maud::{html, Markup};
use std::collections::HashMap;

fn group_title(kind: Kind) -> &'static str {
    match kind {
        Kind::FollowUp => "handover-follow-ups",
        Kind::Jobseeker => "handover-jobseekers",
        Kind::Employer => "handover-employers",
        Kind::Match => "handover-matches",
    }
}

pub fn page(
    ctx: &Ctx,
    p: &HandoverPage,
    typed: &HashMap<String, String>,
    errors: &[PlanError],
) -> Markup {
    let title = ctx.t("handover-title");
    let from_id = p.from.as_ref().map(|u| u.id);
    let colleagues: Vec<(String, String)> = p
        .people
        .iter()
        .filter(|u| u.active && Some(u.id) != from_id)
        .map(|u| (u.id.to_string(), format!("{} ({})", u.name, u.team_name)))
        .collect();
    let body = html! {
        h1 { (title) }
        p { (ctx.t("handover-intro")) }
        form.search-form method="get" action="/handover" {
            div.field {
                label for="from" { (ctx.t("handover-from")) }
                select #from name="from" {
                    option value="" { (ctx.t("employer-choose")) }
                    @for u in &p.people {
                        option value=(u.id) selected[Some(u.id) == from_id] {
                            (u.name) " (" (u.team_name) ")" @if !u.active { " – " (ctx.t("admin-status-inactive")) }
                        }
                    }
                }
            }
            button type="submit" { (ctx.t("handover-show")) }
        }
        @if let Some(from) = &p.from {
            @if !errors.is_empty() {
                div.error-summary role="alert" tabindex="-1" {
                    h2 { (ctx.t("form-error-summary")) }
                    ul {
                        @for e in errors {
                            li { a href=(format!("#group-{}", error_kind(e).key())) {
                                @match e {
                                    PlanError::Unassigned(k) => { (ctx.t(group_title(*k))) ": " (ctx.t("handover-error-unassigned")) }
                                    PlanError::NotAColleague(k) => { (ctx.t(group_title(*k))) ": " (ctx.t("handover-error-colleague")) }
                                }
                            } }
                        }
                    }
                }
            }
            @if p.items.is_empty() {
                p.notice { (ctx.ta("handover-nothing-held", &[("name", from.name.clone().into())])) }
            } @else {
                form.stack method="post" action="/handover" {
                    (csrf(ctx))
                    input type="hidden" name="from" value=(from.id);
                    @for kind in Kind::ALL {
                        @let items: Vec<_> = p.items.iter().filter(|i| i.kind == kind).collect();
                        @if !items.is_empty() {
                            fieldset.group id=(format!("group-{}", kind.key())) {
                                legend { (ctx.t(group_title(kind))) " (" (items.len()) ")" }
                                div.field {
                                    label for=(format!("to-{}", kind.key())) { (ctx.t("handover-give-all")) }
                                    select id=(format!("to-{}", kind.key())) name=(kind.key()) {
                                        option value="" { (ctx.t("employer-choose")) }
                                        @for (id, name) in &colleagues {
                                            option value=(id) selected[typed.get(kind.key()) == Some(id)] { (name) }
                                        }
                                    }
                                }
                                details {
                                    summary { (ctx.t("handover-per-item")) }
                                    ul.plain {
                                        @for item in &items {
                                            @let field = format!("{}-{}", kind.key(), item.id);
                                            li.field {
                                                label for=(field) {
                                                    @match kind {
                                                        Kind::Jobseeker => { (display_name(ctx, &item.label)) " · " (JobseekerStatus::parse(&item.detail).map(|s| ctx.t(s.message_id())).unwrap_or_default()) }
                                                        Kind::Match => { (item.label) " · " (stage_label(ctx, &item.detail)) }
                                                        _ => { (item.label) @if !item.detail.is_empty() { " · " (item.detail) } }
                                                    }
                                                }
                                                select id=(field) name=(field) {
                                                    option value="" { (ctx.t("handover-as-group")) }
                                                    @for (id, name) in &colleagues {
                                                        option value=(id) selected[typed.get(&field) == Some(id)] { (name) }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    div.actions { button.primary type="submit" { (ctx.t("handover-confirm")) } }
                }
            }
        }
    };
    layout::page(ctx, &title, body)
}
