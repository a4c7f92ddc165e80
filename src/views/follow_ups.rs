//! "My follow-ups", grouped as overdue, today, this week, later.

use super::components::csrf;
use super::layout;
use crate::db::follow_ups::FollowUp;
use crate::domain::follow_up::{bucket, Bucket};
use crate::domain::role::Role;
use crate::format;
use crate::web::Ctx;
use chrono::NaiveDate;
use maud::{html, Markup};

pub fn page(
    ctx: &Ctx,
    items: &[FollowUp],
    people: &[(i64, String, String)],
    today: NaiveDate,
    team_view: bool,
) -> Markup {
    let is_lead = matches!(ctx.role(), Some(Role::TeamLead | Role::Admin));
    let body = html! {
        div.page-head {
            h1 { @if team_view { (ctx.t("follow-ups-team-title")) } @else { (ctx.t("follow-ups-title")) } }
            @if is_lead {
                nav.tabs aria-label=(ctx.t("follow-ups-whose")) {
                    @if team_view {
                        a href="/follow-ups" { (ctx.t("follow-ups-mine")) }
                        span aria-current="page" { (ctx.t("follow-ups-team")) }
                    } @else {
                        span aria-current="page" { (ctx.t("follow-ups-mine")) }
                        a href="/follow-ups?show=team" { (ctx.t("follow-ups-team")) }
                    }
                }
            }
        }
        @if items.is_empty() { p.empty { (ctx.t("follow-ups-none")) } }
        @for b in Bucket::ALL {
            @let group: Vec<&FollowUp> = items.iter().filter(|f| bucket(f.due_on, today) == *b).collect();
            @if !group.is_empty() {
                section aria-labelledby=(format!("bucket-{}", b.as_str())) class=(format!("bucket bucket-{}", b.as_str())) {
                    h2 id=(format!("bucket-{}", b.as_str())) { (ctx.t(b.message_id())) " " span.count { "(" (group.len()) ")" } }
                    ul.follow-up-list {
                        @for f in group { (item(ctx, f, people, team_view)) }
                    }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("follow-ups-title"), body)
}

fn item(ctx: &Ctx, f: &FollowUp, people: &[(i64, String, String)], team_view: bool) -> Markup {
    let id = f.id;
    html! {
        li.follow-up.card {
            p.follow-up-what { strong { (f.what) } }
            p.meta {
                a href=(format!("/employers/{}", f.employer_id)) { (f.employer_name) }
                " · " (ctx.t("follow-up-due")) " " (format::date(f.due_on))
                @if f.status == "snoozed" { " · " (ctx.t("follow-up-status-snoozed")) }
                @if team_view { " · " (f.assignee_name) }
            }
            details {
                summary { (ctx.t("follow-up-mark-done")) }
                form.stack method="post" action=(format!("/follow-ups/{id}/done")) {
                    (csrf(ctx))
                    div.field {
                        label for=(format!("note-{id}")) { (ctx.t("follow-up-result-note")) }
                        textarea id=(format!("note-{id}")) name="result_note" rows="2" {}
                    }
                    button.primary type="submit" { (ctx.t("follow-up-done")) }
                }
            }
            div.row-actions {
                form.inline method="post" action=(format!("/follow-ups/{id}/snooze")) {
                    (csrf(ctx))
                    input type="hidden" name="until" value="tomorrow";
                    button type="submit" { (ctx.t("snooze-tomorrow")) }
                }
                form.inline method="post" action=(format!("/follow-ups/{id}/snooze")) {
                    (csrf(ctx))
                    input type="hidden" name="until" value="next_week";
                    button type="submit" { (ctx.t("snooze-next_week")) }
                }
                form.inline method="post" action=(format!("/follow-ups/{id}/snooze")) {
                    (csrf(ctx))
                    input type="hidden" name="until" value="date";
                    label.visually-hidden for=(format!("snooze-date-{id}")) { (ctx.t("snooze-date")) }
                    input type="date" id=(format!("snooze-date-{id}")) name="date";
                    button type="submit" { (ctx.t("snooze-date")) }
                }
            }
            form.inline method="post" action=(format!("/follow-ups/{id}/reassign")) {
                (csrf(ctx))
                label for=(format!("assignee-{id}")) { (ctx.t("follow-up-reassign-to")) }
                select id=(format!("assignee-{id}")) name="assignee_id" {
                    @for (pid, name, team) in people {
                        option value=(pid) selected[*pid == f.assignee_id] { (name) " (" (team) ")" }
                    }
                }
                button type="submit" { (ctx.t("follow-up-reassign")) }
            }
        }
    }
}
