//! The gate every request passes: who is signed in, which language, whether the route admits
//! them, and whether a state-changing request carries its CSRF token.

use super::context::{Ctx, Flash};
use super::cookies;
use super::routes::{self, Access};
use super::{AppState, WebError};
use crate::auth::token;
use crate::db::idempotency::{self, IdempotencyKey};
use crate::db::{self, Scope};
use crate::i18n::Lang;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};

pub const CSRF_FIELD: &str = "csrf";

pub async fn gate(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Every refusal and failure here becomes a response, never an `Err`: an error leaving a
    // middleware skips the error pages and the security headers around it.
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(req.error_response(WebError::Internal("application state missing".into())));
    };
    let key = &state.cookie_key;
    // Read what is needed from the request now: actix-web routes only a request whose
    // HttpRequest is not held anywhere else, so no clone may live across `next.call`.
    let incoming = {
        let r = req.request();
        Incoming {
            session: cookies::read_signed(r, key, cookies::SESSION),
            visitor: cookies::read_signed(r, key, cookies::VISITOR),
            language: cookies::read_signed(r, key, cookies::LANGUAGE).and_then(|l| Lang::parse(&l)),
            accept_language: r
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned(),
            flash: cookies::read_signed(r, key, cookies::FLASH).and_then(|f| Flash::decode(&f)),
            had_flash: r.cookie(cookies::FLASH).is_some(),
            secure: cookies::is_https(r),
            path: r.path().to_owned(),
        }
    };

    // Who is this, and whose jobseekers may they read? Only a live session makes a scope.
    let policy = state.edge.sessions;
    let (user, scope) = match incoming.session.clone() {
        Some(token) => {
            let found = state
                .db
                .run(move |conn| Scope::of_session(conn, &token, db::now(), &policy))
                .await;
            match found {
                Ok(found) => found.unzip(),
                Err(e) => return Ok(req.error_response(WebError::from(e))),
            }
        }
        None => (None, None),
    };

    // The CSRF token is bound to the session, or to an anonymous visitor cookie before sign-in.
    // Assets are cached publicly: they must never carry a Set-Cookie.
    let is_asset = incoming.path.starts_with("/static/");
    let new_visitor = match (&user, &incoming.visitor) {
        (None, None) if !is_asset => Some(token::generate()),
        _ => None,
    };
    let csrf_seed = match (&user, &incoming.session) {
        (Some(_), Some(t)) => format!("s:{t}"),
        _ => format!(
            "v:{}",
            incoming
                .visitor
                .clone()
                .or_else(|| new_visitor.clone())
                .unwrap_or_default()
        ),
    };
    let csrf = token::keyed(&state.secret, "csrf", &csrf_seed);

    let lang = match &user {
        Some(u) => u.language,
        None => incoming
            .language
            .unwrap_or_else(|| Lang::from_accept_language(&incoming.accept_language)),
    };
    let role = user.as_ref().map(|u| u.role);
    req.extensions_mut().insert(Ctx {
        lang,
        user,
        scope,
        csrf: csrf.clone(),
        flash: incoming.flash,
        organisation_name: state.organisation_name.clone(),
        path: incoming.path,
    });

    // May they use this route?
    if let Some(pattern) = req.match_pattern() {
        let Some(spec) = routes::lookup(req.method(), &pattern) else {
            return Ok(req.error_response(WebError::NotFound));
        };
        if !spec.access.allows(role) {
            if role.is_none() {
                let redirect = redirect_to_sign_in(req.request());
                return Ok(req.into_response(redirect));
            }
            return Ok(req.error_response(WebError::Forbidden));
        }
        if spec.access == Access::Public && matches!(spec.path, "/health" | "/ready") {
            // Monitoring probes neither hold cookies nor need them.
            return next.call(req).await.map(|r| r.map_into_boxed_body());
        }
    }

    // No text a person types holds a NUL character, and PostgreSQL cannot store one: a query
    // or form carrying it is refused here, whichever field it is in.
    if has_nul(&decode(req.query_string().as_bytes())) {
        return Ok(req.error_response(WebError::BadRequest("NUL in the query".into())));
    }

    // State-changing requests must carry the token of this session or visitor.
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        // A body too large or unreadable is answered here, as a page in the user's language.
        let presented = match presented_form(&mut req).await {
            Ok(p) => p,
            Err(e) => return Ok(req.error_response(e)),
        };
        if !presented
            .csrf
            .is_some_and(|p| token::constant_time_eq(&p, &csrf))
        {
            return Ok(req.error_response(WebError::Csrf));
        }
        if presented.nul {
            return Ok(req.error_response(WebError::BadRequest("NUL in the form".into())));
        }
        if let Some(key) = presented.once {
            req.extensions_mut().insert(key);
        }
    }

    let secure = incoming.secure;
    let had_flash = incoming.had_flash;
    let mut res = next.call(req).await?.map_into_boxed_body();
    if let Some(v) = new_visitor {
        let cookie = cookies::signed(key, cookies::VISITOR, v, secure, None);
        res.response_mut().add_cookie(&cookie).ok();
    }
    // A flash is shown once: forget it after the page that showed it.
    let shown = res.status().is_success() || res.status().is_client_error();
    let sets_new_flash = res.response().cookies().any(|c| c.name() == cookies::FLASH);
    if had_flash && shown && !sets_new_flash {
        res.response_mut()
            .add_cookie(&cookies::removal(cookies::FLASH))
            .ok();
    }
    Ok(res)
}

