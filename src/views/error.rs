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
        s if s < 500 => ("error-400-title", "error-400-text"),
        _ => ("error-500-title", "error-500-text"),
    }
}

pub fn page(ctx: &Ctx, status: StatusCode, csrf: bool) -> Markup {
    let (title, text) = message_ids(status, csrf);
    let body = html! {
        div.narrow {
            h1 { (ctx.t(title)) }
            p { (ctx.t(text)) }
            p { a href="/" { (ctx.t("error-back-home")) } }
        }
    };
    layout::page(ctx, &ctx.t(title), body)
}

/// For the rare error raised before the request context exists.
pub fn bare(lang: Lang, status: StatusCode) -> Markup {
    let (title, text) = message_ids(status, false);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; title { (lang.t(title)) } }
            body { main { h1 { (lang.t(title)) } p { (lang.t(text)) } } }
        }
    }
}
