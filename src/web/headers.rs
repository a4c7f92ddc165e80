//! Headers on every response, error pages included: the security headers, HSTS when the request
//! came over https through a trusted proxy, and `Cache-Control: no-store` on everything but the
//! static assets (pages and downloads carry personal data; the simplest honest rule is none of
//! them is kept by a browser or a proxy).

use super::AppState;
use crate::auth::proxies::Client;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest};

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// Two years, as the HSTS preload list asks; subdomains are not ours to decide.
const HSTS: &str = "max-age=63072000";

/// The request's client as the configured trusted proxies let it be known.
pub fn client(req: &HttpRequest) -> Client {
    let peer = req.peer_addr().map(|a| a.ip());
    match req.app_data::<web::Data<AppState>>() {
        Some(state) => state.edge.proxies.client(peer, req.headers()),
        None => crate::auth::proxies::TrustedProxies::default().client(peer, req.headers()),
    }
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_static = req.path().starts_with("/static/");
    let https = client(req.request()).https;
    let mut res = next.call(req).await?.map_into_boxed_body();
    let ok = res.status().is_success() || res.status() == actix_web::http::StatusCode::NOT_MODIFIED;
    let headers = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        // A page may set a stricter policy of its own (the sandboxed mail preview).
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    if !(is_static && ok) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.remove(HeaderName::from_static("expires"));
    }
    Ok(res)
}
