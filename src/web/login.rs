//! Signing in and out.

use super::context::{Flash, FlashKind};
use super::{cookies, AppState, Ctx, WebError};
use crate::auth::{password, throttle};
use crate::db::{self, sessions, users, DbError};
use crate::i18n::Lang;
use crate::views;
use actix_web::cookie::time::Duration;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
pub struct LoginQuery {
    pub next: Option<String>,
    pub lang: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    pub next: Option<String>,
}

pub async fn form(
    req: HttpRequest,
    mut ctx: Ctx,
    query: web::Query<LoginQuery>,
    state: web::Data<AppState>,
) -> HttpResponse {
    if ctx.user.is_some() {
        return see_other("/");
    }
    let chosen = query.lang.as_deref().and_then(Lang::parse);
    if let Some(lang) = chosen {
        ctx.lang = lang;
    }
    let page = views::login::page(&ctx, "", safe_next(query.next.as_deref()), None);
    let mut res = HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.into_string());
    if let Some(lang) = chosen {
        let cookie = cookies::signed(
            &state.cookie_key,
            cookies::LANGUAGE,
            lang.code().to_owned(),
            cookies::is_https(&req),
            Some(Duration::days(365)),
        );
        res.add_cookie(&cookie).ok();
    }
    res
}

enum Outcome {
    SignedIn(String),
    Wrong,
    Throttled,
}

pub async fn submit(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let account = form.email.trim().to_lowercase();
    let address = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned());
    let old_session = cookies::read_signed(&req, &state.cookie_key, cookies::SESSION);
    let typed_password = form.password.clone();

    let outcome = state
        .db
        .run(move |conn| -> Result<Outcome, DbError> {
            let now = db::now();
            let (by_account, by_address) =
                sessions::recent_failures(conn, &account, &address, throttle::window_start(now))?;
            if throttle::is_throttled(by_account, by_address) {
                return Ok(Outcome::Throttled);
            }
            let found = users::find_for_sign_in(conn, &account)?;
            let ok = match &found {
                Some((user, hash)) => password::verify(hash, &typed_password) && user.active,
                None => {
                    password::verify_against_dummy(&typed_password);
                    false
                }
            };
            match (ok, found) {
                (true, Some((user, _))) => {
                    sessions::clear_failures(conn, &account)?;
                    if let Some(old) = old_session {
                        sessions::end(conn, &old)?;
                    }
                    Ok(Outcome::SignedIn(sessions::create(conn, user.id, now)?))
                }
                _ => {
                    sessions::record_failure(conn, &account, &address, now)?;
                    Ok(Outcome::Wrong)
                }
            }
        })
        .await?;

    let next = safe_next(form.next.as_deref());
    match outcome {
        Outcome::SignedIn(token) => {
            let cookie = cookies::signed(
                &state.cookie_key,
                cookies::SESSION,
                token,
                cookies::is_https(&req),
                Some(Duration::days(sessions::SESSION_DAYS)),
            );
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, next.unwrap_or("/")))
                .cookie(cookie)
                .cookie(cookies::removal(cookies::VISITOR))
                .finish())
        }
        Outcome::Wrong => Ok(render(
            &ctx,
            &form.email,
            next,
            "login-error-wrong",
            StatusCode::UNAUTHORIZED,
        )),
        Outcome::Throttled => Ok(render(
            &ctx,
            &form.email,
            next,
            "login-error-throttled",
            StatusCode::TOO_MANY_REQUESTS,
        )),
    }
}

fn render(
    ctx: &Ctx,
    email: &str,
    next: Option<&str>,
    error: &str,
    status: StatusCode,
) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(views::login::page(ctx, email, next, Some(error)).into_string())
}

pub async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    if let Some(token) = cookies::read_signed(&req, &state.cookie_key, cookies::SESSION) {
        state
            .db
            .run(move |conn| sessions::end(conn, &token))
            .await?;
    }
    let flash = Flash {
        kind: FlashKind::Success,
        message_id: "flash-signed-out".into(),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/login"))
        .cookie(cookies::removal(cookies::SESSION))
        .cookie(cookies::signed(
            &state.cookie_key,
            cookies::FLASH,
            flash.encode(),
            cookies::is_https(&req),
            None,
        ))
        .finish())
}

/// Only paths on this site: never `//host` or `https://host`, which would make an open redirect.
fn safe_next(next: Option<&str>) -> Option<&str> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// Redirects with a one-time message for the next page.
pub fn redirect_with_flash(
    req: &HttpRequest,
    state: &AppState,
    location: &str,
    kind: FlashKind,
    message_id: &str,
) -> HttpResponse {
    let flash = Flash {
        kind,
        message_id: message_id.to_owned(),
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .cookie(cookies::signed(
            &state.cookie_key,
            cookies::FLASH,
            flash.encode(),
            cookies::is_https(req),
            None,
        ))
        .finish()
}

/// The answer to a second submit of a form whose first submit saved already: back to what the
/// first one made, saying that nothing was saved twice.
pub fn already_saved(req: &HttpRequest, state: &AppState, location: &str) -> HttpResponse {
    redirect_with_flash(
        req,
        state,
        location,
        FlashKind::Success,
        "flash-already-saved",
    )
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/employers?q=a")), Some("/employers?q=a"));
        assert_eq!(safe_next(Some("//evil.example")), None);
        assert_eq!(safe_next(Some("https://evil.example")), None);
        assert_eq!(safe_next(Some("/\\evil.example")), None);
        assert_eq!(safe_next(None), None);
    }
}
