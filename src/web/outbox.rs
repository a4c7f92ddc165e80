//! Admin: the Outbox (every message with its state, read one, retry a failed one) and the
//! organisation's digest time.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::{AppState, Ctx, WebError};
use crate::db::outbox::{self, State};
use crate::db::{self, DbError};
use crate::mail::read;
use crate::views;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

/// How many messages the list shows at most (newest first).
const LIST_LIMIT: i64 = 200;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub state: String,
}

pub async fn list(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<Markup, WebError> {
    let filter = State::parse(&query.state);
    let (counts, entries) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                outbox::counts(conn)?,
                outbox::list(conn, filter, LIST_LIMIT)?,
            ))
        })
        .await?;
    Ok(views::outbox::list(
        &ctx,
        &views::outbox::ListPage {
            counts: &counts,
            entries: &entries,
            filter,
            delivery: &state.mail.delivery,
            limit: LIST_LIMIT,
        },
    ))
}

async fn load(state: &AppState, id: i64) -> Result<(outbox::Entry, String), WebError> {
    state
        .db
        .run(move |conn| outbox::find(conn, id))
        .await?
        .ok_or(WebError::NotFound)
}

pub async fn show(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let (entry, message) = load(&state, path.into_inner()).await?;
    let readable = read::parse(message.as_bytes());
    Ok(views::outbox::show(
        &ctx,
        &entry,
        readable.as_ref(),
        &message,
    ))
}

/// The HTML body on its own, sandboxed: no scripts, no requests, no forms, not framable.
pub async fn html(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    let (_, message) = load(&state, path.into_inner()).await?;
    let html = read::parse(message.as_bytes())
        .map(|r| r.html)
        .unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
             frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(html))
}

pub async fn retry(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let retried = state
        .db
        .run(move |conn| outbox::retry(conn, id, db::now()))
        .await?;
    let (kind, message) = if retried {
        (FlashKind::Success, "flash-outbox-retried")
    } else {
        (FlashKind::Error, "flash-outbox-not-failed")
    };
    Ok(redirect_with_flash(
        &req,
        &state,
        &format!("/admin/outbox/{id}"),
        kind,
        message,
    ))
}
