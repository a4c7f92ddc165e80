//! Admin: users and teams.

use super::components::{csrf, error_summary, select, Input};
use super::layout;
use crate::db::users::{Team, User};
use crate::domain::{role::Role, validation::FieldErrors};
use crate::web::Ctx;
use maud::{html, Markup};

/// What was typed into the add-user form, kept when it is shown again with errors.
#[derive(Debug, Clone, Default)]
pub struct AddUserInput {
    pub email: String,
    pub name: String,
    pub role: String,
    pub team_id: String,
}

/// The email card: the organisation's digest time and the state of the outbox; and when the
/// last backup was taken.
#[derive(Debug, Clone)]
pub struct MailCard {
    pub digest_time: String,
    pub errors: FieldErrors,
    pub counts: crate::db::outbox::Counts,
    pub last_backup: Option<chrono::NaiveDateTime>,
}

pub struct AdminPage<'a> {
    pub users: &'a [User],
    pub teams: &'a [Team],
    pub add_user: &'a AddUserInput,
    pub add_user_errors: &'a FieldErrors,
    pub team_name: &'a str,
    pub team_errors: &'a FieldErrors,
    pub mail: &'a MailCard,
}

fn role_options(ctx: &Ctx) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), ctx.t(r.message_id())))
        .collect()
}

fn team_options(teams: &[Team]) -> Vec<(String, String)> {
    teams
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect()
}

pub fn page(ctx: &Ctx, p: &AdminPage<'_>) -> Markup {
    let roles = role_options(ctx);
    let teams = team_options(p.teams);
    let me = ctx.user.as_ref().map(|u| u.id);
    let body = html! {
        h1 { (ctx.t("admin-title")) }
        p { a href="/admin/privacy" { (ctx.t("privacy-title")) } }
        p #last-backup {
            @match p.mail.last_backup {
                Some(at) => (ctx.ta("admin-last-backup", &[("at", crate::format::datetime(at).into())])),
                None => (ctx.t("admin-no-backup")),
            }
        }
        section aria-labelledby="users-heading" {
            h2 #users-heading { (ctx.t("admin-users")) }
            div.table-wrap role="region" aria-labelledby="users-heading" tabindex="0" {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("admin-col-name")) }
                        th scope="col" { (ctx.t("admin-col-email")) }
                        th scope="col" { (ctx.t("admin-col-role-team")) }
                        th scope="col" { (ctx.t("admin-col-status")) }
                    } }
                    tbody {
                        @for user in p.users {
                            tr.inactive[!user.active] {
                                td { (user.name) }
                                td { (user.email) }
                                td {
                                    form.inline method="post" action=(format!("/admin/users/{}/role", user.id)) {
                                        (csrf(ctx))
                                        label.visually-hidden for=(format!("role-{}", user.id)) { (ctx.ta("admin-role-of", &[("name", user.name.clone().into())])) }
                                        select id=(format!("role-{}", user.id)) name="role" {
                                            @for (value, text) in &roles {
                                                option value=(value) selected[value == user.role.as_str()] { (text) }
                                            }
                                        }
                                        label.visually-hidden for=(format!("team-{}", user.id)) { (ctx.ta("admin-team-of", &[("name", user.name.clone().into())])) }
                                        select id=(format!("team-{}", user.id)) name="team_id" {
                                            @for (value, text) in &teams {
                                                option value=(value) selected[*value == user.team_id.to_string()] { (text) }
                                            }
                                        }
                                        button type="submit" { (ctx.t("admin-save")) }
                                    }
                                }
                                td {
                                    @if user.active { (ctx.t("admin-status-active")) } @else { (ctx.t("admin-status-inactive")) }
                                    @if Some(user.id) != me {
                                        form.inline method="post" action=(format!("/admin/users/{}/active", user.id)) {
                                            (csrf(ctx))
                                            input type="hidden" name="active" value=(if user.active { "false" } else { "true" });
                                            button type="submit" {
                                                @if user.active { (ctx.ta("admin-deactivate", &[("name", user.name.clone().into())])) }
                                                @else { (ctx.ta("admin-activate", &[("name", user.name.clone().into())])) }
                                            }
                                        }
                                    }
                                    @if user.active {
                                        form.inline method="post" action=(format!("/admin/users/{}/sessions", user.id)) {
                                            (csrf(ctx))
                                            // The visible words begin the accessible name (WCAG 2.5.3).
                                            button type="submit" {
                                                (ctx.t("admin-end-sessions"))
                                                span.visually-hidden { " (" (user.name) ")" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        div.columns {
            section.card aria-labelledby="add-user-heading" {
                h2 #add-user-heading { (ctx.t("admin-add-user")) }
                (error_summary(ctx, p.add_user_errors))
                form.stack method="post" action="/admin/users" {
                    (csrf(ctx))
                    (Input::new("email", ctx.t("admin-col-email"), &p.add_user.email).kind("email").autocomplete("off").required().render(ctx, p.add_user_errors))
                    (Input::new("name", ctx.t("admin-col-name"), &p.add_user.name).autocomplete("off").required().render(ctx, p.add_user_errors))
                    (select(ctx, p.add_user_errors, "role", ctx.t("admin-role"), &roles, &p.add_user.role))
                    (select(ctx, p.add_user_errors, "team_id", ctx.t("admin-team"), &teams, &p.add_user.team_id))
                    (Input::new("password", ctx.t("admin-initial-password"), "").kind("password").autocomplete("new-password").required()
                        .hint(ctx.ta("password-hint", &[("min", (crate::auth::password::MIN_LENGTH as i64).into())])).render(ctx, p.add_user_errors))
                    button.primary type="submit" { (ctx.t("admin-add-user")) }
                }
            }
            section.card aria-labelledby="teams-heading" {
                h2 #teams-heading { (ctx.t("admin-teams")) }
                ul {
                    @for team in p.teams {
                        li { (team.name) " " span.muted { "(" (ctx.ta("admin-team-members", &[("count", team.member_count.into())])) ")" } }
                    }
                }
                form.stack method="post" action="/admin/teams" {
                    (csrf(ctx))
                    (Input::new("team_name", ctx.t("admin-new-team"), p.team_name).required().render(ctx, p.team_errors))
                    button type="submit" { (ctx.t("admin-add-team")) }
                }
            }
            (mail_card(ctx, p.mail))
        }
    };
    layout::page(ctx, &ctx.t("admin-title"), body)
}

fn mail_card(ctx: &Ctx, mail: &MailCard) -> Markup {
    let failed = mail.counts.failed;
    html! {
        section.card aria-labelledby="mail-heading" {
            h2 #mail-heading { (ctx.t("admin-mail-title")) }
            @if failed > 0 {
                p.notice.notice-danger {
                    a href="/admin/outbox?state=failed" { (ctx.ta("outbox-failed-notice", &[("count", failed.into())])) }
                }
            }
            p {
                a href="/admin/outbox" { (ctx.t("admin-mail-outbox-link")) }
                " "
                span.muted { "(" (ctx.ta("admin-mail-counts", &[("queued", mail.counts.queued.into()), ("sent", mail.counts.sent.into())])) ")" }
            }
            (error_summary(ctx, &mail.errors))
            form.stack method="post" action="/admin/settings/digest-time" {
                (csrf(ctx))
                (Input::new("digest_time", ctx.t("admin-digest-time"), &mail.digest_time).kind("time").required()
                    .hint(ctx.t("admin-digest-time-hint")).render(ctx, &mail.errors))
                button type="submit" { (ctx.t("admin-digest-time-save")) }
            }
        }
    }
}
