//! The web layer's one error type, and the error pages in the user's language.

use crate::db::DbError;
use crate::i18n::Lang;
use crate::views;
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
            WebError::Internal(_) | WebError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        // The body is plain: the error-page handler renders the page in the user's language.
        let mut res = HttpResponse::build(self.status_code()).body(self.to_string());
        if matches!(self, WebError::Csrf) {
            res.extensions_mut().insert(ErrorKind::Csrf);
        }
        res
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
/// HTML (a form shown again with its errors) are left as they are.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let csrf = matches!(
        res.response().extensions().get::<ErrorKind>(),
        Some(ErrorKind::Csrf)
    );
    let ctx = res.request().extensions().get::<crate::web::Ctx>().cloned();
    let markup = match &ctx {
        Some(ctx) => views::error::page(ctx, status, csrf),
        // Before the request context exists: the browser's language.
        None => {
            let accept = res
                .request()
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            views::error::bare(Lang::from_accept_language(accept), status)
        }
    };
    let (req, res) = res.into_parts();
    let mut res = res.set_body(markup.into_string());
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let res = ServiceResponse::new(req, res)
        .map_into_boxed_body()
        .map_into_right_body::<B>();
    Ok(ErrorHandlerResponse::Response(res))
}
