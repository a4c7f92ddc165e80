//! The admin's data-protection page.

use super::components::{csrf, error_summary, Input};
use super::layout;
use crate::domain::validation::FieldErrors;
use crate::web::Ctx;
use maud::html;
use maud::Markup;

pub fn page(ctx: &Ctx, months: &str, errors: &FieldErrors) -> Markup {
    let title = ctx.t("privacy-title");
    let body = html! {
        h1 { (title) }
        p { (ctx.t("privacy-intro")) }
        (error_summary(ctx, errors))
        form.stack method="post" action="/admin/privacy/retention" novalidate {
            (csrf(ctx))
            (Input::new("months", ctx.t("privacy-months"), months).kind("number").hint(ctx.t("privacy-months-hint")).required().render(ctx, errors))
            div.actions { button.primary type="submit" { (ctx.t("employer-save")) } }
        }
        section aria-labelledby="run-title" {
            h2 #run-title { (ctx.t("privacy-run-title")) }
            p { (ctx.t("privacy-run-text")) }
            form method="post" action="/admin/privacy/run" {
                (csrf(ctx))
                button type="submit" { (ctx.t("privacy-run")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}
