//! Signing in and out.

use super::context::{Flash, FlashKind};
use super::{cookies, AppState, Ctx, WebError};
use crate::auth::password;
use crate::db::throttle::{self, Reservation};
use crate::db::{self, sessions, users, DbError};
use crate::domain::local_path::LocalPath;
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
    let next = safe_next(query.next.as_deref());
    let page = views::login::page(&ctx, "", next.as_ref().map(LocalPath::as_str), None);
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
}

pub async fn submit(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let next = safe_next(form.next.as_deref());
    let account = form.email.trim().to_lowercase();
    // The address the throttle counts: the peer, or what a trusted proxy says.
    let address = super::headers::client(&req).address_key();
    let old_session = cookies::read_signed(&req, &state.cookie_key, cookies::SESSION);
    let typed_password = form.password.clone();
    let throttle_policy = state.edge.throttle;
    let session_policy = state.edge.sessions;

    // A place for this password check is reserved before it is made: parallel guesses are
    // counted one by one, and the limit is never passed.
    let reservation = {
        let (account, address) = (account.clone(), address.clone());
        state
            .db
            .run(move |conn| {
                throttle::reserve(conn, &throttle_policy, &account, &address, db::now())
            })
            .await?
    };
    let account_failures = match reservation {
        Reservation::Refused => {
            let policy = throttle_policy;
            let message = ctx.ta(
                "login-error-throttled",
                &[
                    ("account", policy.per_account_and_address.into()),
                    ("address", policy.per_address.into()),
                    ("minutes", policy.window_minutes().into()),
                ],
            );
            return Ok(render_text(
                &ctx,
                &form.email,
                next.as_ref(),
                &message,
                StatusCode::TOO_MANY_REQUESTS,
            ));
        }
        Reservation::Admitted { account_failures } => account_failures,
    };
    // An account under attack from many addresses answers slowly, but it is never locked:
    // the owner signs in from their own address.
    let delay = throttle_policy.delay(account_failures);
    if !delay.is_zero() {
        actix_web::rt::time::sleep(delay).await;
    }

    let outcome = state
        .db
        .run(move |conn| -> Result<Outcome, DbError> {
            let now = db::now();
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
                    throttle::forgive(conn, &throttle_policy, &account, &address, now)?;
                    if let Some(old) = old_session {
                        sessions::end(conn, &old)?;
                    }
                    Ok(Outcome::SignedIn(sessions::create(
                        conn,
                        user.id,
                        now,
                        &session_policy,
                    )?))
                }
                // The failure was counted when the check was reserved.
                _ => Ok(Outcome::Wrong),
            }
        })
        .await?;

    match outcome {
        Outcome::SignedIn(token) => {
            let lifetime = Duration::seconds(session_policy.lifetime.num_seconds());
            let cookie = cookies::signed(
                &state.cookie_key,
                cookies::SESSION,
                token,
                cookies::is_https(&req),
                Some(lifetime),
            );
            let target = next.as_ref().map(LocalPath::as_str).unwrap_or("/");
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target.to_owned()))
                .cookie(cookie)
                .cookie(cookies::removal(cookies::VISITOR))
                .finish())
        }
        Outcome::Wrong => Ok(render(
            &ctx,
            &form.email,
            next.as_ref(),
            "login-error-wrong",
            StatusCode::UNAUTHORIZED,
        )),
    }
}

fn render(
    ctx: &Ctx,
    email: &str,
    next: Option<&LocalPath>,
    error: &str,
    status: StatusCode,
) -> HttpResponse {
    render_text(ctx, email, next, &ctx.t(error), status)
}

fn render_text(
    ctx: &Ctx,
    email: &str,
    next: Option<&LocalPath>,
    message: &str,
    status: StatusCode,
) -> HttpResponse {
    let next = next.map(LocalPath::as_str);
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(views::login::page(ctx, email, next, Some(message)).into_string())
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

/// Only paths on this site (see [`LocalPath`]): never `//host`, `https://host` or anything
/// a browser could read as another site.
fn safe_next(next: Option<&str>) -> Option<LocalPath> {
    next.and_then(LocalPath::parse)
}

/// A redirect's target as a header value: a [`LocalPath`], or the home page when `location` is
/// not one (a handler never puts unchecked text into a header).
fn location(location: &str) -> String {
    match LocalPath::parse(location) {
        Some(path) => path.into_string(),
        None => {
            tracing::warn!(
                location,
                "refused a redirect target that is not a local path"
            );
            "/".to_owned()
        }
    }
}

pub fn see_other(target: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location(target)))
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
        .insert_header((header::LOCATION, self::location(location)))
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
    use super::{location, safe_next};

    #[test]
    fn next_stays_on_site() {
        let kept = |n: &str| safe_next(Some(n)).map(|p| p.into_string());
        assert_eq!(kept("/employers?q=a").as_deref(), Some("/employers?q=a"));
        assert_eq!(kept("//evil.example"), None);
        assert_eq!(kept("/\t//evil.example"), None);
        assert_eq!(kept("https://evil.example"), None);
        assert_eq!(kept("/\\evil.example"), None);
        assert_eq!(safe_next(None), None);
    }

    #[test]
    fn a_redirect_never_carries_unchecked_text() {
        assert_eq!(location("/matches?x=1"), "/matches?x=1");
        assert_eq!(location("/matches\r\nSet-Cookie: a=b"), "/");
        assert_eq!(location("//evil.example"), "/");
    }
}
