//! "My follow-ups": grouped by when they are due; done, snooze, reassign.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::{AppState, Ctx, WebError};
use crate::db::follow_ups::{self, FollowUp, Whose};
use crate::db::{self, users, DbError};
use crate::domain::follow_up::{snoozed_until, Snooze};
use crate::domain::role::Role;
use crate::format;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    /// "team" shows the whole team's follow-ups (team leads and admins).
    pub show: String,
}

pub async fn list(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<Markup, WebError> {
    let user = ctx.user()?.clone();
    let scope = ctx.scope()?;
    let team_view = query.show == "team" && matches!(user.role, Role::TeamLead | Role::Admin);
    let whose = if team_view {
        Whose::Team(user.team_id)
    } else {
        Whose::User(user.id)
    };
    let (items, people) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                follow_ups::open(conn, whose)?,
                users::active_people_in(conn, scope)?,
            ))
        })
        .await?;
    let today = format::today_helsinki(db::now());
    Ok(views::follow_ups::page(
        &ctx, &items, &people, today, team_view,
    ))
}

/// The follow-up, if this user may act on it: its assignee, or a team lead of the assignee's
/// team, or an admin.
async fn actionable(ctx: &Ctx, state: &AppState, id: i64) -> Result<FollowUp, WebError> {
    let user = ctx.user()?;
    let scope = ctx.scope()?;
    let (f, assignee_in_scope) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(f) = follow_ups::find(conn, id)? else {
                return Ok((None, false));
            };
            let in_scope = users::find_in(conn, scope, f.assignee_id)?.is_some();
            Ok((Some(f), in_scope))
        })
        .await?;
    let f = f.ok_or(WebError::NotFound)?;
    if f.status == "done" {
        return Err(WebError::NotFound);
    }
    let leads_them = matches!(user.role, Role::TeamLead | Role::Admin) && assignee_in_scope;
    if f.assignee_id != user.id && !leads_them {
        return Err(WebError::Forbidden);
    }
    Ok(f)
}

fn back(req: &HttpRequest, state: &AppState, message: &str) -> HttpResponse {
    redirect_with_flash(req, state, "/follow-ups", FlashKind::Success, message)
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct DoneForm {
    pub result_note: String,
}

pub async fn done(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<DoneForm>,
) -> Result<HttpResponse, WebError> {
    let f = actionable(&ctx, &state, path.into_inner()).await?;
    let user_id = ctx.user()?.id;
    let Some(note) = crate::domain::text::note(&form.result_note) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/follow-ups",
            FlashKind::Error,
            "flash-note-refused",
        ));
    };
    state
        .db
        .run(move |conn| follow_ups::mark_done(conn, &f, &note, user_id, db::now()))
        .await?;
    Ok(back(&req, &state, "flash-follow-up-done"))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct SnoozeForm {
    pub until: String,
    pub date: String,
}

pub async fn snooze(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<SnoozeForm>,
) -> Result<HttpResponse, WebError> {
    let f = actionable(&ctx, &state, path.into_inner()).await?;
    let user_id = ctx.user()?.id;
    let today = format::today_helsinki(db::now());
    let choice = Snooze::parse(&form.until).unwrap_or(Snooze::Date);
    let typed = crate::domain::fields::parse_date(&form.date);
    let Some(until) = snoozed_until(choice, today, typed) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/follow-ups",
            FlashKind::Error,
            "flash-snooze-date",
        ));
    };
    state
        .db
        .run(move |conn| follow_ups::snooze(conn, &f, until, user_id, db::now()))
        .await?;
    Ok(back(&req, &state, "flash-follow-up-snoozed"))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ReassignForm {
    pub assignee_id: String,
}

pub async fn reassign(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<ReassignForm>,
) -> Result<HttpResponse, WebError> {
    let f = actionable(&ctx, &state, path.into_inner()).await?;
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let Ok(to) = form.assignee_id.trim().parse::<i64>() else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/follow-ups",
            FlashKind::Error,
            "flash-reassign-choose",
        ));
    };
    let mail = state.mail.clone();
    let ok = state
        .db
        .run(move |conn| -> Result<bool, DbError> {
            // A colleague in the scope: the own team (anyone for an admin).
            if !users::is_active_in(conn, scope, to)? {
                return Ok(false);
            }
            follow_ups::reassign(conn, &f, to, user_id, db::now(), &mail.site)?;
            Ok(true)
        })
        .await?;
    if !ok {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/follow-ups",
            FlashKind::Error,
            "flash-reassign-choose",
        ));
    }
    Ok(back(&req, &state, "flash-follow-up-reassigned"))
}
