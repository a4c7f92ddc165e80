//! Error pages (403, 404, 500, ...) in the user's language.

use super::layout;
use crate::i18n::Lang;
use crate::web::Ctx;
use actix_web::http::StatusCode;
use maud::{html, Markup, DOCTYPE};

fn message_ids(status: StatusCode, csrf: bool) -> (&'static str, &'static str) {
    match status.as_u16() {
        _ if csrf => ("error-csrf-title", "error-csrf-text"),
        401 => ("error-401-title", "error-401-text"),
        403 => ("error-403-title", "error-403-text"),
        404 => ("error-404-title", "error-404-text"),
        405 => ("error-404-title", "error-404-text"),
        413 => ("error-413-title", "error-413-text"),
        503 => ("error-503-title", "error-503-text"),
        s if s < 500 => ("error-400-title", "error-400-text"),
        _ => ("error-500-title", "error-500-text"),
    }
}

/// What an error page may add: the request id of a server error, for the user to quote, and
/// what they typed into a form that could not be saved.
#[derive(Debug, Default)]
pub struct Details<'a> {
    pub request_id: Option<&'a str>,
    pub typed: &'a [(String, String)],
}

fn details(lang: Lang, d: &Details) -> Markup {
    html! {
        @if !d.typed.is_empty() {
            h2 { (lang.t("error-typed-title")) }
            p { (lang.t("error-typed-text")) }
            @for (i, (_, value)) in d.typed.iter().enumerate() {
                @let id = format!("typed-{i}");
                label.visually-hidden for=(id) { (lang.t("error-typed-title")) " " (i + 1) }
                textarea id=(id) readonly rows="3" { (value) }
            }
        }
        @if let Some(id) = d.request_id {
            p.error-code { (lang.ta("error-request-id", &[("id", id.to_owned().into())])) }
        }
    }
}

pub fn page(ctx: &Ctx, status: StatusCode, csrf: bool, d: &Details) -> Markup {
    let (title, text) = message_ids(status, csrf);
    let body = html! {
        div.narrow {
            h1 { (ctx.t(title)) }
            p { (ctx.t(text)) }
            (details(ctx.lang, d))
            p { a href="/" { (ctx.t("error-back-home")) } }
        }
    };
    layout::page(ctx, &ctx.t(title), body)
}

/// For the rare error raised before the request context exists.
pub fn bare(lang: Lang, status: StatusCode, d: &Details) -> Markup {
    let (title, text) = message_ids(status, false);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; title { (lang.t(title)) } }
            body { main { h1 { (lang.t(title)) } p { (lang.t(text)) } (details(lang, d)) } }
        }
    }
}
