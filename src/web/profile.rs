//! The signed-in user's own settings: language and password.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::{AppState, Ctx, WebError};
use crate::auth::password;
use crate::db::{reminders, users, DbError};
use crate::domain::digest::DigestPreference;
use crate::domain::validation::FieldErrors;
use crate::i18n::Lang;
use crate::views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

/// The user's digest preference and the organisation's digest time.
async fn reminders(ctx: &Ctx, state: &AppState) -> Result<views::profile::Reminders, WebError> {
    let user_id = ctx.user()?.id;
    let (digest, time) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                reminders::digest_preference(conn, user_id)?,
                crate::jobs::planner::digest_time(conn)?,
            ))
        })
        .await?;
    Ok(views::profile::Reminders {
        digest,
        time: crate::domain::digest::format_time(time).replace(':', "."),
    })
}

pub async fn show(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let reminders = reminders(&ctx, &state).await?;
    Ok(views::profile::page(
        &ctx,
        &FieldErrors::default(),
        &reminders,
    ))
}

#[derive(Debug, Deserialize)]
pub struct DigestForm {
    #[serde(default)]
    pub digest: String,
}

pub async fn set_digest(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<DigestForm>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let Some(pref) = DigestPreference::parse(&form.digest) else {
        let mut errors = FieldErrors::default();
        errors.add("digest", "profile-digest-error");
        let reminders = reminders(&ctx, &state).await?;
        return Ok(unprocessable(views::profile::page(
            &ctx, &errors, &reminders,
        )));
    };
    state
        .db
        .run(move |conn| reminders::set_digest_preference(conn, user_id, pref))
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        "/profile",
        FlashKind::Success,
        "flash-digest-saved",
    ))
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    pub language: String,
}

pub async fn set_language(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let Some(lang) = Lang::parse(&form.language) else {
        let mut errors = FieldErrors::default();
        errors.add("language", "profile-error-language");
        let reminders = reminders(&ctx, &state).await?;
        return Ok(unprocessable(views::profile::page(
            &ctx, &errors, &reminders,
        )));
    };
    state
        .db
        .run(move |conn| users::set_language(conn, user_id, lang))
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        "/profile",
        FlashKind::Success,
        "flash-language-saved",
    ))
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub confirm: String,
}

pub async fn change_password(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let user = ctx.user()?.clone();
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    if form.new.chars().count() < password::MIN_LENGTH {
        errors.add("new", "password-error-short");
    } else if form.new != form.confirm {
        errors.add("confirm", "password-error-mismatch");
    }
    let valid = errors.is_empty();
    // The session making the change stays; every other session of the user ends.
    let this_session =
        super::cookies::read_signed(&req, &state.cookie_key, super::cookies::SESSION)
            .unwrap_or_default();
    let current_ok = state
        .db
        .run(move |conn| -> Result<bool, DbError> {
            let Some((_, hash)) = users::find_for_sign_in(conn, &user.email)? else {
                return Ok(false);
            };
            if !password::verify(&hash, &form.current) {
                return Ok(false);
            }
            if valid {
                let new_hash = password::hash(&form.new)
                    .map_err(|e| DbError::Invalid(format!("cannot hash password: {e}")))?;
                users::change_password(conn, user.id, &new_hash, &this_session)?;
            }
            Ok(true)
        })
        .await?;
    if !current_ok {
        errors.add("current", "password-error-current");
    }
    if !errors.is_empty() {
        let reminders = reminders(&ctx, &state).await?;
        return Ok(unprocessable(views::profile::page(
            &ctx, &errors, &reminders,
        )));
    }
    Ok(redirect_with_flash(
        &req,
        &state,
        "/profile",
        FlashKind::Success,
        "flash-password-changed",
    ))
}

pub fn unprocessable(page: Markup) -> HttpResponse {
    HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}
