//! One log line per request, with a request id that the user sees on an error page and can
//! quote: method, route (the pattern, never the ids or the query), status, duration and the
//! user's id. Never names, never jobseeker data. A 5xx is one ERROR line with its cause.

use super::Ctx;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use std::time::Instant;
use tracing::Instrument;

/// The id of one request: 12 random URL-safe characters.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn log_requests<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, actix_web::Error> {
    let id: String = crate::auth::token::generate().chars().take(12).collect();
    req.extensions_mut().insert(RequestId(id.clone()));
    let method = req.method().clone();
    let quiet = matches!(req.path(), "/health" | "/ready") || req.path().starts_with("/static/");
    let started = Instant::now();
    let span = tracing::info_span!("request", id = %id);
    let result = next.call(req).instrument(span.clone()).await;
    let _entered = span.enter();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut res = match result {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(%method, status = 500, ms, error = %e, "request failed");
            return Err(e);
        }
    };
    let status = res.status().as_u16();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "-".to_owned());
    let user = res
        .request()
        .extensions()
        .get::<Ctx>()
        .and_then(|c| c.user.as_ref().map(|u| u.id));
    let user = user
        .map(|u| u.to_string())
        .unwrap_or_else(|| "-".to_owned());
    if status >= 500 {
        let cause = res
            .response()
            .error()
            .map(|e| e.to_string())
            .unwrap_or_else(|| "no cause recorded".to_owned());
        tracing::error!(%method, %route, status, ms, %user, error = %cause, "request failed");
    } else if quiet {
        tracing::debug!(%method, %route, status, ms, "request");
    } else {
        tracing::info!(%method, %route, status, ms, %user, "request");
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}
