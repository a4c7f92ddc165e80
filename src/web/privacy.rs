//! Data protection for admins: the jobseeker retention period, and anonymising at once what is
//! past it.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::{settings, DbError};
use crate::domain::validation::FieldErrors;
use crate::jobs::retention;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

pub async fn page(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let months = state.db.run(retention::months).await?;
    Ok(views::privacy::page(
        &ctx,
        &months.to_string(),
        &FieldErrors::default(),
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct RetentionForm {
    pub months: String,
}

pub async fn set_retention(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<RetentionForm>,
) -> Result<HttpResponse, WebError> {
    let typed = form.into_inner().months;
    let Some(months) = typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=120).contains(m))
    else {
        let mut errors = FieldErrors::default();
        errors.add("months", "privacy-error-months");
        return Ok(unprocessable(views::privacy::page(&ctx, &typed, &errors)));
    };
    state
        .db
        .run(move |conn| -> Result<(), DbError> {
            settings::set(conn, retention::SETTING, &months.to_string())
        })
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/privacy",
        FlashKind::Success,
        "flash-retention-saved",
    ))
}

pub async fn run_now(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    state.db.run(retention::run_once).await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/privacy",
        FlashKind::Success,
        "flash-retention-run",
    ))
}
