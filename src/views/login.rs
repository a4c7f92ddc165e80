//! The sign-in page.

use super::components::{csrf, Input};
use super::layout;
use crate::domain::validation::FieldErrors;
use crate::i18n::Lang;
use crate::web::Ctx;
use maud::{html, Markup};

/// The sign-in page; `error` is the message as shown (already in the user's language).
pub fn page(ctx: &Ctx, email: &str, next: Option<&str>, error: Option<&str>) -> Markup {
    let no_errors = FieldErrors::default();
    let body = html! {
        div.narrow {
            h1 { (ctx.t("login-title")) }
            p.lead { (ctx.t("login-intro")) }
            @if let Some(message) = error {
                div.error-summary role="alert" tabindex="-1" { p { (message) } }
            }
            form.stack method="post" action="/login" {
                (csrf(ctx))
                @if let Some(next) = next { input type="hidden" name="next" value=(next); }
                (Input::new("email", ctx.t("login-email"), email).kind("email").autocomplete("username").required().render(ctx, &no_errors))
                (Input::new("password", ctx.t("login-password"), "").kind("password").autocomplete("current-password").required().render(ctx, &no_errors))
                button.primary type="submit" { (ctx.t("login-submit")) }
            }
            nav.language-links aria-label=(ctx.t("login-language")) {
                ul {
                    @for lang in Lang::ALL {
                        li {
                            @if lang == ctx.lang {
                                span lang=(lang.code()) aria-current="true" { (lang.native_name()) }
                            } @else {
                                a href=(format!("/login?lang={}", lang.code())) lang=(lang.code()) hreflang=(lang.code()) { (lang.native_name()) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("login-title"), body)
}
