//! The web layer's one error type, and the error pages in the user's language.

use crate::db::DbError;
use crate::i18n::Lang;
use crate::views;
use crate::web::request_log::RequestId;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpMessage, HttpResponse, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    Unauthorized,
    #[error("the form's security token is missing or stale")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("internal error: {0}")]
    Internal(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Db(e) if e.storage_fault().is_some() => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) | WebError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        // The body is plain: the error-page handler renders the page in the user's language.
        let mut res = HttpResponse::build(self.status_code()).body(self.to_string());
        if matches!(self, WebError::Csrf) {
            res.extensions_mut().insert(ErrorKind::Csrf);
        }
        res
    }
}

/// The fields of a submitted form, kept by the gate so that an error page after a fault can
/// give back what the user typed.
#[derive(Debug, Clone, Default)]
pub struct SubmittedForm(pub Vec<(String, String)>);

impl SubmittedForm {
    /// What a person typed: non-empty values, without tokens, passwords and hidden plumbing.
    pub fn typed_text(&self) -> Vec<(String, String)> {
        const HIDDEN: [&str; 6] = ["csrf", "once", "password", "version", "back", "from"];
        self.0
            .iter()
            .filter(|(k, v)| {
                !v.trim().is_empty()
                    && !HIDDEN.contains(&k.as_str())
                    && !k.contains("password")
                    && !k.ends_with("_id")
            })
            .cloned()
            .collect()
    }
}

/// Marks responses whose error page needs its own wording.
#[derive(Debug, Clone, Copy)]
pub enum ErrorKind {
    Csrf,
}

pub async fn not_found() -> Result<HttpResponse, WebError> {
    Err(WebError::NotFound)
}

/// Replaces plain error bodies (ours and actix-web's) by a full page; pages already rendered as
/// HTML (a form shown again with its errors) and JSON answers (the probes) are left as they are.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if is_html {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let csrf = matches!(
        res.response().extensions().get::<ErrorKind>(),
        Some(ErrorKind::Csrf)
    );
    let ctx = res.request().extensions().get::<crate::web::Ctx>().cloned();
    let request_id = res
        .request()
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone());
    // After a fault nothing was saved: the page gives back what the user typed.
    let typed = if status.is_server_error() {
        res.request()
            .extensions()
            .get::<SubmittedForm>()
            .map(|f| f.typed_text())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let details = views::error::Details {
        request_id: request_id.as_deref().filter(|_| status.is_server_error()),
        typed: &typed,
    };
    let markup = match &ctx {
        Some(ctx) => views::error::page(ctx, status, csrf, &details),
        // Before the request context exists: the browser's language.
        None => {
            let accept = res
                .request()
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            views::error::bare(Lang::from_accept_language(accept), status, &details)
        }
    };
    let (req, res) = res.into_parts();
    let mut res = res.set_body(markup.into_string());
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if status == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    if !typed.is_empty() {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let res = ServiceResponse::new(req, res)
        .map_into_boxed_body()
        .map_into_right_body::<B>();
    Ok(ErrorHandlerResponse::Response(res))
}