fn redirect_to_sign_in(req: &actix_web::HttpRequest) -> HttpResponse {
    let target = if req.method() == Method::GET {
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        format!("/login?next={}", urlencode(next))
    } else {
        "/login".to_owned()
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .finish()
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// What the gate reads of a form: its CSRF token, its idempotency key, and whether any field
/// holds a NUL.
struct Presented {
    csrf: Option<String>,
    once: Option<IdempotencyKey>,
    nul: bool,
}

/// The CSRF token and the idempotency key from a form body (read and put back for the
/// handler, and kept for an error page that gives back what was typed) or from the query
/// string (for multipart uploads, whose bodies are not read here).
async fn presented_form(req: &mut ServiceRequest) -> Result<Presented, actix_web::Error> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        let fields = decode(req.query_string().as_bytes());
        return Ok(Presented {
            csrf: form_value(&fields, CSRF_FIELD),
            once: once_key(&fields),
            nul: false,
        });
    }
    let body = req.extract::<web::Bytes>().await?;
    let fields = decode(&body);
    req.set_payload(Payload::from(body));
    let presented = Presented {
        csrf: form_value(&fields, CSRF_FIELD),
        once: once_key(&fields),
        nul: has_nul(&fields),
    };
    req.extensions_mut()
        .insert(super::error::SubmittedForm(fields));
    Ok(presented)
}

fn once_key(fields: &[(String, String)]) -> Option<IdempotencyKey> {
    form_value(fields, idempotency::FIELD).and_then(|k| IdempotencyKey::parse(&k))
}

/// The idempotency key a create form carried (see [`crate::db::idempotency`]); handlers take
/// it as `Option<IdempotencyKey>`, absent for clients that send none.
impl actix_web::FromRequest for IdempotencyKey {
    type Error = WebError;
    type Future = std::future::Ready<Result<Self, WebError>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            req.extensions()
                .get::<IdempotencyKey>()
                .cloned()
                .ok_or(WebError::BadRequest(idempotency::FIELD.into())),
        )
    }
}

fn decode(encoded: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(encoded).unwrap_or_default()
}

fn form_value(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn has_nul(fields: &[(String, String)]) -> bool {
    fields
        .iter()
        .any(|(k, v)| k.contains('\0') || v.contains('\0'))
}

struct Incoming {
    session: Option<String>,
    visitor: Option<String>,
    language: Option<Lang>,
    accept_language: String,
    flash: Option<Flash>,
    had_flash: bool,
    secure: bool,
    path: String,
}
