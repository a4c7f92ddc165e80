//! Handover: a team lead gives a leaving coach's follow-ups, jobseekers, employers and open
//! matches to colleagues in one step.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::handover::{self, Item};
use crate::db::{self, outbox, users, DbError, Scope};
use crate::domain::handover::{plan, PlanError};
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    pub from: String,
}

/// What the page needs: the scope's people (a team lead's own team, everyone for an admin) to
/// pick from, the leaving coach and what they hold.
pub struct HandoverPage {
    pub people: Vec<users::User>,
    pub from: Option<users::User>,
    pub items: Vec<Item>,
}

async fn load(state: &AppState, scope: Scope, from: Option<i64>) -> Result<HandoverPage, WebError> {
    Ok(state
        .db
        .run(move |conn| -> Result<HandoverPage, DbError> {
            let people = users::list_in(conn, scope)?;
            let from = from.and_then(|id| people.iter().find(|u| u.id == id).cloned());
            let items = match &from {
                Some(u) => handover::holdings(conn, scope, u.id)?.unwrap_or_default(),
                None => Vec::new(),
            };
            Ok(HandoverPage {
                people,
                from,
                items,
            })
        })
        .await?)
}

pub async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<Markup, WebError> {
    let from = query.from.trim().parse().ok();
    let page = load(&state, ctx.scope()?, from).await?;
    if from.is_some() && page.from.is_none() {
        return Err(WebError::NotFound);
    }
    Ok(views::handover::page(&ctx, &page, &HashMap::new(), &[]))
}

pub async fn submit(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let by = ctx.user()?.id;
    let scope = ctx.scope()?;
    let form = form.into_inner();
    let from: i64 = form
        .get("from")
        .and_then(|f| f.trim().parse().ok())
        .ok_or_else(|| WebError::BadRequest("from".into()))?;
    let page = load(&state, scope, Some(from)).await?;
    if page.from.is_none() {
        return Err(WebError::NotFound);
    }
    let held: Vec<_> = page.items.iter().map(|i| (i.kind, i.id)).collect();
    let colleagues: Vec<i64> = page
        .people
        .iter()
        .filter(|u| u.active)
        .map(|u| u.id)
        .collect();
    let chosen = match plan(&held, &form, from, &colleagues) {
        Ok(p) => p,
        Err(errors) => {
            return Ok(unprocessable(views::handover::page(
                &ctx, &page, &form, &errors,
            )));
        }
    };
    let count = chosen.len();
    let mail = state.mail.clone();
    state
        .db
        .run(move |conn| {
            let now = db::now();
            // Each colleague who received something gets one notice, queued in this transaction.
            handover::apply(conn, scope, from, &chosen, by, now, |conn, received| {
                outbox::enqueue_assignment_notice(
                    conn,
                    &mail.site,
                    received.to,
                    by,
                    &received.follow_ups,
                    &received.also,
                    now,
                )
                .map(|_| ())
            })
        })
        .await?;
    let message = if count == 0 {
        "flash-handover-nothing"
    } else {
        "flash-handover-done"
    };
    Ok(redirect_with_flash(
        &req,
        &state,
        &format!("/handover?from={from}"),
        FlashKind::Success,
        message,
    ))
}

/// Reads which group a plan error belongs to, for the page.
pub fn error_kind(e: &PlanError) -> crate::domain::handover::Kind {
    match e {
        PlanError::Unassigned(k) | PlanError::NotAColleague(k) => *k,
    }
}
