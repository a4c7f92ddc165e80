//! Signed cookies: the session, the anonymous visitor's CSRF seed, the language, the flash.

use actix_web::cookie::{time::Duration, Cookie, CookieJar, Key, SameSite};
use actix_web::HttpRequest;

pub const SESSION: &str = "verkosto_session";
pub const VISITOR: &str = "verkosto_visitor";
pub const LANGUAGE: &str = "verkosto_lang";
pub const FLASH: &str = "verkosto_flash";

/// The verified value of a signed cookie, or `None` if absent or tampered with.
pub fn read_signed(req: &HttpRequest, key: &Key, name: &str) -> Option<String> {
    let raw = req.cookie(name)?;
    let mut jar = CookieJar::new();
    jar.add_original(raw.into_owned());
    jar.signed(key).get(name).map(|c| c.value().to_owned())
}

/// A signed, HttpOnly, SameSite=Lax cookie for the whole site; Secure over https.
pub fn signed(
    key: &Key,
    name: &'static str,
    value: String,
    secure: bool,
    max_age: Option<Duration>,
) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .finish();
    if let Some(age) = max_age {
        cookie.set_max_age(age);
    }
    let mut jar = CookieJar::new();
    jar.signed_mut(key).add(cookie);
    jar.get(name)
        .cloned()
        .unwrap_or_else(|| Cookie::new(name, ""))
}

/// A cookie that tells the browser to forget `name`.
pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, "").path("/").finish();
    cookie.make_removal();
    cookie
}

/// Whether the request came over https, as a trusted proxy says (`VERKOSTO_TRUSTED_PROXIES`);
/// a client's own `X-Forwarded-Proto` is not believed.
pub fn is_https(req: &HttpRequest) -> bool {
    super::headers::client(req).https
}
